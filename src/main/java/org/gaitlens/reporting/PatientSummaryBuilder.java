package org.gaitlens.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.ChangeCell;
import org.gaitlens.report.ChangeRow;
import org.gaitlens.report.ChartImage;
import org.gaitlens.report.PatientSummary;
import org.gaitlens.report.ReportFormat;
import org.gaitlens.report.SummaryCharts;

/**
 * Builds the one-page patient summary from the report snapshots of a patient's sessions. Its numbers are the
 * comparison's ({@link ComparisonReportBuilder}'s rows, with the same change thresholds and verdicts), said in
 * plain words: walking speed, steps per minute, step length, and the time the body stands on each leg (stance, as %
 * of the walking cycle) with how unequal the two legs are (the stance-time symmetry index, named only as a
 * difference between the legs). Where the video had no metric scale, speed and step length are in leg lengths.
 */
public final class PatientSummaryBuilder {
    private PatientSummaryBuilder() {
    }

    /**
     * The summary of the sessions (at least one; put in date order), handed out by {@code clinician} on
     * {@code printedOn}.
     *
     * @throws IllegalArgumentException if {@code sessions} is empty
     */
    public static PatientSummary build(List<ComparisonReportBuilder.Session> sessions, String clinician,
            LocalDate printedOn) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("no session to summarise");
        }
        List<ComparisonReportBuilder.Session> s = ComparisonReportBuilder.sorted(sessions);
        List<String> names = s.stream().map(x -> x.input().sessionDate() + " " + x.input().sessionLabel()).toList();
        List<String> dates = s.stream().map(x -> x.input().sessionDate().toString()).toList();
        Optional<ChangeRow> speed = row(s, Metric.SPEED_M_PER_S, null).or(() -> row(s, Metric.SPEED_LEG_PER_S, null));
        Optional<ChangeRow> cadence = row(s, Metric.CADENCE_STEPS_PER_MIN, null);
        Optional<ChangeRow> stepLeft = row(s, Metric.STEP_LENGTH_M, Side.LEFT)
                .or(() -> row(s, Metric.STEP_LENGTH_LEG, Side.LEFT));
        Optional<ChangeRow> stepRight = row(s, Metric.STEP_LENGTH_M, Side.RIGHT)
                .or(() -> row(s, Metric.STEP_LENGTH_LEG, Side.RIGHT));
        Optional<ChangeRow> stanceLeft = row(s, Metric.STANCE_PCT, Side.LEFT);
        Optional<ChangeRow> stanceRight = row(s, Metric.STANCE_PCT, Side.RIGHT);
        Optional<ChangeRow> stanceSi = ComparisonReportBuilder.row(
                new ComparisonReportBuilder.Spec(Metric.STANCE_TIME_S, null, true), s);

        List<PatientSummary.Measure> measures = new ArrayList<>();
        speed.ifPresent(r -> measures.add(new PatientSummary.Measure("Walking speed", latest(r),
                "How fast you walked" + (r.unit().equals("m/s") ? ", in metres per second." : ", in leg lengths per second.")
                        + " Faster walking usually means walking is easier.")));
        cadence.ifPresent(r -> measures.add(new PatientSummary.Measure("Steps per minute", latest(r),
                "How many steps you took in one minute.")));
        if (stepLeft.isPresent() && stepRight.isPresent()) {
            measures.add(new PatientSummary.Measure("Step length", "left " + latest(stepLeft.get()) + ", right "
                    + latest(stepRight.get()), "How far each foot lands in front of the other."));
        }
        if (stanceLeft.isPresent() && stanceRight.isPresent()) {
            measures.add(new PatientSummary.Measure("Time standing on each leg", "left " + latest(stanceLeft.get())
                    + ", right " + latest(stanceRight.get()), "The share of each step cycle that the body stands on "
                    + "that leg. A painful leg is often stood on for a shorter time."));
        }

        List<PatientSummary.Change> changes = new ArrayList<>();
        if (s.size() > 1) {
            speed.ifPresent(r -> change(changes, "Walking speed", r, false));
            cadence.ifPresent(r -> change(changes, "Steps per minute", r, false));
            stanceSi.ifPresent(r -> change(changes, "Difference between the legs in standing time", r, true));
        }

        List<ChartImage> pictures = new ArrayList<>();
        if (stanceLeft.isPresent() && stanceRight.isPresent()) {
            List<Integer> shown = s.size() > 1 ? List.of(0, s.size() - 1) : List.of(0);
            pictures.add(SummaryCharts.balance(shown.stream().map(dates::get).toList(),
                    shown.stream().map(i -> stanceLeft.get().values().get(i)).toList(),
                    shown.stream().map(i -> stanceRight.get().values().get(i)).toList()));
        }
        speed.ifPresent(r -> pictures.add(SummaryCharts.speed(dates, r.values(), r.unit())));
        return new PatientSummary(s.get(s.size() - 1).input().patientId(), clinician, printedOn, names, measures,
                changes, pictures);
    }

    private static Optional<ChangeRow> row(List<ComparisonReportBuilder.Session> s, Metric m, Side side) {
        return ComparisonReportBuilder.row(new ComparisonReportBuilder.Spec(m, side, false), s);
    }

    /** The latest session's value with its unit. */
    private static String latest(ChangeRow r) {
        int i = r.latestIndex();
        return i < 0 ? ReportFormat.MISSING : ReportFormat.value(r.values().get(i), r.decimals(), r.unit());
    }

    /**
     * Adds the change from the first to the latest session with the metric, when both exist.
     *
     * @param magnitude whether the row is a signed difference whose size is what matters
     */
    private static void change(List<PatientSummary.Change> out, String name, ChangeRow r, boolean magnitude) {
        int last = r.latestIndex();
        if (last < 0) {
            return;
        }
        ChangeCell c = r.fromFirst().get(last);
        if (c.referenceIndex() == null) {
            return;
        }
        double from = r.values().get(c.referenceIndex());
        double to = r.values().get(last);
        if (magnitude) {
            from = Math.abs(from);
            to = Math.abs(to);
        }
        String f = ReportFormat.value(from, r.decimals(), r.unit());
        String t = ReportFormat.value(to, r.decimals(), r.unit());
        String sentence = f.equals(t) ? "stayed at " + t : (to > from ? "went up" : "went down") + " from " + f + " to " + t;
        out.add(new PatientSummary.Change(name, sentence, c.verdict()));
    }
}
