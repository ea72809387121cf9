package org.gaitlens.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.gaitlens.core.Side;

/** The figures of a PDF report: charts in rows under a heading, and the key-frame stills with their captions. */
final class PdfFigures {
    private final Path assetDir;

    /** @param assetDir where the key-frame images are read from ({@link RenderOptions#assetDir()}) */
    PdfFigures(Path assetDir) {
        this.assetDir = assetDir;
    }

    /**
     * Lays out charts under a heading: full-width ones alone, half-width ones two per row; a row never
     * splits and the heading stays with the first row.
     */
    static void charts(PdfLayout p, String heading, List<ChartImage> charts) throws IOException {
        if (charts.isEmpty()) {
            return;
        }
        float gap = 12;
        float halfW = (p.contentW() - gap) / 2;
        int i = 0;
        boolean first = true;
        while (i < charts.size()) {
            ChartImage a = charts.get(i);
            List<ChartImage> row = new ArrayList<>();
            row.add(a);
            if (!a.fullWidth() && i + 1 < charts.size() && !charts.get(i + 1).fullWidth()) {
                row.add(charts.get(i + 1));
            }
            i += row.size();
            float colW = a.fullWidth() ? p.contentW() : halfW;
            float rowH = 0;
            float[] w = new float[row.size()];
            float[] h = new float[row.size()];
            for (int k = 0; k < row.size(); k++) {
                ChartImage c = row.get(k);
                // Charts are drawn at their logical size in points; scaled to the column if they differ.
                w[k] = colW;
                h[k] = c.heightPx() * w[k] / c.widthPx();
                rowH = Math.max(rowH, h[k] + 2 + p.captionHeight(c.caption(), w[k], PdfRenderer.CAPTION));
            }
            if (first) {
                p.heading(heading, 12, rowH + 8);
                first = false;
            }
            p.ensure(rowH + 8);
            for (int k = 0; k < row.size(); k++) {
                float x = p.margin + k * (halfW + gap);
                p.image(row.get(k).png(), row.get(k).title(), x, 0, w[k], h[k]);
                p.caption(row.get(k).caption(), x, p.y() - h[k] - 2, w[k], PdfRenderer.CAPTION, PdfLayout.MUTED);
            }
            p.space(rowH + 8);
        }
    }

    void keyFrames(PdfLayout p, List<KeyFrame> frames) throws IOException {
        if (frames.isEmpty()) {
            return;
        }
        p.heading("Key frames", 12, 160);
        float gap = 8;
        int perRow = 4;
        float colW = (p.contentW() - gap * (perRow - 1)) / perRow;
        for (int i = 0; i < frames.size(); i += perRow) {
            List<KeyFrame> row = frames.subList(i, Math.min(frames.size(), i + perRow));
            List<Optional<byte[]>> imgs = new ArrayList<>();
            float[] h = new float[row.size()];
            float rowH = 0;
            for (int k = 0; k < row.size(); k++) {
                Optional<byte[]> img = KeyFrameImages.load(row.get(k), assetDir);
                imgs.add(img);
                h[k] = img.map(b -> scaledHeight(b, colW, 220)).orElse(14f);
                rowH = Math.max(rowH, h[k] + 2 + p.captionHeight(KeyFrameImages.caption(row.get(k)), colW, PdfRenderer.CAPTION));
            }
            p.ensure(rowH + 8);
            for (int k = 0; k < row.size(); k++) {
                float x = p.margin + k * (colW + gap);
                KeyFrame f = row.get(k);
                if (imgs.get(k).isPresent()) {
                    byte[] b = imgs.get(k).get();
                    float[] wh = fit(b, colW, 220);
                    p.image(b, f.eventLabel(), x + (colW - wh[0]) / 2, 0, wh[0], wh[1]);
                } else {
                    p.caption("Image not available: " + f.imagePath(), x, p.y(), colW, PdfRenderer.CAPTION, PdfLayout.MUTED);
                }
                p.caption(KeyFrameImages.caption(f), x, p.y() - h[k] - 2, colW, PdfRenderer.CAPTION,
                        f.side() == Side.LEFT ? PdfRenderer.LEFT_TEXT : PdfRenderer.RIGHT_TEXT);
            }
            p.space(rowH + 8);
        }
    }

    private static float[] fit(byte[] bytes, float maxW, float maxH) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        if (img == null) {
            return new float[] {maxW, maxH};
        }
        float s = Math.min(maxW / img.getWidth(), maxH / img.getHeight());
        return new float[] {img.getWidth() * s, img.getHeight() * s};
    }

    private static float scaledHeight(byte[] bytes, float maxW, float maxH) {
        try {
            return fit(bytes, maxW, maxH)[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
