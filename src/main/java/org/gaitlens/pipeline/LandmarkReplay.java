package org.gaitlens.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Json;
import org.gaitlens.gait.GaitAnalyzer;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.ViewDetector;
import org.gaitlens.pose.LandmarksCsv;
import org.gaitlens.pose.PoseFrame;
import org.gaitlens.pose.TrackingReport;

/**
 * The gait engine run again on a finished video analysis' {@code landmarks.csv}, for views that need per-frame
 * values the session folder does not hold (the web app's frame-by-frame angle readout). The series is built as
 * {@link Analysis} builds it for the video: the frames before the tracker's first walker switch (read from
 * {@code video.json}) are missing, the image size is the video's, and the settings are the run's. The csv keeps
 * pixels to 3 decimals; on the indoor validation clip the replay's events were within 8 microseconds of the
 * analysis' and its cycle curves within 0.0006 deg, far below what is displayed.
 */
public final class LandmarkReplay {

    /**
     * A replayed analysis.
     *
     * @param frames  the walker's pose per video frame, in frame order (frames before a walker switch missing)
     * @param widthPx  the video's displayed width
     * @param heightPx the video's displayed height
     * @param gait    the side-view gait analysis; empty for a frontal view or a recording without strides
     */
    public record Replay(List<PoseFrame> frames, int widthPx, int heightPx, Optional<GaitResult> gait) {
        public Replay {
            frames = List.copyOf(frames);
        }
    }

    private LandmarkReplay() {
    }

    /**
     * Replays the analysis of a session folder written from a video.
     *
     * @param sessionDir the folder with {@code landmarks.csv} and {@code video.json}
     * @param settings   the gait settings of the run
     * @throws InvalidInputException when {@code landmarks.csv} is missing or malformed, or {@code video.json} unreadable
     */
    public static Replay of(Path sessionDir, GaitSettings settings) {
        Path csv = sessionDir.resolve(PoseStage.LANDMARKS_FILE);
        List<PoseFrame> all = LandmarksCsv.read(csv);
        List<String> ignored = new ArrayList<>();
        int[] size = Analysis.imageSize(csv, all, ignored);
        List<PoseFrame> frames = PoseRun.walkerOnly(all, tracking(sessionDir.resolve(PoseRun.VIDEO_JSON)));
        LandmarkSeries series = LandmarkSeries.fromPoseFrames(frames, size[0], size[1], csv.getFileName().toString());
        if (ViewDetector.detect(series).kind().isFrontal()) {
            return new Replay(frames, size[0], size[1], Optional.empty());
        }
        GaitResult gait = new GaitAnalyzer(settings).analyze(series);
        return new Replay(frames, size[0], size[1], gait.passes().isEmpty() ? Optional.empty() : Optional.of(gait));
    }

    /**
     * The tracking segments that {@link PoseRun} wrote into {@code video.json} (only the walker switches matter
     * here); none when the file is missing, as for a landmarks file analysed on its own.
     *
     * @throws InvalidInputException when the file exists but cannot be read
     */
    static TrackingReport tracking(Path videoJson) {
        List<TrackingReport.TrackSegment> segments = new ArrayList<>();
        if (Files.isRegularFile(videoJson)) {
            try {
                for (JsonNode s : Json.mapper().readTree(videoJson.toFile()).path("tracking").path("segments")) {
                    segments.add(new TrackingReport.TrackSegment(s.path("trackId").asInt(), s.path("firstFrame").asInt(),
                            s.path("lastFrame").asInt(), s.path("framesWithPose").asInt(), s.path("reason").asText("")));
                }
            } catch (IOException e) {
                throw new InvalidInputException(videoJson + ": cannot read the tracking segments (" + e.getMessage()
                        + ")", e);
            }
        }
        return new TrackingReport(0, 0, 0, 0, 0, 0, 0, 0, segments, List.of());
    }
}
