package org.gaitlens.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the rows of a job's clips as Parquet, one folder per {@link ResultTables.Table}, partitioned by
 * {@value ResultTables#RUN_KEY}. A rerun of a key replaces that key's partitions only (dynamic partition overwrite;
 * the key's old partitions are removed first, so a clip that failed before and is done now leaves no failure row).
 * {@code runs} is written last: a key with a row there has all its rows in the other tables.
 */
final class ResultWriter {
    private final SparkSession spark;
    private final ResultLayout layout;

    ResultWriter(SparkSession spark, ResultLayout layout) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /** Writes the rows of {@code results}, the outcomes of {@code tasks}. */
    void write(JavaRDD<ClipOutcome> results, List<ClipTask> tasks) {
        removeOldPartitions(tasks);
        for (ResultTables.Table t : ResultTables.Table.values()) {
            JavaRDD<Row> rows = results.flatMap(o -> o.rows(t).iterator());
            spark.createDataFrame(rows, ResultTables.schema(t)).write().mode(SaveMode.Overwrite)
                    .partitionBy(ResultTables.RUN_KEY).parquet(layout.table(t.folder()).toString());
        }
    }

    private void removeOldPartitions(List<ClipTask> tasks) {
        try {
            FileSystem fs = layout.table(ResultTables.Table.RUNS.folder())
                    .getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (ResultTables.Table t : ResultTables.Table.values()) {
                for (ClipTask task : tasks) {
                    fs.delete(layout.partition(t.folder(), task.key()), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the job's earlier rows under " + layout.uri(), e);
        }
    }
}
