package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitlens.core.Side;
import org.gaitlens.gait.PassSteps;
import org.gaitlens.gait.PooledGait;
import org.gaitlens.pipeline.PooledAnalysis;
import org.gaitlens.pipeline.SessionRecording;

/**
 * The console summary of a session pooled from several recordings: one line per recording (passes with direction
 * and near leg, strides used and rejected, scale, whether its pose came from the cache, or why it was not used), the
 * pooled stride counts, each pass's steps and cadence, then the same table and verdicts as for one recording.
 */
final class PooledConsole {

    private PooledConsole() {
    }

    static void print(PrintWriter o, PooledAnalysis.Result r, Path outDir) {
        PooledGait g = r.gait();
        long analysed = r.recordings().stream().filter(SessionRecording::analysed).count();
        o.printf(Locale.ROOT, "session of %d recordings, %d analysed and pooled%n", r.recordings().size(), analysed);
        for (SessionRecording rec : r.recordings()) {
            o.println("  " + line(rec));
        }
        o.printf(Locale.ROOT, "pooled: %d walking pass(es), strides L %d / R %d, %d rejected%n", g.passCount(),
                g.strideCount(Side.LEFT), g.strideCount(Side.RIGHT), g.rejectionCount());
        for (PooledGait.Recording rec : g.recordings()) {
            for (PassSteps ps : rec.gait().passSteps()) {
                o.printf(Locale.ROOT, "%s pass %d: moving %s, facing %s%s, %d steps, cadence %.1f steps/min%n",
                        rec.name(), ps.passIndex() + 1, AnalyzeCommand.screen(ps.direction()),
                        AnalyzeCommand.screen(ps.facing()), ps.backward() ? " (walking backwards: cadence only)" : "",
                        ps.stepCount(), ps.cadenceStepsPerMin());
            }
        }
        AnalyzeCommand.table(o, g::summary);
        AnalyzeCommand.tail(o, r.assessment(), r.deviation(), r.warnings(), r.files(), outDir);
    }

    /** One recording in words. */
    static String line(SessionRecording r) {
        if (r.duplicateOf() != null) {
            return r.name() + ": same content as " + r.duplicateOf() + ", analysed once (strides not counted twice)";
        }
        if (r.error() != null) {
            return r.name() + ": NOT analysed: " + r.error();
        }
        List<String> passes = new ArrayList<>();
        for (SessionRecording.Pass p : r.passes()) {
            passes.add("moving " + AnalyzeCommand.screen(p.direction()) + ", near leg " + p.nearSide().name()
                    .toLowerCase(Locale.ROOT) + (p.backward() ? ", backwards" : ""));
        }
        return String.format(Locale.ROOT, "%s: %s%.1f s, %d pass(es) (%s), strides L %d / R %d, rejected L %d / R %d; "
                + "scale: %s", r.name(), r.poseFromCache() ? "pose from cache, " : "", r.durationS(), r.passes().size(),
                String.join("; ", passes), r.stridesUsed().get(Side.LEFT), r.stridesUsed().get(Side.RIGHT),
                r.stridesRejected().get(Side.LEFT), r.stridesRejected().get(Side.RIGHT),
                r.scale() == null ? "-" : r.scale().description());
    }
}
