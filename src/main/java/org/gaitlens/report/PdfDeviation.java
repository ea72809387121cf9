package org.gaitlens.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PDF form of the deviation from healthy walking: a comparison's table of GPS-2D per session
 * ({@link DeviationTrend}), and a session report's section ({@link DeviationSection}): the
 * headline and findings in the left half, the Movement Analysis Profile in the right half (the two kept together on
 * one page), then the band, the caveat, the notes and the attribution across the page. Wording is the model's, the
 * same as in the HTML.
 */
final class PdfDeviation {
    private static final float BODY = 9.5f;
    private static final float CAPTION = 7.5f;
    private static final float TABLE = 8.5f;
    private static final float GAP = 12;

    private PdfDeviation() {
    }

    /** A comparison's GPS-2D per session with the caveat and attribution; nothing when no session has one. */
    static void comparison(PdfLayout p, ComparisonReport r) throws IOException {
        if (r.deviation() == null) {
            return;
        }
        p.heading(ReportText.DEVIATION_HEADING, 12, 40);
        List<List<PdfLayout.Cell>> rows = new ArrayList<>();
        for (int i = 0; i < r.sessions().size(); i++) {
            rows.add(ComparisonText.deviationCells(r.sessions(), i, r.deviation().sessions().get(i)).stream()
                    .map(PdfLayout.Cell::of).toList());
        }
        p.table(new float[] {0.05f, 0.11f, 0.21f, 0.065f, 0.065f, 0.31f, 0.19f},
                ComparisonText.DEVIATION_COLUMNS.stream().map(PdfLayout.Cell::of).toList(), rows, TABLE, true);
        p.paragraph(ComparisonText.deviationNote(r.deviation()), p.regular, CAPTION, PdfLayout.MUTED, 0);
    }

    /** Lays out the section at the cursor; nothing without a section. */
    static void section(PdfLayout p, DeviationSection d, Optional<ChartImage> profile) throws IOException {
        if (d == null) {
            return;
        }
        float colW = (p.contentW() - GAP) / 2;
        float textH = p.textHeight(d.headline(), p.bold, colW, BODY + 0.5f);
        for (String f : d.findings()) {
            textH += 3 + p.textHeight(f, p.regular, colW, BODY);
        }
        float chartH = 0;
        if (profile.isPresent()) {
            ChartImage c = profile.get();
            chartH = c.heightPx() * colW / c.widthPx() + 2 + p.captionHeight(c.caption(), colW, CAPTION);
        }
        float blockH = Math.max(textH, chartH);
        p.heading(ReportText.DEVIATION_HEADING, 12, blockH + 8);
        p.ensure(blockH + 8);
        float top = p.y();
        float y = top - p.textBlock(d.headline(), p.bold, p.margin, top, colW, BODY + 0.5f, PdfLayout.INK);
        for (String f : d.findings()) {
            y -= 3;
            y -= p.textBlock(f, p.regular, p.margin, y, colW, BODY, PdfLayout.INK);
        }
        if (profile.isPresent()) {
            ChartImage c = profile.get();
            float x = p.margin + colW + GAP;
            float h = c.heightPx() * colW / c.widthPx();
            p.image(c.png(), c.title(), x, 0, colW, h);
            p.caption(c.caption(), x, top - h - 2, colW, CAPTION, PdfLayout.MUTED);
        }
        p.space(blockH + 6);
        p.paragraph(d.band(), p.regular, CAPTION + 0.5f, PdfLayout.MUTED, 0);
        p.space(2);
        p.paragraph(d.caveat(), p.regular, CAPTION + 0.5f, PdfLayout.MUTED, 0);
        for (String n : d.notes()) {
            p.paragraph("– " + n, p.regular, CAPTION, PdfLayout.MUTED, 6);
        }
        p.space(2);
        p.paragraph(d.source(), p.regular, CAPTION, PdfLayout.MUTED, 0);
    }
}
