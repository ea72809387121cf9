package org.gaitlens.report;

import java.util.List;
import java.util.Locale;

import org.gaitlens.core.Side;
import org.gaitlens.metric.ReferenceRange;

/** Wording shared by the HTML and PDF renderers, so both say the same thing. */
final class ReportText {
    static final String DISCLAIMER = "These are screening indicators derived from video, not a diagnosis. "
            + "A clinician should interpret them together with the clinical examination.";

    static final String DEVIATION_HEADING = "Deviation from healthy walking";
    /** Heading of a metric table's z-score column, shown when a row has the healthy dataset's reference. */
    static final String Z_HEADING = "z vs healthy";

    private ReportText() {
    }

    static String side(Side side) {
        return side == null ? ReportFormat.MISSING : side == Side.LEFT ? "left" : "right";
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? ReportFormat.MISSING : s;
    }

    static String affected(Side side) {
        return side == null ? "No side stands out as affected." : "The " + side(side) + " side appears affected.";
    }

    static String indicatorHeading(IndicatorItem i) {
        return i.pattern() + ": " + i.status().label() + (i.side() == null ? "" : " (" + side(i.side()) + ")");
    }

    /** Header rows as label/value pairs. */
    static List<String[]> headerRows(ReportHeader h) {
        return List.of(
                new String[] {"Patient", h.patientId()},
                new String[] {"Session", h.sessionDate() + (h.sessionLabel() == null || h.sessionLabel().isBlank() ? "" : ", " + h.sessionLabel())},
                h.recordings().isEmpty() ? new String[] {"Video", orDash(h.videoFile())}
                        : new String[] {"Recordings", h.recordings().size() + ": " + String.join(", ", h.recordings())},
                new String[] {"Camera view", orDash(h.cameraView())},
                new String[] {"Frame rate", h.frameRateHz() == null ? ReportFormat.MISSING : ReportFormat.value(h.frameRateHz(), 1, "fps")},
                new String[] {"Pose model", orDash(h.poseModel())},
                new String[] {"Scale", orDash(h.scaleSource())},
                new String[] {"Software", "gaitlens " + orDash(h.softwareVersion())});
    }

    /** The footnote of the recordings table. */
    static final String RECORDINGS_NOTE = "The strides of every pass of every recording are pooled into one set per "
            + "side; each recording has its own scale.";

    /** Column titles of the recordings table. */
    static final List<String> RECORDING_COLUMNS = List.of("Recording", "Duration", "Video", "Passes (direction, near leg)",
            "Strides used", "Rejected", "Scale / note");

    /** The cells of one row of the recordings table, in {@link #RECORDING_COLUMNS} order. */
    static List<String> recordingCells(RecordingRow r) {
        List<String> video = new java.util.ArrayList<>();
        if (r.frameRateHz() != null) {
            video.add(ReportFormat.value(r.frameRateHz(), 1, "fps"));
        }
        if (r.resolution() != null) {
            video.add(r.resolution());
        }
        if (r.rotationDeg() != null && r.rotationDeg() != 0) {
            video.add("rotated " + r.rotationDeg() + "°");
        }
        String sides = "L " + r.stridesUsed().getOrDefault(Side.LEFT, 0) + " / R "
                + r.stridesUsed().getOrDefault(Side.RIGHT, 0);
        String rejected = "L " + r.stridesRejected().getOrDefault(Side.LEFT, 0) + " / R "
                + r.stridesRejected().getOrDefault(Side.RIGHT, 0);
        String note = r.note() != null ? r.note() : orDash(r.scale());
        return List.of(r.recording(), r.durationS() == null ? ReportFormat.MISSING : ReportFormat.value(r.durationS(), 1, "s"),
                video.isEmpty() ? ReportFormat.MISSING : String.join(", ", video),
                r.passes().isEmpty() ? ReportFormat.MISSING : String.join("; ", r.passes()), sides, rejected, note);
    }

    /** The cells of one row of a repeatability table: label with unit, the values, the range. */
    static List<String> repeatabilityCells(RepeatabilityTable.Row row) {
        List<String> out = new java.util.ArrayList<>();
        out.add(row.label() + (row.unit().isEmpty() ? "" : " (" + row.unit() + ")"));
        row.values().forEach(v -> out.add(ReportFormat.number(v, row.decimals())));
        out.add(ReportFormat.number(row.range(), row.decimals()));
        return out;
    }

    /** "mean ± SD" of a value, or the mean alone. */
    static String meanSd(Double mean, Double sd, int decimals) {
        String m = ReportFormat.number(mean, decimals);
        if (mean == null || sd == null) {
            return m;
        }
        return m + " ± " + ReportFormat.number(sd, decimals);
    }

    static String range(ReferenceRange r, int decimals) {
        if (r == null) {
            return ReportFormat.MISSING;
        }
        return ReportFormat.number(r.low(), decimals) + "–" + ReportFormat.number(r.high(), decimals);
    }

    /** The reference cell: the healthy dataset's "mean ± SD" where the row has it, else the textbook range. */
    static String reference(MetricRow row) {
        NormativeValue n = row.normative();
        return n == null ? range(row.reference(), row.decimals())
                : meanSd(n.mean(), n.sd(), row.decimals());
    }

    /** The z-scores against the healthy dataset: "−0.4 / +1.2" (left / right), "+0.4" without sides, or a dash. */
    static String z(MetricRow row) {
        if (row.normative() == null) {
            return ReportFormat.MISSING;
        }
        if (row.left() == null && row.right() == null) {
            return ReportFormat.signed(row.overallZ(), 1);
        }
        return ReportFormat.signed(row.leftZ(), 1) + " / " + ReportFormat.signed(row.rightZ(), 1);
    }

    static String asymmetry(MetricRow row) {
        if (row.asymmetryPct() == null) {
            return ReportFormat.MISSING;
        }
        return ReportFormat.signed(row.asymmetryPct(), 1) + " %"
                + (row.asymmetryMethod().isEmpty() ? "" : " " + row.asymmetryMethod());
    }

    /** The change cell of the latest session that has the metric, from the first or the previous one. */
    static ChangeCell latestChange(ChangeRow row, boolean fromFirst) {
        int last = row.latestIndex();
        if (last < 0) {
            return ChangeCell.NOT_AVAILABLE;
        }
        return (fromFirst ? row.fromFirst() : row.fromPrevious()).get(last);
    }

    /**
     * The latest change as "+0.18 m/s, improved"; when the sessions compared are not the default ones
     * (latest vs first, latest vs the one before it) because of missing values, they are named: "(#19 vs #1)".
     */
    static String change(ChangeRow row, boolean fromFirst, int sessions) {
        ChangeCell c = latestChange(row, fromFirst);
        if (c.verdict() == ChangeVerdict.NOT_AVAILABLE) {
            return ReportFormat.MISSING;
        }
        int last = row.latestIndex();
        int expectedRef = fromFirst ? 0 : sessions - 2;
        String which = last == sessions - 1 && c.referenceIndex() == expectedRef ? ""
                : " (#" + (last + 1) + " vs #" + (c.referenceIndex() + 1) + ")";
        return ReportFormat.signed(c.change(), row.decimals()) + (row.unit().isEmpty() ? "" : " " + row.unit()) + ", "
                + c.verdict().label() + which;
    }

    /**
     * "Reference ranges: Gait speed: Bohannon 2011; ..." for the rows that show a sourced textbook range (not those
     * with the healthy dataset's reference), or "".
     */
    static String referenceSources(MetricTable t) {
        java.util.Map<String, List<String>> bySource = new java.util.LinkedHashMap<>();
        for (MetricRow r : t.rows()) {
            if (r.normative() == null && r.reference() != null && !r.reference().source().isBlank()) {
                bySource.computeIfAbsent(r.reference().source(), k -> new java.util.ArrayList<>()).add(r.label());
            }
        }
        if (bySource.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Reference ranges: ");
        boolean first = true;
        for (var e : bySource.entrySet()) {
            sb.append(first ? "" : "; ").append(String.join(", ", e.getValue())).append(": ").append(e.getKey());
            first = false;
        }
        return sb.append('.').toString();
    }

    static String threshold(ChangeRow r) {
        return ReportFormat.value(r.threshold(), r.decimals(), r.unit()) + " (" + r.direction().label()
                + (r.thresholdSource().isEmpty() ? "" : "; " + r.thresholdSource()) + ")";
    }

    static String sessionName(SessionColumn s) {
        return s.date() + (s.label().isEmpty() ? "" : " " + s.label());
    }

    static String rejectedText(QualityPanel q) {
        if (q.rejected().isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (RejectedStrides r : q.rejected()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(r.count()).append(' ').append(side(r.side())).append(": ").append(r.reason());
        }
        return sb.toString();
    }

    static String used(QualityPanel q) {
        StringBuilder sb = new StringBuilder();
        for (Side s : Side.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            Integer n = q.stridesUsed().get(s);
            sb.append(n == null ? ReportFormat.MISSING : n.toString()).append(' ').append(side(s));
        }
        return sb.toString();
    }

    static String coverage(QualityPanel q) {
        return ReportFormat.number(q.trackingCoveragePct(), 1) + " %"
                + (q.meanConfidence() == null ? "" : String.format(Locale.ROOT, " (mean confidence %.2f)", q.meanConfidence()));
    }
}
