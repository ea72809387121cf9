package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.motion.WalkingPass;

/**
 * The gait of one session filmed as one or more recordings (clips): each recording analysed on its own
 * ({@link GaitAnalyzer}: its own clock, frame rate, passes and px-to-m scale), then the accepted strides of every
 * pass of every recording pooled per side, and the per-side summaries and mean curves computed over the pool
 * ({@link StrideStatistics}), exactly as for one recording. A stride belongs to one recording, so none is counted
 * twice; strides of passes walked backwards are already left out by the engine.
 *
 * <p>Pool order: per side, the recordings in session order and within each its strides in time order. With one
 * recording the pool is that recording's {@link GaitResult} (same strides, summaries and curves).
 *
 * @param recordings the recordings' names and gait results, in session order
 * @param strides    per side, the pooled strides with their provenance
 * @param summaries  per side, per parameter: n, mean, SD, CV over the pooled strides
 * @param curves     per side and joint: mean and SD of the pooled strides' curves
 */
public record PooledGait(List<Recording> recordings, Map<Side, List<PooledStride>> strides,
        Map<Side, Map<StrideParameter, ParameterStats>> summaries, Map<Side, Map<Joint, CycleCurve>> curves) {

    /**
     * One analysed recording of the session.
     *
     * @param name the recording's name in the session (its file name, unique within the session)
     * @param gait what the engine found in it
     */
    public record Recording(String name, GaitResult gait) {
        public Recording {
            if (name == null || name.isBlank() || gait == null) {
                throw new IllegalArgumentException("a recording needs a name and a gait result, name was " + name);
            }
        }
    }

    public PooledGait {
        recordings = List.copyOf(recordings);
        EnumMap<Side, List<PooledStride>> s = new EnumMap<>(Side.class);
        strides.forEach((k, v) -> s.put(k, List.copyOf(v)));
        strides = Collections.unmodifiableMap(s);
        summaries = Collections.unmodifiableMap(new EnumMap<>(summaries));
        curves = Collections.unmodifiableMap(new EnumMap<>(curves));
    }

    /**
     * Pools the strides of the given recordings.
     *
     * @throws IllegalArgumentException if there is no recording or two share a name
     */
    public static PooledGait of(List<Recording> recordings) {
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("at least one recording is needed");
        }
        if (recordings.stream().map(Recording::name).distinct().count() != recordings.size()) {
            throw new IllegalArgumentException("recording names must be unique: "
                    + recordings.stream().map(Recording::name).toList());
        }
        EnumMap<Side, List<PooledStride>> pooled = new EnumMap<>(Side.class);
        EnumMap<Side, List<Stride>> plain = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<PooledStride> list = new ArrayList<>();
            for (int r = 0; r < recordings.size(); r++) {
                GaitResult g = recordings.get(r).gait();
                for (Stride st : g.strides().getOrDefault(side, List.of())) {
                    list.add(new PooledStride(r, st, pass(g, st.passIndex())));
                }
            }
            pooled.put(side, list);
            plain.put(side, list.stream().map(PooledStride::stride).toList());
        }
        return new PooledGait(recordings, pooled, StrideStatistics.summaries(plain), StrideStatistics.curves(plain));
    }

    /** A one-recording pool of an engine result. */
    public static PooledGait of(String name, GaitResult gait) {
        return of(List.of(new Recording(name, gait)));
    }

    private static WalkingPass pass(GaitResult g, int index) {
        return g.passes().stream().filter(p -> p.index() == index).findFirst().orElseThrow(
                () -> new IllegalArgumentException("stride of pass " + index + " but the recording has passes "
                        + g.passes().stream().map(WalkingPass::index).toList()));
    }

    /** The pooled strides of one side, without provenance. */
    public List<Stride> strides(Side side) {
        return strides.getOrDefault(side, List.of()).stream().map(PooledStride::stride).toList();
    }

    /** The pooled strides of both sides, without provenance. */
    public Map<Side, List<Stride>> plainStrides() {
        EnumMap<Side, List<Stride>> out = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            out.put(side, strides(side));
        }
        return out;
    }

    /** Accepted strides of one side in the pool. */
    public int strideCount(Side side) {
        return strides.getOrDefault(side, List.of()).size();
    }

    /** Summary of one parameter on one side over the pooled strides. */
    public ParameterStats summary(Side side, StrideParameter p) {
        return summaries.get(side).get(p);
    }

    /** Walking passes over all recordings. */
    public int passCount() {
        return recordings.stream().mapToInt(r -> r.gait().passes().size()).sum();
    }

    /** Rejected candidate strides over all recordings. */
    public int rejectionCount() {
        return recordings.stream().mapToInt(r -> r.gait().rejections().size()).sum();
    }
}
