package org.gaitlens.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.pipeline.Analysis;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.pipeline.PooledAnalysis;
import org.gaitlens.pipeline.SessionRecording;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.StrideValue;

/**
 * What a run's analysis gives the store and the batch: metric and stride rows ({@link RunResultsMapper}), the video
 * frames analysed, and notes for the user.
 *
 * @param metrics per-side and side-less values
 * @param strides per-stride values; for a pooled session each stride names its recording's position in the run
 * @param frames  video frames analysed now: exact for one recording; for a pooled session the frames of the videos
 *                whose pose was not taken from the pose cache, estimated from duration and frame rate
 * @param notes   for a pooled session, the clips not analysed (with why) or given twice
 */
record Analyzed(List<MetricValue> metrics, List<StrideValue> strides, int frames, List<String> notes) {
    Analyzed {
        metrics = List.copyOf(metrics);
        strides = List.copyOf(strides);
        notes = List.copyOf(notes);
    }

    /** One recording analysed. */
    static Analyzed of(Analysis.Result result) {
        return new Analyzed(RunResultsMapper.metrics(result.session().gait(), result.session().assessment(),
                result.session().deviation()),
                RunResultsMapper.strides(result.session().gait()),
                result.pose().map(p -> p.pose().frames().size()).orElse(0), List.of());
    }

    /**
     * A session of several recordings analysed; the run lists them in the order given to the analysis, so a
     * recording's position in {@link PooledAnalysis.Result#recordings()} is its position in the run.
     */
    static Analyzed of(PooledAnalysis.Result result) {
        Map<String, Integer> position = new HashMap<>();
        List<String> notes = new ArrayList<>();
        int frames = 0;
        for (int i = 0; i < result.recordings().size(); i++) {
            SessionRecording r = result.recordings().get(i);
            position.put(r.name(), i);
            if (r.error() != null) {
                notes.add(r.name() + " not analysed: " + r.error());
            } else if (r.duplicateOf() != null) {
                notes.add(r.name() + " is the same recording as " + r.duplicateOf() + ", counted once");
            } else if (r.kind() == InputKind.VIDEO && !r.poseFromCache() && Double.isFinite(r.durationS())
                    && Double.isFinite(r.frameRateHz())) {
                frames += (int) Math.round(r.durationS() * r.frameRateHz());
            }
        }
        List<String> names = result.gait().recordings().stream().map(g -> g.name()).toList();
        return new Analyzed(RunResultsMapper.metrics(result.gait(), result.assessment(), result.deviation()),
                RunResultsMapper.strides(result.gait(), k -> position.get(names.get(k))), frames, notes);
    }
}
