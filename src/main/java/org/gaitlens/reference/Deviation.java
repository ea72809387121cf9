package org.gaitlens.reference;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;

/**
 * How far one session's sagittal curves are from healthy walking: the matched band, GPS-2D and GVS
 * ({@link GaitProfileScore}) and the healthy distribution of the same scores in that band.
 *
 * @param reference the reference the band comes from (dataset, citation, licence)
 * @param band      the band and why it was chosen
 * @param scores    GVS and GPS-2D with intervals
 * @param healthy   leave-one-subject-out scores of the band's own subjects
 */
public record Deviation(NormativeReference reference, BandChoice band, GaitProfileScore.Scores scores,
        HealthyScores healthy) {

    /**
     * Scores a session against the band chosen for it.
     *
     * @param reference    the reference
     * @param walker       the walker's measured speed
     * @param strideCurves per side and variable, one 101-point curve per stride (same strides in each list)
     * @param scorer       the scorer (replicates, seed)
     */
    public static Deviation of(NormativeReference reference, WalkerSpeed walker,
            Map<Side, Map<GaitVariable, List<double[]>>> strideCurves, GaitProfileScore scorer) {
        BandChoice band = new BandSelector(reference).choose(walker);
        Map<GaitVariable, double[]> means = new EnumMap<>(GaitVariable.class);
        for (GaitVariable v : GaitVariable.values()) {
            means.put(v, band.group().curve(v).meanDeg());
        }
        return new Deviation(reference, band, scorer.score(strideCurves, means), band.group().healthy());
    }
}
