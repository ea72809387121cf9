package org.gaitlens.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small top-down flow layout over PDFBox: paragraphs that wrap, tables whose rows never split (a row
 * that does not fit moves to the next page with the header repeated), and images that are measured
 * before they are placed. Footers with "page i of n" are added once all pages exist.
 *
 * <p>Fonts: DejaVu Sans (embedded as a subset) when installed, so symbols such as ±, °, ≥ and – print;
 * otherwise Helvetica with characters it cannot encode transliterated ("≥" to ">=").
 */
final class PdfLayout implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PdfLayout.class);
    static final String[] FONT_DIRS = {"/usr/share/fonts/truetype/dejavu/", "/usr/share/fonts/dejavu/",
            "/usr/share/fonts/TTF/"};
    private static final Map<Integer, String> TRANSLITERATION = Map.ofEntries(
            Map.entry((int) '≥', ">="), Map.entry((int) '≤', "<="), Map.entry((int) '±', "+/-"),
            Map.entry((int) '°', " deg"), Map.entry((int) '–', "-"), Map.entry((int) '—', "-"),
            Map.entry((int) '→', "->"), Map.entry((int) '·', "-"), Map.entry((int) '§', "S."),
            Map.entry((int) '\u200B', ""), Map.entry((int) 'Δ', "d"), Map.entry((int) '…', "..."));

    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    static final Color LINE = new Color(0xDD, 0xDD, 0xDD);
    static final Color HEAD_BG = new Color(0xF0, 0xF0, 0xF0);

    final PDDocument doc;
    final PDFont regular;
    final PDFont bold;
    final boolean unicodeFont;
    final float pageW;
    final float pageH;
    final float margin = 42;
    final float footerH = 22;
    private final Map<PDFont, Map<Integer, String>> encodable = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    PdfLayout(RenderOptions.PageSize size, boolean preferUnicodeFont) throws IOException {
        doc = new PDDocument();
        pageW = size.widthPt();
        pageH = size.heightPt();
        File reg = preferUnicodeFont ? findFont("DejaVuSans.ttf") : null;
        File bld = preferUnicodeFont ? findFont("DejaVuSans-Bold.ttf") : null;
        if (reg != null && bld != null) {
            regular = PDType0Font.load(doc, reg);
            bold = PDType0Font.load(doc, bld);
            unicodeFont = true;
        } else {
            LOG.info("DejaVu Sans not found; PDF uses Helvetica with symbols transliterated");
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            unicodeFont = false;
        }
        newPage();
    }

    private static File findFont(String name) {
        for (String d : FONT_DIRS) {
            File f = new File(d, name);
            if (f.isFile()) {
                return f;
            }
        }
        return null;
    }

    float contentW() {
        return pageW - 2 * margin;
    }

    float bottom() {
        return margin + footerH;
    }

    float y() {
        return y;
    }

    void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(new PDRectangle(pageW, pageH));
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = pageH - margin;
    }

    /** Starts a new page unless {@code height} still fits above the footer. */
    void ensure(float height) throws IOException {
        if (y - height < bottom() && y < pageH - margin - 0.5f) {
            newPage();
        }
    }

    void space(float h) {
        y -= h;
    }

    // ---------------------------------------------------------------- text

    /** {@code s} with characters the font cannot show replaced (only needed for the Helvetica fallback). */
    String safe(PDFont font, String s) {
        Map<Integer, String> cache = encodable.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String r = cache.computeIfAbsent(cp, c -> {
                String ch = new String(Character.toChars(c));
                if (c == '\u200B') {
                    return "";
                }
                try {
                    font.encode(ch);
                    return ch;
                } catch (IllegalArgumentException | IOException e) {
                    String t = TRANSLITERATION.getOrDefault(c, "?");
                    try {
                        font.encode(t);
                        return t;
                    } catch (IllegalArgumentException | IOException e2) {
                        return "?";
                    }
                }
            });
            out.append(r);
        });
        return out.toString();
    }

    float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(safe(font, s)) / 1000f * size;
    }

    /** Wraps {@code text} into lines no wider than {@code maxW}; explicit newlines are kept. */
    List<String> wrap(String text, PDFont font, float size, float maxW) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(font, size, candidate) <= maxW) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A single word wider than the line is broken by characters.
                String w = word;
                while (width(font, size, w) > maxW && w.length() > 1) {
                    int k = w.length() - 1;
                    while (k > 1 && width(font, size, w.substring(0, k)) > maxW) {
                        k--;
                    }
                    lines.add(w.substring(0, k));
                    w = w.substring(k);
                }
                line.append(w);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Draws one line of text with its baseline at {@code baseline}. */
    void text(String s, float x, float baseline, PDFont font, float size, Color color) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        cs.showText(safe(font, s));
        cs.endText();
    }

    static float leading(float size) {
        return size * 1.32f;
    }

    /** A wrapped paragraph at the cursor; lines break across pages. */
    void paragraph(String s, PDFont font, float size, Color color, float indent) throws IOException {
        for (String line : wrap(s, font, size, contentW() - indent)) {
            ensure(leading(size));
            y -= leading(size);
            text(line, margin + indent, y + size * 0.3f, font, size, color);
        }
    }

    /** A heading kept together with at least {@code keepWithNext} points of what follows. */
    void heading(String s, float size, float keepWithNext) throws IOException {
        ensure(leading(size) + 8 + keepWithNext);
        y -= 8;
        paragraph(s, bold, size, INK, 0);
        y -= 2;
        cs.setStrokingColor(LINE);
        cs.setLineWidth(0.8f);
        cs.moveTo(margin, y);
        cs.lineTo(margin + contentW(), y);
        cs.stroke();
        y -= 4;
    }

    // ---------------------------------------------------------------- tables

    /** A table cell: text, and how it is drawn. */
    record Cell(String text, boolean bold, Color color) {
        static Cell of(String text) {
            return new Cell(text, false, INK);
        }
    }

    /**
     * A table; rows never split across pages and the header repeats on each page. Column widths are
     * fractions of the content width; text wraps inside its cell. The first column is left-aligned,
     * the others right-aligned unless {@code leftAligned}.
     */
    void table(float[] fractions, List<Cell> header, List<List<Cell>> rows, float size, boolean leftAligned)
            throws IOException {
        float total = 0;
        for (float f : fractions) {
            total += f;
        }
        float[] w = new float[fractions.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = contentW() * fractions[i] / total;
        }
        float headerH = header == null ? 0 : rowHeight(header, w, size, true);
        boolean headerDrawn = false;
        for (List<Cell> row : rows) {
            float h = rowHeight(row, w, size, false);
            if (y - h - (headerDrawn ? 0 : headerH) < bottom()) {
                newPage();
                headerDrawn = false;
            }
            if (!headerDrawn && header != null) {
                drawRow(header, w, size, headerH, true, leftAligned);
                headerDrawn = true;
            }
            drawRow(row, w, size, h, false, leftAligned);
        }
        if (rows.isEmpty() && header != null) {
            ensure(headerH);
            drawRow(header, w, size, headerH, true, leftAligned);
        }
        y -= 4;
    }

    private float rowHeight(List<Cell> row, float[] w, float size, boolean head) throws IOException {
        int lines = 1;
        for (int i = 0; i < row.size(); i++) {
            PDFont f = head || row.get(i).bold() ? bold : regular;
            lines = Math.max(lines, wrap(row.get(i).text(), f, size, w[i] - 6).size());
        }
        return lines * leading(size) + 4;
    }

    private void drawRow(List<Cell> row, float[] w, float size, float h, boolean head, boolean leftAligned)
            throws IOException {
        if (head) {
            cs.setNonStrokingColor(HEAD_BG);
            cs.addRect(margin, y - h, contentW(), h);
            cs.fill();
        }
        float x = margin;
        for (int i = 0; i < row.size(); i++) {
            Cell c = row.get(i);
            PDFont f = head || c.bold() ? bold : regular;
            float ly = y - 2;
            for (String line : wrap(c.text(), f, size, w[i] - 6)) {
                ly -= leading(size);
                float lw = width(f, size, line);
                float lx = i == 0 || leftAligned ? x + 3 : x + w[i] - 3 - lw;
                text(line, lx, ly + size * 0.3f, f, size, c.color());
            }
            x += w[i];
        }
        y -= h;
        cs.setStrokingColor(LINE);
        cs.setLineWidth(0.5f);
        cs.moveTo(margin, y);
        cs.lineTo(margin + contentW(), y);
        cs.stroke();
    }

    // ---------------------------------------------------------------- images

    /** An image of {@code widthPt x heightPt} with its top-left at ({@code x}, cursor - {@code dy}). */
    void image(byte[] bytes, String name, float x, float dy, float widthPt, float heightPt) throws IOException {
        PDImageXObject img = PDImageXObject.createFromByteArray(doc, bytes, name);
        cs.drawImage(img, x, y - dy - heightPt, widthPt, heightPt);
    }

    /** Draws wrapped caption lines under an image column, returns their height. */
    float caption(String s, float x, float top, float w, float size, Color color) throws IOException {
        return textBlock(s, regular, x, top, w, size, color);
    }

    /**
     * Draws {@code s} wrapped into a column {@code w} wide from {@code top} down, without moving the cursor or
     * breaking the page (measure it first with {@link #textHeight}); returns its height.
     */
    float textBlock(String s, PDFont font, float x, float top, float w, float size, Color color) throws IOException {
        float ly = top;
        for (String line : wrap(s, font, size, w)) {
            ly -= leading(size);
            text(line, x, ly + size * 0.3f, font, size, color);
        }
        return top - ly;
    }

    float captionHeight(String s, float w, float size) throws IOException {
        return textHeight(s, regular, w, size);
    }

    /** The height {@link #textBlock} needs for {@code s}. */
    float textHeight(String s, PDFont font, float w, float size) throws IOException {
        return s.isEmpty() ? 0 : wrap(s, font, size, w).size() * leading(size);
    }

    // ---------------------------------------------------------------- finish

    /** Adds footers ({@code left} text and "page i of n") to every page and returns the PDF bytes. */
    byte[] finish(String footerLeft, String title) throws IOException {
        cs.close();
        cs = null;
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream f = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                float size = 7.5f;
                float base = margin - 14;
                f.setStrokingColor(LINE);
                f.setLineWidth(0.5f);
                f.moveTo(margin, base + 10);
                f.lineTo(pageW - margin, base + 10);
                f.stroke();
                String right = "page " + (i + 1) + " of " + n;
                String left = safe(regular, footerLeft);
                float rw = width(regular, size, right);
                float maxLeft = contentW() - rw - 12;
                while (width(regular, size, left) > maxLeft && left.length() > 4) {
                    left = left.substring(0, left.length() - 2);
                }
                f.beginText();
                f.setFont(regular, size);
                f.setNonStrokingColor(MUTED);
                f.newLineAtOffset(margin, base);
                f.showText(left);
                f.endText();
                f.beginText();
                f.setFont(regular, size);
                f.setNonStrokingColor(MUTED);
                f.newLineAtOffset(pageW - margin - rw, base);
                f.showText(right);
                f.endText();
            }
        }
        doc.getDocumentInformation().setTitle(title);
        doc.getDocumentInformation().setCreator("gaitlens");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        doc.close();
    }
}
