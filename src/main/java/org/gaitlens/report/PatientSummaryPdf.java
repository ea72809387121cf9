package org.gaitlens.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The patient summary ({@link PatientSummary}) as a one-page PDF in large type: title, who and when, the numbers
 * of the latest visit, the changes since the first visit with their verdicts in plain words, the two pictures side
 * by side, and the note. Text is 13-22 pt (the session report uses 9.5 pt), so a patient reads it without glasses.
 */
public final class PatientSummaryPdf {
    private static final float TITLE = 22;
    private static final float HEADING = 16;
    private static final float BODY = 13;
    private static final Color BETTER = new Color(0x00, 0x7A, 0x5A);
    private static final Color WORSE = new Color(0xA1, 0x43, 0x7A);

    private final RenderOptions options;

    public PatientSummaryPdf(RenderOptions options) {
        this.options = options == null ? RenderOptions.defaults() : options;
    }

    /** The summary as PDF bytes. */
    public byte[] render(PatientSummary s) {
        try (PdfLayout p = new PdfLayout(options.pageSize(), true)) {
            p.paragraph("Your walking: summary", p.bold, TITLE, PdfLayout.INK, 0);
            p.paragraph("For " + s.patientId() + (s.clinician().isEmpty() ? "" : " · from " + s.clinician()) + " · "
                    + s.printedOn(), p.regular, BODY, PdfLayout.MUTED, 0);
            p.paragraph("Visits: " + String.join(", ", s.sessions()), p.regular, BODY, PdfLayout.MUTED, 0);
            p.heading("What we measured at the latest visit", HEADING, 40);
            for (PatientSummary.Measure m : s.measures()) {
                p.paragraph(m.name() + ": " + m.value(), p.bold, BODY, PdfLayout.INK, 0);
                if (!m.meaning().isEmpty()) {
                    p.paragraph(m.meaning(), p.regular, BODY - 2, PdfLayout.MUTED, 12);
                }
            }
            if (!s.changes().isEmpty()) {
                p.heading("What changed since the first visit", HEADING, 40);
                for (PatientSummary.Change c : s.changes()) {
                    Color colour = switch (c.verdict()) {
                        case IMPROVED -> BETTER;
                        case WORSENED -> WORSE;
                        default -> PdfLayout.INK;
                    };
                    p.paragraph(c.name() + ": " + c.sentence() + " - " + c.verdictText() + ".", p.regular, BODY,
                            colour, 0);
                }
            }
            pictures(p, s.pictures());
            p.paragraph(PatientSummary.NOTE, p.regular, BODY - 2, PdfLayout.MUTED, 0);
            return p.finish(s.patientId() + " · " + s.printedOn() + " · gaitlens", "Walking summary " + s.patientId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the patient summary PDF", e);
        }
    }

    /** The pictures side by side, scaled to half the content width each. */
    private static void pictures(PdfLayout p, List<ChartImage> pictures) throws IOException {
        if (pictures.isEmpty()) {
            return;
        }
        float gap = 12;
        float w = (p.contentW() - gap * (pictures.size() - 1)) / pictures.size();
        float h = 0;
        for (ChartImage c : pictures) {
            h = Math.max(h, w * c.heightPx() / c.widthPx());
        }
        p.ensure(h + 16);
        p.space(8);
        float x = p.margin;
        for (ChartImage c : pictures) {
            p.image(c.png(), c.title(), x, 0, w, w * c.heightPx() / c.widthPx());
            x += w + gap;
        }
        p.space(h + 10);
    }
}
