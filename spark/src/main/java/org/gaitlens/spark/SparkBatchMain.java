package org.gaitlens.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gaitlens.cli.GaitlensCommand;

/**
 * The main class for {@code spark-submit} (docs/spark.md): {@code spark-submit --class org.gaitlens.spark.SparkBatchMain
 * ... gaitlens-spark.jar INPUT [batch options]} runs {@code gaitlens batch INPUT --engine spark [options]} with the
 * master and settings spark-submit gives.
 */
public final class SparkBatchMain {
    private SparkBatchMain() {
    }

    public static void main(String[] args) {
        List<String> a = new ArrayList<>();
        a.add("batch");
        a.addAll(Arrays.asList(args));
        a.add("--engine");
        a.add(SparkBatchEngine.NAME);
        GaitlensCommand.main(a.toArray(String[]::new));
    }
}
