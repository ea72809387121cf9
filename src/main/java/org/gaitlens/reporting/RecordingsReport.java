package org.gaitlens.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.gaitlens.assess.SampleStats;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.RecordingRow;
import org.gaitlens.report.RepeatabilityTable;

/**
 * The parts of a session report that only a session pooled from several recordings has ({@link ReportInput#isPooled()}):
 * the recordings table, and how the session repeats itself: the main values per walking pass (when a recording has
 * two or more passes with strides) and per recording (two or more recordings with strides), with their range.
 *
 * <p>The main values: gait speed, cadence and stride time (both sides' strides), stance % and step length per side,
 * and the knee's flexion peak in swing per side; speed and step length in metres, or in leg lengths without a scale.
 * Each is the mean of the unit's strides. Within one session the walker does not change, so the spread between
 * passes or recordings is the measurement's own repeatability, the quantity the comparison report's own-repeatability
 * threshold is built from ({@code ComparisonReportBuilder.passDifference}: its first two passes, which in a pooled
 * session may lie in two recordings).
 */
final class RecordingsReport {
    static final String NOTE = "Mean of each %s's strides (both sides together unless a side is named); range = "
            + "largest minus smallest. The walker is the same throughout the session, so this spread is the "
            + "measurement's own repeatability: a change between sessions smaller than it cannot be told apart from it.";

    private RecordingsReport() {
    }

    /** One row per recording of the snapshot. */
    static List<RecordingRow> rows(ReportInput in) {
        List<RecordingRow> out = new ArrayList<>();
        for (ReportInput.Recording r : in.recordings()) {
            List<String> passes = new ArrayList<>();
            for (ReportInput.RecordingPass p : r.passes()) {
                passes.add(p.direction() + ", near leg " + p.nearSide().name().toLowerCase(Locale.ROOT)
                        + (p.backward() ? ", walked backwards (cadence only)" : ""));
            }
            out.add(new RecordingRow(r.file(), r.durationS(), r.frameRateHz(), r.resolution(), r.rotationDeg(), passes,
                    r.stridesUsed(), r.stridesRejected(), r.scale(), r.note()));
        }
        return out;
    }

    /** The pass-to-pass and recording-to-recording tables that apply (see the class comment). */
    static List<RepeatabilityTable> repeatability(ReportInput in) {
        List<RepeatabilityTable> out = new ArrayList<>();
        Map<String, Predicate<ReportInput.StrideValues>> passes = new LinkedHashMap<>();
        boolean severalInOne = false;
        for (int r = 0; r < in.recordings().size(); r++) {
            ReportInput.Recording rec = in.recordings().get(r);
            int withStrides = 0;
            for (ReportInput.RecordingPass p : rec.passes()) {
                if (in.strides().stream().anyMatch(s -> s.passIndex() == p.index())) {
                    withStrides++;
                    int index = p.index();
                    passes.put(rec.file() + " pass " + (rec.passes().indexOf(p) + 1),
                            s -> s.passIndex() == index);
                }
            }
            severalInOne |= withStrides >= 2;
        }
        if (severalInOne && passes.size() >= 2) {
            out.add(table(in, "Pass to pass", "pass", passes));
        }
        Map<String, Predicate<ReportInput.StrideValues>> recordings = new LinkedHashMap<>();
        for (ReportInput.Recording rec : in.recordings()) {
            List<Integer> indices = rec.passes().stream().map(ReportInput.RecordingPass::index).toList();
            if (in.strides().stream().anyMatch(s -> indices.contains(s.passIndex()))) {
                recordings.put(rec.file(), s -> indices.contains(s.passIndex()));
            }
        }
        if (recordings.size() >= 2) {
            out.add(table(in, "Recording to recording", "recording", recordings));
        }
        return out;
    }

    private static RepeatabilityTable table(ReportInput in, String title, String unitName,
            Map<String, Predicate<ReportInput.StrideValues>> units) {
        boolean metres = in.strides().stream().anyMatch(s -> Double.isFinite(s.value(Metric.STEP_LENGTH_M.key())));
        List<String> columns = new ArrayList<>();
        for (var u : units.entrySet()) {
            long l = in.strides().stream().filter(u.getValue()).filter(s -> s.side() == Side.LEFT).count();
            long r = in.strides().stream().filter(u.getValue()).filter(s -> s.side() == Side.RIGHT).count();
            columns.add(u.getKey() + " (L " + l + ", R " + r + ")");
        }
        List<RepeatabilityTable.Row> rows = new ArrayList<>();
        rows.add(row(in, units, metres ? Metric.SPEED_M_PER_S : Metric.SPEED_LEG_PER_S, null));
        rows.add(row(in, units, Metric.CADENCE_STEPS_PER_MIN, null));
        rows.add(row(in, units, Metric.STRIDE_TIME_S, null));
        for (Metric m : List.of(Metric.STANCE_PCT, metres ? Metric.STEP_LENGTH_M : Metric.STEP_LENGTH_LEG,
                Metric.KNEE_FLEX_SWING_PEAK_DEG)) {
            for (Side side : Side.values()) {
                rows.add(row(in, units, m, side));
            }
        }
        return new RepeatabilityTable(title, String.format(Locale.ROOT, NOTE, unitName), columns,
                rows.stream().filter(r -> r.values().stream().anyMatch(v -> v != null)).toList());
    }

    private static RepeatabilityTable.Row row(ReportInput in, Map<String, Predicate<ReportInput.StrideValues>> units,
            Metric m, Side side) {
        List<Double> values = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (Predicate<ReportInput.StrideValues> unit : units.values()) {
            SampleStats s = SampleStats.of(in.strides().stream().filter(unit)
                    .filter(x -> side == null || x.side() == side).mapToDouble(x -> x.value(m.key())).toArray());
            Double mean = SessionReportBuilder.mean(s);
            values.add(mean);
            if (mean != null) {
                lo = Math.min(lo, mean);
                hi = Math.max(hi, mean);
                n++;
            }
        }
        String label = m.label() + (side == null ? "" : ", " + side.name().toLowerCase(Locale.ROOT));
        return new RepeatabilityTable.Row(label, m.unit(), m.decimals(), values, n >= 2 ? hi - lo : null);
    }
}
