package org.gaitlens.pipeline;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.video.VideoInfo;

/** Builds a {@link SessionRecording} from what the analysis learnt about one recording. */
final class RecordingFacts {

    private RecordingFacts() {
    }

    /** An analysed recording of a pooled session; {@code sessionDir} to make its folder relative. */
    static SessionRecording analysed(PooledAnalysis.Clip c, Path sessionDir) {
        String folder = c.folder() == null ? null : sessionDir.relativize(c.folder()).toString().replace('\\', '/');
        return of(c.name(), c.loaded(), c.gait(), c.view(), folder, c.warnings());
    }

    /** The recording of a one-recording session. */
    static SessionRecording single(String name, Analysis.Result r) {
        Analysis.Loaded loaded = new Analysis.Loaded(r.kind(), r.series(), r.pose(), r.provenance());
        return of(name, loaded, r.session().gait(), null, null, r.warnings());
    }

    private static SessionRecording of(String name, Analysis.Loaded l, GaitResult gait,
            org.gaitlens.motion.ViewDetection view, String folder, List<String> warnings) {
        LandmarkSeries s = l.series();
        double[] t = s.timeS();
        double durationS = t.length < 2 ? Double.NaN : t[t.length - 1] - t[0];
        Double rate = SessionReports.sampleRate(s);
        double frameRateHz = rate == null ? Double.NaN : rate;
        int width = s.imageWidthPx();
        int height = s.imageHeightPx();
        int rotation = 0;
        if (l.pose().isPresent()) {
            VideoInfo v = l.pose().get().pose().info();
            durationS = v.durationS();
            frameRateHz = v.frameRateHz();
            width = v.widthPx();
            height = v.heightPx();
            rotation = v.rotationDeg();
        }
        Map<Side, Integer> used = new EnumMap<>(Side.class);
        if (gait != null) {
            gait.strides().forEach((side, list) -> used.put(side, list.size()));
        }
        return new SessionRecording(name, l.provenance().inputFile(), l.provenance().inputSha256(), l.kind(),
                durationS, frameRateHz, width, height, rotation, l.pose().map(PoseRun.Result::fromCache).orElse(false),
                folder, view, gait == null ? List.of() : SessionRecording.passes(gait), gait == null ? null
                        : gait.scale(), used, gait == null ? Map.of() : PooledAnalysis.rejectedPerSide(gait),
                l.provenance().details(), warnings, null, null);
    }

    /** A recording that could not be analysed. */
    static SessionRecording failed(String name, Path file, String sha256, String error) {
        return new SessionRecording(name, file, sha256, InputKind.of(file), Double.NaN, Double.NaN, 0, 0, 0, false,
                null, null, List.of(), null, Map.of(), Map.of(), Map.of(), List.of(), null,
                error == null || error.isBlank() ? "failed without a message" : error);
    }

    /** A recording not read (a repeat); mark it with {@link SessionRecording#asDuplicateOf}. */
    static SessionRecording unread(String name, Path file, String sha256) {
        return new SessionRecording(name, file, sha256, InputKind.of(file), Double.NaN, Double.NaN, 0, 0, 0, false,
                null, null, List.of(), null, Map.of(), Map.of(), Map.of(), List.of(), null, null);
    }
}
