package org.gaitlens.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.gaitlens.core.ProgressListener;

/**
 * A one-line progress bar with rate and ETA on standard error. On a terminal it redraws in place
 * at most 5 times a second; otherwise it prints a line every 10 %.
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private final boolean interactive;
    private final String label;
    private long startNanos = -1;
    private long lastDrawNanos;
    private String stage = "";
    private int lastDecile = -1;

    ConsoleProgress(PrintStream out, String label) {
        this.out = out;
        this.interactive = System.console() != null;
        this.label = label;
    }

    @Override
    public synchronized void update(String newStage, long done, long total) {
        long now = System.nanoTime();
        if (!newStage.equals(stage)) {
            finishLine();
            stage = newStage;
            startNanos = now;
            lastDecile = -1;
        }
        double elapsedS = (now - startNanos) / 1e9;
        double rate = elapsedS > 0 ? done / elapsedS : 0;
        boolean complete = total > 0 && done >= total;
        if (interactive) {
            if (!complete && now - lastDrawNanos < 200_000_000L) {
                return;
            }
            lastDrawNanos = now;
            out.print("\r" + render(done, total, rate) + "  ");
            if (complete) {
                out.println();
                stage = "";
            }
        } else if (total > 0) {
            int decile = (int) Math.min(10, done * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                out.println(render(done, total, rate));
            }
        }
        out.flush();
    }

    /** Ends the current line if a bar is being drawn. */
    synchronized void finishLine() {
        if (interactive && !stage.isEmpty()) {
            out.println();
        }
    }

    private String render(long done, long total, double rate) {
        StringBuilder sb = new StringBuilder();
        sb.append(label).append(' ').append(stage).append(' ');
        if (total > 0) {
            double f = Math.min(1.0, (double) done / total);
            int width = 24;
            int filled = (int) Math.round(f * width);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
            sb.append(String.format(Locale.ROOT, "%3.0f%% %d/%d", f * 100, done, total));
            if (rate > 0 && done < total) {
                sb.append(String.format(Locale.ROOT, " %.1f/s ETA %s", rate, eta((total - done) / rate)));
            } else if (rate > 0) {
                sb.append(String.format(Locale.ROOT, " %.1f/s", rate));
            }
        } else {
            sb.append(done).append(String.format(Locale.ROOT, " (%.1f/s)", rate));
        }
        return sb.toString();
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
