package org.gaitlens.spark;

import org.gaitlens.batch.BatchEngine;
import org.gaitlens.batch.BatchJob;

/**
 * The batch as an Apache Spark job ({@code gaitlens batch --engine spark}; docs/spark.md), found by
 * {@link BatchEngine#named} through {@link java.util.ServiceLoader} when this module is on the class path.
 */
public final class SparkBatchEngine implements BatchEngine {
    /** The engine's name. */
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BatchJob open(Request request) {
        return new SparkBatchJob(request);
    }
}
