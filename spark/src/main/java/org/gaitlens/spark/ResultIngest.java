package org.gaitlens.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gaitlens.batch.BatchListener;
import org.gaitlens.batch.ItemOutcome;
import org.gaitlens.batch.RunExecutor;
import org.gaitlens.batch.RunResultsMapper;
import org.gaitlens.core.Side;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StrideValue;

/**
 * Puts a job's results into the study store, on the driver: for each claimed run, the session folder is copied from
 * the job's output into the run's temporary folder and the {@code metrics} and {@code strides} rows are read back
 * from Parquet; then {@link RunExecutor#complete} stores them as a local batch does (rename into the study's
 * results, one transaction), or {@link RunExecutor#fail} records a failed clip with its reason. A run is completed
 * once: ingesting again after a crash finds it done and leaves it.
 */
final class ResultIngest {
    private final SparkSession spark;
    private final ResultLayout layout;
    private final RunExecutor executor;

    ResultIngest(SparkSession spark, ResultLayout layout, RunExecutor executor) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Ingests the claimed runs ({@code claims} by item index) and fills their outcomes. */
    void ingest(Map<Integer, SparkBatchJob.Claim> claims, List<ClipOutcome> statuses, ItemOutcome[] outcomes,
            BatchListener listener) {
        Map<String, ClipOutcome> byKey = new HashMap<>();
        statuses.forEach(s -> byKey.put(s.key(), s));
        List<String> done = statuses.stream().filter(ClipOutcome::done).map(ClipOutcome::key).toList();
        Map<String, List<MetricValue>> metrics = metrics(done);
        Map<String, List<StrideValue>> strides = strides(done);
        Path data = executor.store().dataDir();
        claims.forEach((i, c) -> {
            ClipOutcome o = byKey.get(c.task().key());
            RunExecutor.Outcome r;
            if (o == null || !o.done()) {
                r = executor.fail(c.run(), o == null ? "no result from the Spark job" : o.error(),
                        o == null ? 0 : o.analysisS());
            } else {
                try {
                    copyArtifacts(o.key(), executor.tempDir(c.run()));
                    r = executor.complete(c.run(), metrics.getOrDefault(o.key(), List.of()),
                            strides.getOrDefault(o.key(), List.of()), o.frames(), o.analysisS());
                } catch (IOException e) {
                    r = executor.fail(c.run(), "cannot copy the result folder: " + e.getMessage(), o.analysisS());
                }
            }
            OptionalLong id = OptionalLong.of(c.run().id());
            ItemOutcome out = r.resultDir().isPresent()
                    ? new ItemOutcome(c.item(), ItemOutcome.Status.DONE, id,
                            data.relativize(r.resultDir().get()).toString().replace(java.io.File.separatorChar, '/'),
                            r.frames(), r.wallS())
                    : new ItemOutcome(c.item(), ItemOutcome.Status.FAILED, id, r.error().orElse("failed"), 0,
                            r.wallS());
            outcomes[i] = c.note().map(out::withNote).orElse(out);
            listener.itemFinished(outcomes[i]);
        });
    }

    /**
     * The rows of {@code keys} in a table, with the columns asked for (not the dates: decoding a date needs an
     * {@code --add-opens} the driver's JVM need not have).
     */
    private List<Row> read(ResultTables.Table t, List<String> keys, List<String> columns) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return spark.read().schema(ResultTables.schema(t)).parquet(layout.table(t.folder()).toString())
                .where(col(ResultTables.RUN_KEY).isin(keys.toArray()))
                .selectExpr(columns.toArray(String[]::new)).collectAsList();
    }

    private Map<String, List<MetricValue>> metrics(List<String> keys) {
        Map<String, List<MetricValue>> out = new HashMap<>();
        for (Row r : read(ResultTables.Table.METRICS, keys,
                List.of(ResultTables.RUN_KEY, "side", "category", "metric", "value", "unit"))) {
            String side = r.getAs("side");
            Double v = r.getAs("value");
            double value = v == null ? Double.NaN : v;
            String category = r.getAs("category");
            String metric = r.getAs("metric");
            String unit = r.getAs("unit");
            out.computeIfAbsent(r.getAs(ResultTables.RUN_KEY), k -> new ArrayList<>()).add(side == null
                    ? MetricValue.sideless(category, metric, value, unit)
                    : MetricValue.of(category, Side.valueOf(side), metric, value, unit));
        }
        return out;
    }

    /** The per-stride values of {@code strides} as {@link RunResultsMapper#strides} gives them, in its order. */
    private Map<String, List<StrideValue>> strides(List<String> keys) {
        List<Row> rows = new ArrayList<>(read(ResultTables.Table.STRIDES, keys, strideColumns()));
        rows.sort(Comparator.<Row, Side>comparing(r -> Side.valueOf(r.getAs("side")))
                .thenComparingLong(r -> r.<Long>getAs("stride_index")));
        Map<String, List<StrideValue>> out = new HashMap<>();
        for (Row r : rows) {
            Side side = Side.valueOf(r.getAs("side"));
            int index = Math.toIntExact(r.<Long>getAs("stride_index"));
            List<StrideValue> list = out.computeIfAbsent(r.getAs(ResultTables.RUN_KEY), k -> new ArrayList<>());
            for (String c : RunResultsMapper.strideColumns()) {
                Double v = r.getAs(c);
                list.add(new StrideValue(side, index, c, v == null ? Double.NaN : v, RunResultsMapper.strideUnit(c)));
            }
        }
        return out;
    }

    private static List<String> strideColumns() {
        List<String> c = new ArrayList<>(List.of(ResultTables.RUN_KEY, "side", "stride_index"));
        c.addAll(ResultTables.STRIDE_VALUES);
        return c;
    }

    /** Copies the published session folder of {@code key} into {@code dir}. */
    private void copyArtifacts(String key, Path dir) throws IOException {
        org.apache.hadoop.fs.Path src = layout.artifacts(key);
        FileSystem fs = src.getFileSystem(spark.sparkContext().hadoopConfiguration());
        for (FileStatus s : fs.listStatus(src)) {
            fs.copyToLocalFile(false, s.getPath(), new org.apache.hadoop.fs.Path(dir.resolve(s.getPath().getName())
                    .toUri()), true);
        }
    }
}
