package org.gaitlens.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gaitlens.batch.BatchItem;
import org.gaitlens.batch.BatchListener;
import org.gaitlens.batch.BatchReport;
import org.gaitlens.batch.ItemOutcome;

/**
 * The batch's console: a status line per finished item on standard output, and an overall progress bar with
 * ETA on standard error (redrawn in place on a terminal; otherwise the ETA is part of each status line). The ETA
 * extrapolates the time per analysed item, counting running items by their share of frames done.
 */
final class BatchConsole implements BatchListener {
    private final PrintWriter out;
    private final PrintStream bar;
    private final boolean interactive;
    private final Map<BatchItem, Double> running = new ConcurrentHashMap<>();
    private final long startNanos = System.nanoTime();
    private int total;
    private int workers;
    private int finished;
    private int analysed;
    private long lastDrawNanos;
    private long framesDone;

    BatchConsole(PrintWriter out, PrintStream bar) {
        this.out = out;
        this.bar = bar;
        this.interactive = System.console() != null;
    }

    @Override
    public synchronized void batchStarted(int items, int workerCount) {
        total = items;
        workers = workerCount;
        out.printf(Locale.ROOT, "%d recording(s), %d worker(s)%n", items, workerCount);
        out.flush();
    }

    @Override
    public void itemStarted(BatchItem item) {
        running.put(item, 0.0);
        draw(false);
    }

    @Override
    public void itemProgress(BatchItem item, String stage, long done, long total) {
        // Pose estimation is nearly all of an analysis; the gait analysis after it counts as the last 3 %.
        double f = stage.equals("analysis") ? 0.97 : total > 0 ? 0.97 * Math.min(1.0, (double) done / total) : 0;
        running.put(item, f);
        draw(false);
    }

    @Override
    public synchronized void itemFinished(ItemOutcome o) {
        running.remove(o.item());
        finished++;
        framesDone += o.frames();
        if (o.status() == ItemOutcome.Status.DONE || o.status() == ItemOutcome.Status.FAILED && o.wallS() > 0) {
            analysed++;
        }
        clearBar();
        String status = switch (o.status()) {
            case DONE -> "done";
            case SKIPPED -> "skipped";
            case FAILED -> "FAILED";
            case NOT_STARTED -> "not started";
        };
        String detail = o.status() == ItemOutcome.Status.DONE
                ? String.format(Locale.ROOT, "%d frames, %.1f s -> %s", o.frames(), o.wallS(), o.detail())
                : o.detail();
        out.printf(Locale.ROOT, "[%d/%d] %-8s %s  %s%s%n", finished, total, status, o.item().displayName(), detail,
                interactive ? "" : eta().map(e -> "  (" + e + ")").orElse(""));
        out.flush();
        draw(true);
    }

    private synchronized void draw(boolean force) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDrawNanos < 250_000_000L) {
            return;
        }
        lastDrawNanos = now;
        double progress = finished + running.values().stream().mapToDouble(Double::doubleValue).sum();
        double f = total > 0 ? progress / total : 1;
        int width = 24;
        int filled = (int) Math.round(Math.min(1, f) * width);
        bar.print("\rbatch [" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3.0f%% %d/%d, %d running", 100 * f, finished, total, running.size())
                + eta().map(e -> ", " + e).orElse("") + "   ");
        bar.flush();
    }

    private void clearBar() {
        if (interactive) {
            bar.print("\r" + " ".repeat(100) + "\r");
            bar.flush();
        }
    }

    /** "ETA 3m05s", from the time per analysed item so far; empty before there is any. */
    private synchronized java.util.Optional<String> eta() {
        double elapsedS = (System.nanoTime() - startNanos) / 1e9;
        double inFlight = running.values().stream().mapToDouble(Double::doubleValue).sum();
        double doneUnits = analysed + inFlight;
        int remaining = total - finished;
        if (doneUnits < 0.05 || remaining == 0) {
            return java.util.Optional.empty();
        }
        double perItemS = elapsedS / doneUnits; // wall time per item with all workers busy
        double s = Math.max(0, (remaining - inFlight) * perItemS);
        long r = Math.round(s);
        return java.util.Optional.of(r >= 60 ? String.format(Locale.ROOT, "ETA %dm%02ds", r / 60, r % 60)
                : "ETA " + r + "s");
    }

    /** Ends the progress bar line. */
    synchronized void close() {
        clearBar();
    }

    /** The final table and totals. */
    static void printSummary(PrintWriter o, BatchReport r) {
        o.println();
        o.printf(Locale.ROOT, "%-11s %-40s %7s %7s  %s%n", "STATUS", "RECORDING", "FRAMES", "TIME_S", "DETAIL");
        for (ItemOutcome x : r.outcomes()) {
            o.printf(Locale.ROOT, "%-11s %-40s %7s %7s  %s%n", x.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    x.item().displayName(), x.frames() > 0 ? Integer.toString(x.frames()) : "-",
                    x.wallS() > 0 ? String.format(Locale.ROOT, "%.1f", x.wallS()) : "-", x.detail().replace('\n', ' '));
        }
        Map<ItemOutcome.Status, Integer> c = r.counts();
        o.printf(Locale.ROOT, "%nDone %d, skipped %d (unchanged), failed %d, not started %d; %d worker(s), %.1f s, "
                        + "%.2f videos/min, %.1f frames/s%n",
                c.get(ItemOutcome.Status.DONE), c.get(ItemOutcome.Status.SKIPPED), c.get(ItemOutcome.Status.FAILED),
                c.get(ItemOutcome.Status.NOT_STARTED), r.workers(), r.wallS(), r.videosPerMinute(), r.framesPerSecond());
        r.stopReason().ifPresent(s -> o.println("Stopped early: " + s));
        o.flush();
    }
}
