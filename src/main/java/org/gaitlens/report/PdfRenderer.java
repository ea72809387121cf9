package org.gaitlens.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.gaitlens.core.Side;

/**
 * Renders report models to PDF with real (selectable, extractable) text, A4 or Letter, page numbers
 * and a footer with patient, date and software version. Layout order of the session report: page 1
 * header, plain-language summary and data-quality verdict; then metric tables; charts; key frames;
 * the data-quality panel. Comparison: header, pattern sentences, sessions, change table (first,
 * previous and latest columns only beyond {@value ComparisonText#MAX_INLINE_SESSIONS} sessions, with the
 * full value matrix split into column blocks after it), trends, first-vs-latest overlays.
 */
public final class PdfRenderer {
    static final Color LEFT_TEXT = ReportTheme.LEFT;
    static final Color RIGHT_TEXT = new Color(0xB3, 0x4D, 0x00);
    private static final Color FLAG_TEXT = new Color(0xA1, 0x43, 0x7A);
    private static final Color OK_TEXT = new Color(0x00, 0x7A, 0x5A);
    private static final Color WARN_TEXT = new Color(0x9A, 0x67, 0x00);
    private static final float BODY = 9.5f;
    private static final float TABLE = 8.5f;
    static final float CAPTION = 7.5f;
    /** Sessions per block of the full value matrix. */
    private static final int MATRIX_BLOCK = 8;

    private final RenderOptions options;
    private final boolean unicodeFont;

    public PdfRenderer(RenderOptions options) {
        this(options, true);
    }

    /** @param unicodeFont false forces the Helvetica fallback (for testing the transliteration path) */
    PdfRenderer(RenderOptions options, boolean unicodeFont) {
        this.options = options == null ? RenderOptions.defaults() : options;
        this.unicodeFont = unicodeFont;
    }

    /** The session report as PDF bytes. */
    public byte[] render(SessionReport r) {
        return render(r, SessionCharts.render(r, options.chartScale()));
    }

    /**
     * The session report as PDF bytes, with its charts rendered already ({@link SessionCharts#render} at this
     * renderer's chart scale; shared with the HTML).
     */
    public byte[] render(SessionReport r, List<ChartImage> charts) {
        try (PdfLayout p = new PdfLayout(options.pageSize(), unicodeFont)) {
            ReportHeader h = r.header();
            p.paragraph("Gait session report", p.bold, 17, PdfLayout.INK, 0);
            p.space(4);
            List<String[]> hr = ReportText.headerRows(h);
            List<List<PdfLayout.Cell>> rows = new ArrayList<>();
            for (int i = 0; i < hr.size(); i += 2) {
                List<PdfLayout.Cell> row = new ArrayList<>();
                for (int k = i; k < i + 2; k++) {
                    row.add(new PdfLayout.Cell(k < hr.size() ? hr.get(k)[0] : "", false, PdfLayout.MUTED));
                    row.add(new PdfLayout.Cell(k < hr.size() ? hr.get(k)[1] : "", true, PdfLayout.INK));
                }
                rows.add(row);
            }
            p.table(new float[] {0.13f, 0.37f, 0.13f, 0.37f}, null, rows, TABLE, true);
            PdfDeviation.section(p, r.deviation(), SessionCharts.profile(r, options.chartScale()));
            summary(p, r.summary());
            PdfRecordings.recordings(p, r.recordings(), TABLE, CAPTION);
            for (MetricTable t : r.tables()) {
                metricTable(p, t);
            }
            for (RepeatabilityTable t : r.repeatability()) {
                PdfRecordings.repeatability(p, t, TABLE, CAPTION);
            }
            PdfFigures.charts(p, "Charts", charts);
            new PdfFigures(options.assetDir()).keyFrames(p, r.keyFrames());
            quality(p, r.quality());
            return p.finish(h.patientId() + " · " + h.sessionDate() + " · gaitlens " + ReportText.orDash(h.softwareVersion()),
                    "Gait session report " + h.patientId() + " " + h.sessionDate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comparison report as PDF bytes. */
    public byte[] render(ComparisonReport r) {
        try (PdfLayout p = new PdfLayout(options.pageSize(), unicodeFont)) {
            List<SessionColumn> s = r.sessions();
            p.paragraph("Gait comparison across sessions", p.bold, 17, PdfLayout.INK, 0);
            p.space(4);
            p.table(new float[] {0.13f, 0.37f, 0.13f, 0.37f}, null, List.of(List.of(
                    new PdfLayout.Cell("Patient", false, PdfLayout.MUTED), new PdfLayout.Cell(r.patientId(), true, PdfLayout.INK),
                    new PdfLayout.Cell("Sessions", false, PdfLayout.MUTED),
                    new PdfLayout.Cell(s.size() + " (" + s.get(0).date() + " to " + s.get(s.size() - 1).date() + ")", true, PdfLayout.INK)),
                    List.of(new PdfLayout.Cell("Software", false, PdfLayout.MUTED),
                            new PdfLayout.Cell("gaitlens " + ReportText.orDash(r.softwareVersion()), true, PdfLayout.INK),
                            PdfLayout.Cell.of(""), PdfLayout.Cell.of(""))), TABLE, true);
            if (!r.patternSentences().isEmpty()) {
                p.heading("Summary per pattern", 12, 40);
                for (PatternSentence ps : r.patternSentences()) {
                    p.paragraph(ps.pattern() + ": " + ps.sentence(), p.regular, BODY, verdictColor(ps.verdict()), 0);
                    p.space(2);
                }
                p.paragraph(ComparisonText.RULE, p.regular, CAPTION, PdfLayout.MUTED, 0);
            }
            p.heading("Sessions", 12, 40);
            List<List<PdfLayout.Cell>> rows = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                SessionColumn c = s.get(i);
                rows.add(List.of(PdfLayout.Cell.of("#" + (i + 1)), PdfLayout.Cell.of(c.date().toString()),
                        PdfLayout.Cell.of(c.describedLabel()), PdfLayout.Cell.of(ReportText.orDash(c.cameraView())),
                        new PdfLayout.Cell(c.quality().name().toLowerCase(Locale.ROOT), false, qualityColor(c.quality()))));
            }
            p.table(new float[] {0.07f, 0.15f, 0.43f, 0.17f, 0.18f}, cells("#", "Date", "Label", "Camera view", "Data quality"),
                    rows, TABLE, true);
            PdfDeviation.comparison(p, r);

            p.heading("Change per metric", 12, 90); // the table's header and first row, which wrap
            List<Integer> cols = ComparisonText.summaryColumns(s.size());
            List<PdfLayout.Cell> head = new ArrayList<>();
            head.add(PdfLayout.Cell.of("Metric"));
            for (int c : cols) {
                head.add(PdfLayout.Cell.of(ComparisonText.shortColumnTitle(s.size(), c)));
            }
            head.add(PdfLayout.Cell.of("Change from first"));
            head.add(PdfLayout.Cell.of("Change from previous"));
            head.add(PdfLayout.Cell.of("Threshold"));
            float valueShare = s.size() <= ComparisonText.MAX_INLINE_SESSIONS ? 0.075f : 0.115f;
            float[] fr = new float[cols.size() + 4];
            fr[0] = 0.2f;
            for (int i = 0; i < cols.size(); i++) {
                fr[1 + i] = valueShare;
            }
            fr[cols.size() + 1] = 0.15f;
            fr[cols.size() + 2] = 0.15f;
            fr[cols.size() + 3] = s.size() <= ComparisonText.MAX_INLINE_SESSIONS ? 0.2f : 0.155f;
            rows = new ArrayList<>();
            for (ChangeRow row : r.changes()) {
                List<PdfLayout.Cell> cells = new ArrayList<>();
                cells.add(PdfLayout.Cell.of(row.label() + (row.unit().isEmpty() ? "" : " (" + row.unit() + ")")));
                for (int c : cols) {
                    cells.add(PdfLayout.Cell.of(ReportFormat.number(row.values().get(c), row.decimals())));
                }
                cells.add(changeCell(row, true, s.size()));
                cells.add(changeCell(row, false, s.size()));
                cells.add(PdfLayout.Cell.of(ReportText.threshold(row)));
                rows.add(cells);
            }
            p.table(fr, head, rows, TABLE - 0.5f, false);
            p.paragraph(ComparisonText.changeNote(s.size()), p.regular, CAPTION, PdfLayout.MUTED, 0);
            if (s.size() > ComparisonText.MAX_INLINE_SESSIONS) {
                for (int from = 0; from < s.size(); from += MATRIX_BLOCK) {
                    int to = Math.min(s.size(), from + MATRIX_BLOCK);
                    p.heading("All values, sessions " + (from + 1) + "–" + to, 12, 60);
                    List<PdfLayout.Cell> mh = new ArrayList<>();
                    mh.add(PdfLayout.Cell.of("Metric"));
                    float[] mf = new float[1 + MATRIX_BLOCK];
                    mf[0] = 0.28f;
                    for (int i = from; i < to; i++) {
                        mh.add(PdfLayout.Cell.of("#" + (i + 1)));
                    }
                    for (int i = 1; i < mf.length; i++) {
                        mf[i] = 0.09f;
                    }
                    float[] used = java.util.Arrays.copyOf(mf, 1 + (to - from));
                    if (to - from < MATRIX_BLOCK) {
                        // Keep the column width of full blocks; pad with an empty column.
                        used = java.util.Arrays.copyOf(mf, 2 + (to - from));
                        used[used.length - 1] = 0.09f * (MATRIX_BLOCK - (to - from));
                        mh.add(PdfLayout.Cell.of(""));
                    }
                    List<List<PdfLayout.Cell>> mrows = new ArrayList<>();
                    for (ChangeRow row : r.changes()) {
                        List<PdfLayout.Cell> cells = new ArrayList<>();
                        cells.add(PdfLayout.Cell.of(row.label() + (row.unit().isEmpty() ? "" : " (" + row.unit() + ")")));
                        for (int i = from; i < to; i++) {
                            cells.add(PdfLayout.Cell.of(ReportFormat.number(row.values().get(i), row.decimals())));
                        }
                        if (to - from < MATRIX_BLOCK) {
                            cells.add(PdfLayout.Cell.of(""));
                        }
                        mrows.add(cells);
                    }
                    p.table(used, mh, mrows, TABLE - 0.5f, false);
                }
            }
            List<ChartImage> trends = ComparisonCharts.trends(r, options.chartScale());
            PdfFigures.charts(p, "Trends", trends);
            List<ChartImage> overlays = ComparisonCharts.overlays(r, options.chartScale());
            PdfFigures.charts(p, "First vs latest session", overlays);
            return p.finish(r.patientId() + " · comparison of " + s.size() + " sessions · gaitlens "
                    + ReportText.orDash(r.softwareVersion()), "Gait comparison " + r.patientId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- parts

    private static List<PdfLayout.Cell> cells(String... texts) {
        List<PdfLayout.Cell> out = new ArrayList<>();
        for (String t : texts) {
            out.add(PdfLayout.Cell.of(t));
        }
        return out;
    }

    private static void summary(PdfLayout p, ReportSummary s) throws IOException {
        p.heading("Summary", 12, 60);
        p.paragraph(s.symmetryStatement(), p.bold, 10.5f, PdfLayout.INK, 0);
        p.space(2);
        p.paragraph(ReportText.affected(s.affectedSide()), p.regular, BODY, PdfLayout.INK, 0);
        if (!s.indicators().isEmpty()) {
            p.space(4);
            p.paragraph("Screening indicators", p.bold, BODY + 0.5f, PdfLayout.INK, 0);
            for (IndicatorItem i : s.indicators()) {
                p.space(3);
                p.ensure(3 * PdfLayout.leading(BODY));
                p.paragraph(ReportText.indicatorHeading(i), p.bold, BODY, indicatorColor(i.status()), 6);
                p.paragraph(i.statement(), p.regular, BODY, PdfLayout.INK, 6);
                for (String e : i.evidence()) {
                    p.paragraph("– " + e, p.regular, BODY - 1, PdfLayout.MUTED, 14);
                }
            }
        }
        p.space(6);
        p.paragraph(s.qualityVerdict().sentence() + (s.qualityStatement().isEmpty() ? "" : ": " + s.qualityStatement()),
                p.bold, BODY, qualityColor(s.qualityVerdict()), 0);
        p.space(2);
        p.paragraph(ReportText.DISCLAIMER, p.regular, CAPTION + 0.5f, PdfLayout.MUTED, 0);
    }

    private static void metricTable(PdfLayout p, MetricTable t) throws IOException {
        p.heading(t.title(), 12, 50);
        boolean z = t.anyNormative();
        List<List<PdfLayout.Cell>> rows = new ArrayList<>();
        for (MetricRow row : t.rows()) {
            List<PdfLayout.Cell> cells = new ArrayList<>(List.of(PdfLayout.Cell.of(row.label()),
                    PdfLayout.Cell.of(row.unit()),
                    flagged(ReportText.meanSd(row.left(), row.leftSd(), row.decimals()), row.leftOutOfRange()),
                    flagged(ReportText.meanSd(row.right(), row.rightSd(), row.decimals()), row.rightOutOfRange()),
                    flagged(ReportText.meanSd(row.overall(), row.overallSd(), row.decimals()), row.overallOutOfRange()),
                    flagged(ReportText.asymmetry(row), row.asymmetryFlagged()),
                    PdfLayout.Cell.of(ReportText.reference(row))));
            if (z) {
                cells.add(PdfLayout.Cell.of(ReportText.z(row)));
            }
            rows.add(cells);
        }
        List<PdfLayout.Cell> head = new ArrayList<>(List.of(PdfLayout.Cell.of("Metric"), PdfLayout.Cell.of("Unit"),
                new PdfLayout.Cell("Left", true, LEFT_TEXT), new PdfLayout.Cell("Right", true, RIGHT_TEXT),
                PdfLayout.Cell.of("Overall"), PdfLayout.Cell.of("Asymmetry"), PdfLayout.Cell.of("Reference")));
        if (z) {
            // widths that keep "steps/min", a flagged "1.49 ± 0.00 *" (bold), "+13.7 % SI *" and "100.0–120.0" on one line
            head.add(PdfLayout.Cell.of(ReportText.Z_HEADING));
            p.table(new float[] {0.15f, 0.095f, 0.135f, 0.135f, 0.12f, 0.135f, 0.12f, 0.11f}, head, rows, TABLE, false);
        } else {
            p.table(new float[] {0.20f, 0.105f, 0.15f, 0.15f, 0.14f, 0.14f, 0.115f}, head, rows, TABLE, false);
        }
        p.paragraph((t.note().isEmpty() ? "" : t.note() + " ")
                + "* = outside the reference range or above the asymmetry threshold.", p.regular, CAPTION, PdfLayout.MUTED, 0);
        String sources = ReportText.referenceSources(t);
        if (!sources.isEmpty()) {
            p.paragraph(sources, p.regular, CAPTION, PdfLayout.MUTED, 0);
        }
    }

    private static PdfLayout.Cell flagged(String text, boolean flag) {
        return flag ? new PdfLayout.Cell(text + "\u00A0*", true, FLAG_TEXT) : PdfLayout.Cell.of(text);
    }

    private static PdfLayout.Cell changeCell(ChangeRow row, boolean fromFirst, int sessions) {
        ChangeCell c = ReportText.latestChange(row, fromFirst);
        return new PdfLayout.Cell(ReportText.change(row, fromFirst, sessions), c.verdict() != ChangeVerdict.NOT_AVAILABLE
                && c.verdict() != ChangeVerdict.NO_DETECTABLE_CHANGE, verdictColor(c.verdict()));
    }

    private static void quality(PdfLayout p, QualityPanel q) throws IOException {
        p.heading("Data quality", 12, 80);
        p.paragraph(q.verdict().sentence(), p.bold, BODY, qualityColor(q.verdict()), 0);
        p.space(3);
        p.table(new float[] {0.25f, 0.75f}, null, List.of(
                List.of(PdfLayout.Cell.of("Tracking coverage"), PdfLayout.Cell.of(ReportText.coverage(q))),
                List.of(PdfLayout.Cell.of("Strides used"), PdfLayout.Cell.of(ReportText.used(q))),
                List.of(PdfLayout.Cell.of("Strides rejected"), PdfLayout.Cell.of(ReportText.rejectedText(q)))), TABLE, true);
        if (!q.warnings().isEmpty()) {
            p.paragraph("Warnings", p.bold, BODY, PdfLayout.INK, 0);
            for (String w : q.warnings()) {
                p.paragraph("– " + w, p.regular, BODY, PdfLayout.INK, 6);
            }
        }
    }

    private static Color verdictColor(ChangeVerdict v) {
        return switch (v) {
            case IMPROVED -> OK_TEXT;
            case WORSENED -> FLAG_TEXT;
            case NO_DETECTABLE_CHANGE, NOT_AVAILABLE -> PdfLayout.INK;
        };
    }

    private static Color qualityColor(QualityVerdict v) {
        return switch (v) {
            case SUFFICIENT -> OK_TEXT;
            case LIMITED -> WARN_TEXT;
            case INSUFFICIENT -> FLAG_TEXT;
        };
    }

    private static Color indicatorColor(IndicatorStatus s) {
        return switch (s) {
            case PRESENT -> FLAG_TEXT;
            case POSSIBLE -> WARN_TEXT;
            case NOT_PRESENT -> OK_TEXT;
            case NOT_ASSESSED -> PdfLayout.MUTED;
        };
    }
}
