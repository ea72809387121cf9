package org.gaitlens.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Key-frame images drawn in code (a stick figure with a grey disc for the blurred face). */
final class RenderFixtures {
    private RenderFixtures() {
    }

    static byte[] stickFigure(Color limb, int seed) throws IOException {
        BufferedImage img = new BufferedImage(180, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xEE, 0xEE, 0xE8));
        g.fillRect(0, 0, 180, 240);
        g.setColor(new Color(0xAA, 0xAA, 0xAA));
        g.fillOval(75, 20, 30, 30);
        g.setStroke(new BasicStroke(4));
        g.setColor(Color.DARK_GRAY);
        g.drawLine(90, 50, 90, 130);
        g.setColor(limb);
        int s = seed * 12;
        g.drawLine(90, 130, 70 - s, 180);
        g.drawLine(70 - s, 180, 75 - s, 225);
        g.drawLine(90, 130, 110 + s, 180);
        g.drawLine(110 + s, 180, 105 + s, 225);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Writes the key-frame files the session fixture refers to under {@code dir}. */
    static void writeKeyFrames(Path dir, SessionReport report) throws IOException {
        int i = 0;
        for (KeyFrame k : report.keyFrames()) {
            Path f = dir.resolve(k.imagePath());
            Files.createDirectories(f.getParent());
            Files.write(f, stickFigure(ReportTheme.color(k.side()), i++ % 2));
        }
    }
}
