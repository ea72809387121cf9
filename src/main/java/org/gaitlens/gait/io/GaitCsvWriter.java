package org.gaitlens.gait.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.core.TextFiles;
import org.gaitlens.gait.CycleCurve;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.PooledGait;
import org.gaitlens.gait.PooledStride;
import org.gaitlens.gait.Stride;
import org.gaitlens.gait.StrideKinematics;
import org.gaitlens.gait.StrideParameter;
import org.gaitlens.motion.WalkingDirection;
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
 * A session pooled from several recordings ({@link PooledGait}) writes the same files with provenance:
 * {@code events.csv} gains {@code recording} (the recording's name) after {@code pass}, {@code strides.csv} gains
 * {@code recording}, {@code walking_direction} ({@code left_to_right} or {@code right_to_left} in the image) and
 * {@code near_side} (the leg nearer the camera, L/R) after {@code pass}; times, frames and pass numbers are each
 * recording's own, the {@code stride} index runs over the pooled strides of a side; {@code curves.csv} is over the
 * pooled strides.
 */
public final class GaitCsvWriter {
    /** File names. */
    public static final String EVENTS = "events.csv";
    public static final String STRIDES = "strides.csv";
    public static final String CURVES = "curves.csv";

    private static final String EVENTS_HEADER = "side,event,time_s,frame,pass,walking";
    private static final String POOLED_EVENTS_HEADER = "side,event,time_s,frame,pass,recording,walking";
    private static final String STRIDES_HEADER = "side,pass";

    /** Writes the three files into {@code dir} (created if needed). @return the files written */
    public List<Path> writeAll(GaitResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(writeEvents(r, dir.resolve(EVENTS)));
        out.add(writeStrides(r, dir.resolve(STRIDES)));
        out.add(writeCurves(r, dir.resolve(CURVES)));
        return out;
    }

    /** Writes the three files of a pooled session, with provenance columns, into {@code dir}. */
    public List<Path> writeAll(PooledGait p, Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder events = new StringBuilder(POOLED_EVENTS_HEADER).append('\n');
        for (PooledGait.Recording rec : p.recordings()) {
            appendEvents(events, rec.gait().events(), rec.gait().passes(), rec.name());
        }
        StringBuilder strides = new StringBuilder(STRIDES_HEADER).append(",recording,walking_direction,near_side");
        appendStrideColumns(strides);
        for (Side side : Side.values()) {
            int k = 0;
            for (PooledStride s : p.strides().getOrDefault(side, List.of())) {
                strides.append(side.code()).append(',').append(s.stride().passIndex()).append(',')
                        .append(text(p.recordings().get(s.recording()).name())).append(',')
                        .append(s.pass().direction() == WalkingDirection.POSITIVE_X ? "left_to_right" : "right_to_left")
                        .append(',').append(s.nearSide().code());
                appendStride(strides, k++, s.stride());
            }
        }
        List<Path> out = new ArrayList<>();
        out.add(atomicWrite(dir.resolve(EVENTS), events.toString()));
        out.add(atomicWrite(dir.resolve(STRIDES), strides.toString()));
        out.add(writeCurves(p.curves(), dir.resolve(CURVES)));
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
        StringBuilder sb = new StringBuilder(EVENTS_HEADER).append('\n');
        appendEvents(sb, events, passes, null);
        return sb.toString();
    }

    /**
     * Event rows ({@link #eventsTable}), with a {@code recording} cell after {@code pass} when {@code recording} is
     * not {@code null}.
     */
    private static void appendEvents(StringBuilder sb, List<GaitEvent> events, List<WalkingPass> passes,
            String recording) {
        for (GaitEvent e : events) {
            boolean backward = passes.stream().anyMatch(p -> p.index() == e.passIndex() && p.backward());
            sb.append(e.side().code()).append(',').append(e.type().code()).append(',').append(num(e.timeS()))
                    .append(',').append(e.frameIndex()).append(',').append(e.passIndex());
            if (recording != null) {
                sb.append(',').append(text(recording));
            }
            sb.append(',').append(backward ? "backward" : "forward");
            sb.append('\n');
        }
    }

    /** Writes {@code strides.csv}. */
    public Path writeStrides(GaitResult r, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(STRIDES_HEADER);
        appendStrideColumns(sb);
        for (Side side : Side.values()) {
            int k = 0;
            for (Stride s : r.strides().get(side)) {
                sb.append(side.code()).append(',').append(s.passIndex());
                appendStride(sb, k++, s);
            }
        }
        return atomicWrite(file, sb.toString());
    }

    /** The stride columns after the provenance ones, and the line end. */
    private static void appendStrideColumns(StringBuilder sb) {
        sb.append(",stride,start_s,toe_off_s,end_s");
        for (StrideParameter p : StrideParameter.values()) {
            sb.append(',').append(p.column());
        }
        sb.append('\n');
    }

    /** A stride row's cells after the provenance ones, and the line end. */
    private static void appendStride(StringBuilder sb, int index, Stride s) {
        sb.append(',').append(index).append(',').append(num(s.timing().contactS())).append(',')
                .append(num(s.timing().toeOffS())).append(',').append(num(s.timing().nextContactS()));
        for (StrideParameter p : StrideParameter.values()) {
            sb.append(',').append(num(p.of(s)));
        }
        sb.append('\n');
    }

    /** Writes {@code curves.csv}. */
    public Path writeCurves(GaitResult r, Path file) throws IOException {
        return writeCurves(r.curves(), file);
    }

    private static Path writeCurves(Map<Side, Map<Joint, CycleCurve>> curves, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("side,joint,cycle_pct,mean_deg,sd_deg,n\n");
        for (Side side : Side.values()) {
            for (Joint j : Joint.values()) {
                CycleCurve c = curves.get(side).get(j);
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

    /** A text cell: quoted (RFC 4180) when it holds a comma, quote or line break. */
    static String text(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
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
