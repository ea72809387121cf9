package org.gaitlens.gait.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.core.TextFiles;
import org.gaitlens.gait.CycleCurve;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideKinematics;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.motion.WalkingPass;

/**
 * Writes a {@link GaitResult} as tidy CSV tables (comma separated, '.' decimal point, header row, empty
 * field for a missing value). Every file is written to a temporary file in the target directory and then
 * moved over the target (atomically where the file system supports it), so readers never see a half-written
 * file.
 * <ul>
 * <li>{@code events.csv}: {@code side,event,time_s,frame,pass,walking} (side L/R; event heel_strike/toe_off; frame
 *     = input sample index nearest the event time; walking forward/backward: {@link #eventsTable});</li>
 * <li>{@code strides.csv}: {@code side,pass,stride,start_s,toe_off_s,end_s} and one column per
 *     {@link StrideParameter} (unit in the name);</li>
 * <li>{@code curves.csv}: {@code side,joint,cycle_pct,mean_deg,sd_deg,n}.</li>
 * </ul>
 */
public final class GaitCsvWriter {
    /** File names. */
    public static final String EVENTS = "events.csv";
    public static final String STRIDES = "strides.csv";
    public static final String CURVES = "curves.csv";

    /** Writes the three files into {@code dir} (created if needed). @return the files written */
    public List<Path> writeAll(GaitResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(writeEvents(r, dir.resolve(EVENTS)));
        out.add(writeStrides(r, dir.resolve(STRIDES)));
        out.add(writeCurves(r, dir.resolve(CURVES)));
        return out;
    }

    /** Writes {@code events.csv}. */
    public Path writeEvents(GaitResult r, Path file) throws IOException {
        return atomicWrite(file, eventsTable(r.events(), r.passes()));
    }

    /**
     * The {@code events.csv} table of events in passes: {@code side,event,time_s,frame,pass,walking}, where
     * {@code walking} is {@code backward} for an event of a pass walked backwards ({@link WalkingPass#backward()}:
     * its "heel strike" is the initial contact of a foot reaching back, forefoot first, and its "toe off" the heel
     * leaving last, docs/passes.md) and {@code forward} otherwise.
     */
    public static String eventsTable(List<GaitEvent> events, List<WalkingPass> passes) {
        StringBuilder sb = new StringBuilder("side,event,time_s,frame,pass,walking\n");
        for (GaitEvent e : events) {
            boolean backward = passes.stream().anyMatch(p -> p.index() == e.passIndex() && p.backward());
            sb.append(e.side().code()).append(',').append(e.type().code()).append(',').append(num(e.timeS()))
                    .append(',').append(e.frameIndex()).append(',').append(e.passIndex()).append(',')
                    .append(backward ? "backward" : "forward").append('\n');
        }
        return sb.toString();
    }

    /** Writes {@code strides.csv}. */
    public Path writeStrides(GaitResult r, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("side,pass,stride,start_s,toe_off_s,end_s");
        for (StrideParameter p : StrideParameter.values()) {
            sb.append(',').append(p.column());
        }
        sb.append('\n');
        for (Side side : Side.values()) {
            int k = 0;
            for (Stride s : r.strides().get(side)) {
                sb.append(side.code()).append(',').append(s.passIndex()).append(',').append(k++).append(',')
                        .append(num(s.timing().contactS())).append(',').append(num(s.timing().toeOffS())).append(',')
                        .append(num(s.timing().nextContactS()));
                for (StrideParameter p : StrideParameter.values()) {
                    sb.append(',').append(num(p.of(s)));
                }
                sb.append('\n');
            }
        }
        return atomicWrite(file, sb.toString());
    }

    /** Writes {@code curves.csv}. */
    public Path writeCurves(GaitResult r, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("side,joint,cycle_pct,mean_deg,sd_deg,n\n");
        for (Side side : Side.values()) {
            for (Joint j : Joint.values()) {
                CycleCurve c = r.curves().get(side).get(j);
                double[] mean = c.meanDeg();
                double[] sd = c.sdDeg();
                int[] n = c.nPerPoint();
                for (int k = 0; k < StrideKinematics.CYCLE_POINTS; k++) {
                    sb.append(side.code()).append(',').append(j.code()).append(',').append(k).append(',')
                            .append(num(mean[k])).append(',').append(num(sd[k])).append(',')
                            .append(n[k]).append('\n');
                }
            }
        }
        return atomicWrite(file, sb.toString());
    }

    /** A CSV cell: 6 decimals, empty when missing. */
    private static String num(double v) {
        return Decimals.cell(v, 6);
    }

    /** Writes text to a temporary sibling file and moves it over {@code file} ({@link TextFiles}). */
    static Path atomicWrite(Path file, String text) throws IOException {
        try {
            return TextFiles.writeAtomically(file, text);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
