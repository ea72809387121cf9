package org.gaitlens.spark;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gaitlens.batch.RunResultsMapper;
import org.gaitlens.batch.TableExport;
import org.gaitlens.core.Side;
import org.gaitlens.gait.CycleCurve;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.StrideKinematics;
import org.gaitlens.store.ExportQueries;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StrideValue;

/**
 * The job's Parquet tables: their columns and the rows of one clip. Every table starts with the context columns of
 * {@code gaitlens export} ({@link ExportQueries#CONTEXT_COLUMNS}, typed as {@link TableExport#type}) and is
 * partitioned by {@value #RUN_KEY}. Where the export has the table ({@code strides}), the columns are the export's, in
 * its order; the others follow the session folder's files. Missing values (NaN) are NULL.
 * <ul>
 *   <li>{@code strides}: one row per stride, the export's columns (context, {@code stride_index}, one column per
 *       per-stride value, sorted by name);</li>
 *   <li>{@code metrics}: one row per run metric as the store keeps it (context with the metric's side, then
 *       {@code category, metric, value, unit});</li>
 *   <li>{@code events}, {@code curves}: events.csv's and curves.csv's rows (context with the row's side, then
 *       {@code event, time_s, frame, pass} and {@code joint, cycle_pct, mean_deg, sd_deg, n});</li>
 *   <li>{@code failures}: one row per failed run (context without side, then {@code error});</li>
 *   <li>{@code runs}: one row per analysed run (context without side, then {@code status} {@code done} or
 *       {@code failed}, {@code error}, {@code frames}, {@code analysis_s}, {@code content_sha256}); written last,
 *       so a run with a {@code done} row here has all its rows in the other tables.</li>
 * </ul>
 */
final class ResultTables {
    /** The partition column of every table: the run's key. */
    static final String RUN_KEY = "run_key";

    /** The tables a task writes rows for ({@code sessions} is derived from {@code metrics}). */
    enum Table {
        STRIDES, EVENTS, CURVES, METRICS, FAILURES, RUNS;

        /** The table's folder name under the job's output. */
        String folder() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Per-stride value columns of {@code strides}, sorted by name as the export sorts them. */
    static final List<String> STRIDE_VALUES = RunResultsMapper.strideColumns().stream().sorted().toList();

    /** The context columns without {@code side}. */
    static final List<String> RUN_CONTEXT = ExportQueries.CONTEXT_COLUMNS.stream().filter(c -> !c.equals("side"))
            .toList();

    private static final Map<Table, StructType> SCHEMAS = schemas();

    private ResultTables() {
    }

    /** A table's columns, {@value #RUN_KEY} last. */
    static StructType schema(Table t) {
        return SCHEMAS.get(t);
    }

    private static Map<Table, StructType> schemas() {
        Map<Table, StructType> m = new EnumMap<>(Table.class);
        List<String> strides = new ArrayList<>(ExportQueries.CONTEXT_COLUMNS);
        strides.add("stride_index");
        strides.addAll(STRIDE_VALUES);
        m.put(Table.STRIDES, struct(strides, Map.of()));
        m.put(Table.EVENTS, struct(withContext(true, "event", "time_s", "frame", "pass", "walking"),
                Map.of("event", DataTypes.StringType, "frame", DataTypes.LongType, "pass", DataTypes.LongType,
                        "walking", DataTypes.StringType)));
        m.put(Table.CURVES, struct(withContext(true, "joint", "cycle_pct", "mean_deg", "sd_deg", "n"),
                Map.of("joint", DataTypes.StringType, "cycle_pct", DataTypes.LongType, "n", DataTypes.LongType)));
        m.put(Table.METRICS, struct(withContext(true, "category", "metric", "value", "unit"),
                Map.of("category", DataTypes.StringType, "metric", DataTypes.StringType, "unit",
                        DataTypes.StringType)));
        m.put(Table.FAILURES, struct(withContext(false, "error"), Map.of("error", DataTypes.StringType)));
        m.put(Table.RUNS, struct(withContext(false, "status", "error", "frames", "analysis_s", "content_sha256"),
                Map.of("status", DataTypes.StringType, "error", DataTypes.StringType, "frames", DataTypes.LongType,
                        "content_sha256", DataTypes.StringType)));
        return m;
    }

    private static List<String> withContext(boolean side, String... columns) {
        List<String> out = new ArrayList<>(side ? ExportQueries.CONTEXT_COLUMNS : RUN_CONTEXT);
        out.addAll(Arrays.asList(columns));
        return out;
    }

    /** Columns typed as the export types them unless {@code own} says otherwise, then {@value #RUN_KEY}. */
    private static StructType struct(List<String> columns, Map<String, DataType> own) {
        List<StructField> fields = new ArrayList<>();
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, own.getOrDefault(c, sparkType(TableExport.type(c))), true));
        }
        fields.add(DataTypes.createStructField(RUN_KEY, DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    /** The Spark type of an export column's SQL type. */
    static DataType sparkType(String sqlType) {
        return switch (sqlType) {
            case "DATE" -> DataTypes.DateType;
            case "BIGINT" -> DataTypes.LongType;
            case "VARCHAR" -> DataTypes.StringType;
            case "DOUBLE" -> DataTypes.DoubleType;
            default -> throw new IllegalArgumentException("no Spark type for " + sqlType);
        };
    }

    // ------------------------------------------------------------------ rows of one clip

    /** The run context cells (without side) of a clip's rows. */
    private static List<Object> context(ClipTask t) {
        return new ArrayList<>(Arrays.asList(t.patient(), Date.valueOf(LocalDate.parse(t.sessionDate())),
                t.sessionLabel(), t.recordingId(), t.recordingPath(), t.view(), t.runId(), t.settingsHash(),
                t.softwareVersion()));
    }

    private static List<Object> context(ClipTask t, Side side) {
        List<Object> c = context(t);
        c.add(side == null ? null : side.name());
        return c;
    }

    private static Row row(List<Object> cells, ClipTask t) {
        cells.add(t.key());
        return RowFactory.create(cells.toArray());
    }

    /** A double for Parquet: NaN (missing) as NULL. */
    private static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** One row per stride: the per-stride values ({@link RunResultsMapper#strides}) pivoted into columns. */
    static List<Row> strides(ClipTask t, List<StrideValue> values) {
        record Key(Side side, int index) {
        }
        Map<Key, Map<String, Double>> byStride = new TreeMap<>(
                java.util.Comparator.comparing(Key::side).thenComparingInt(Key::index));
        for (StrideValue v : values) {
            byStride.computeIfAbsent(new Key(v.side(), v.strideIndex()), k -> new TreeMap<>())
                    .put(v.metric(), value(v.value()));
        }
        List<Row> out = new ArrayList<>();
        byStride.forEach((k, v) -> {
            List<Object> cells = context(t, k.side());
            cells.add((long) k.index());
            STRIDE_VALUES.forEach(c -> cells.add(v.get(c)));
            out.add(row(cells, t));
        });
        return out;
    }

    /** One row per gait event, as events.csv (sides by name). */
    static List<Row> events(ClipTask t, GaitResult gait) {
        List<Row> out = new ArrayList<>();
        for (GaitEvent e : gait == null ? List.<GaitEvent>of() : gait.events()) {
            List<Object> cells = context(t, e.side());
            boolean backward = gait.passes().stream().anyMatch(p -> p.index() == e.passIndex() && p.backward());
            cells.addAll(Arrays.asList(e.type().code(), e.timeS(), (long) e.frameIndex(), (long) e.passIndex(),
                    backward ? "backward" : "forward"));
            out.add(row(cells, t));
        }
        return out;
    }

    /** One row per side, joint and point of the normalised cycle, as curves.csv (sides by name). */
    static List<Row> curves(ClipTask t, GaitResult gait) {
        List<Row> out = new ArrayList<>();
        if (gait == null) {
            return out;
        }
        for (Side side : Side.values()) {
            for (Joint j : Joint.values()) {
                CycleCurve c = gait.curves().get(side).get(j);
                for (int k = 0; k < StrideKinematics.CYCLE_POINTS; k++) {
                    List<Object> cells = context(t, side);
                    cells.addAll(Arrays.asList(j.code(), (long) k, value(c.meanDeg()[k]), value(c.sdDeg()[k]),
                            (long) c.nPerPoint()[k]));
                    out.add(row(cells, t));
                }
            }
        }
        return out;
    }

    /** One row per run metric, as the store keeps it. */
    static List<Row> metrics(ClipTask t, List<MetricValue> metrics) {
        List<Row> out = new ArrayList<>();
        for (MetricValue m : metrics) {
            List<Object> cells = context(t, m.side().orElse(null));
            cells.addAll(Arrays.asList(m.category(), m.metric(), value(m.value()), m.unit()));
            out.add(row(cells, t));
        }
        return out;
    }

    /** The row of a failed run. */
    static Row failure(ClipTask t, String error) {
        List<Object> cells = context(t);
        cells.add(error);
        return row(cells, t);
    }

    /** The run's row in {@code runs}: done or failed, with what the task measured. */
    static Row run(ClipTask t, boolean done, String error, int frames, double analysisS) {
        List<Object> cells = context(t);
        cells.addAll(Arrays.asList(done ? "done" : "failed", done ? null : error, (long) frames, analysisS,
                t.contentSha256()));
        return row(cells, t);
    }
}
