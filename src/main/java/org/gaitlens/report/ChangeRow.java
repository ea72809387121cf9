package org.gaitlens.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.gaitlens.metric.ImprovementDirection;

/**
 * One metric across all sessions of a comparison, with its change from the first and from the previous
 * session. Use {@link #compute} to fill the change cells from the values.
 *
 * <p>Missing values: "first" is the first session that has the metric and "previous" the nearest earlier
 * session that has it ({@link ChangeCell#referenceIndex()} says which). A session without the metric gets
 * {@link ChangeCell#NOT_AVAILABLE}.
 *
 * @param label           metric label, e.g. "Stance-time asymmetry (SI)"
 * @param unit            unit, e.g. "%", "s", "m/s"
 * @param decimals        decimals to show (0-4)
 * @param direction       which direction counts as improvement
 * @param threshold       smallest change counted as real (minimal detectable change), in the metric's unit
 * @param thresholdSource where the threshold comes from, e.g. "Perera et al. 2006"
 * @param values          value per session, {@code null} where the session lacks the metric
 * @param fromFirst       per session, the change from the first session with the metric
 * @param fromPrevious    per session, the change from the previous session with the metric
 */
public record ChangeRow(String label, String unit, int decimals, ImprovementDirection direction, double threshold,
                        String thresholdSource, List<Double> values, List<ChangeCell> fromFirst,
                        List<ChangeCell> fromPrevious) {
    public ChangeRow {
        Checks.requireText(label, "label");
        unit = unit == null ? "" : unit;
        if (decimals < 0 || decimals > 4) {
            throw new IllegalArgumentException("decimals must be in 0..4, was " + decimals);
        }
        requireResolved(direction);
        if (!(threshold >= 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("threshold must be >= 0, was " + threshold);
        }
        thresholdSource = thresholdSource == null ? "" : thresholdSource;
        values = Checks.nullableList(values);
        for (int i = 0; i < values.size(); i++) {
            Checks.requireFiniteOrNull(values.get(i), "values[" + i + "]");
        }
        fromFirst = Checks.list(fromFirst, "fromFirst");
        fromPrevious = Checks.list(fromPrevious, "fromPrevious");
        if (fromFirst.size() != values.size() || fromPrevious.size() != values.size()) {
            throw new IllegalArgumentException("values, fromFirst and fromPrevious must have the same size, were "
                    + values.size() + ", " + fromFirst.size() + ", " + fromPrevious.size());
        }
    }

    /**
     * Builds a row from the per-session values, computing every change cell and verdict.
     *
     * @param values value per session in date order, {@code null} where missing
     */
    public static ChangeRow compute(String label, String unit, int decimals, ImprovementDirection direction,
                                    double threshold, String thresholdSource, List<Double> values) {
        Objects.requireNonNull(values, "values");
        requireResolved(direction);
        List<ChangeCell> first = new ArrayList<>();
        List<ChangeCell> previous = new ArrayList<>();
        Integer firstIndex = null;
        Integer previousIndex = null;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                first.add(ChangeCell.NOT_AVAILABLE);
                previous.add(ChangeCell.NOT_AVAILABLE);
                continue;
            }
            first.add(cell(firstIndex, values, v, direction, threshold));
            previous.add(cell(previousIndex, values, v, direction, threshold));
            if (firstIndex == null) {
                firstIndex = i;
            }
            previousIndex = i;
        }
        return new ChangeRow(label, unit, decimals, direction, threshold, thresholdSource, values, first, previous);
    }

    private static ChangeCell cell(Integer ref, List<Double> values, double v, ImprovementDirection direction,
                                   double threshold) {
        if (ref == null) {
            return ChangeCell.NOT_AVAILABLE;
        }
        double from = values.get(ref);
        return new ChangeCell(ref, v - from, ChangeVerdict.judge(from, v, direction, threshold));
    }

    /** Index of the last session that has the metric, or -1. */
    public int latestIndex() {
        for (int i = values.size() - 1; i >= 0; i--) {
            if (values.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    /** Verdict of the latest session with the metric against the first session with it. */
    @JsonProperty(value = "overallVerdict", access = JsonProperty.Access.READ_ONLY)
    public ChangeVerdict overallVerdict() {
        int last = latestIndex();
        return last < 0 ? ChangeVerdict.NOT_AVAILABLE : fromFirst.get(last).verdict();
    }

    /**
     * A plain sentence on the change from the first to the latest session with the metric, e.g.
     * "Stance-time asymmetry fell from 14 % to 4 % (threshold 5 %): improved".
     */
    public String sentence() {
        int last = latestIndex();
        if (last < 0) {
            return label + ": not measured in any session";
        }
        ChangeCell c = fromFirst.get(last);
        if (c.referenceIndex() == null) {
            return label + ": measured in one session only (" + ReportFormat.value(values.get(last), decimals, unit)
                    + "), no change can be judged";
        }
        double from = values.get(c.referenceIndex());
        double to = values.get(last);
        String verb = to > from ? "rose" : to < from ? "fell" : "stayed";
        String movement = verb.equals("stayed")
                ? "stayed at " + ReportFormat.value(to, decimals, unit)
                : verb + " from " + ReportFormat.value(from, decimals, unit) + " to " + ReportFormat.value(to, decimals, unit);
        return String.format(Locale.ROOT, "%s %s (threshold %s): %s", label, movement,
                ReportFormat.value(threshold, decimals, unit), c.verdict().label());
    }

    /** A row judges changes along a direction: {@link ImprovementDirection#TOWARD_RANGE} must be resolved first. */
    private static void requireResolved(ImprovementDirection direction) {
        Objects.requireNonNull(direction, "direction");
        if (!direction.resolved()) {
            throw new IllegalArgumentException("direction must be resolved (higher, lower or closer to 0), was "
                    + direction);
        }
    }
}
