package org.gaitlens.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PDF sections of a session pooled from several recordings: the recordings table and the repeatability tables
 * (wording shared with the HTML through {@link ReportText}).
 */
final class PdfRecordings {

    private PdfRecordings() {
    }

    static void recordings(PdfLayout p, List<RecordingRow> rows, float size, float caption) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        p.heading("Recordings", 12, 50);
        List<List<PdfLayout.Cell>> cells = new ArrayList<>();
        for (RecordingRow r : rows) {
            cells.add(ReportText.recordingCells(r).stream().map(PdfLayout.Cell::of).toList());
        }
        p.table(new float[] {0.17f, 0.08f, 0.13f, 0.23f, 0.1f, 0.09f, 0.2f},
                ReportText.RECORDING_COLUMNS.stream().map(PdfLayout.Cell::of).toList(), cells, size - 0.5f, true);
        p.paragraph(ReportText.RECORDINGS_NOTE, p.regular, caption, PdfLayout.MUTED, 0);
    }

    static void repeatability(PdfLayout p, RepeatabilityTable t, float size, float caption) throws IOException {
        p.heading("Repeatability: " + t.title().toLowerCase(java.util.Locale.ROOT), 12, 50);
        int n = t.columns().size();
        float[] fr = new float[n + 2];
        fr[0] = 0.26f;
        for (int i = 1; i <= n; i++) {
            fr[i] = 0.64f / n;
        }
        fr[n + 1] = 0.10f;
        List<PdfLayout.Cell> head = new ArrayList<>();
        head.add(PdfLayout.Cell.of("Metric"));
        t.columns().forEach(c -> head.add(PdfLayout.Cell.of(c)));
        head.add(PdfLayout.Cell.of("Range"));
        List<List<PdfLayout.Cell>> cells = new ArrayList<>();
        for (RepeatabilityTable.Row row : t.rows()) {
            cells.add(ReportText.repeatabilityCells(row).stream().map(PdfLayout.Cell::of).toList());
        }
        p.table(fr, head, cells, size - 0.5f, false);
        p.paragraph(t.note(), p.regular, caption, PdfLayout.MUTED, 0);
    }
}
