package org.gaitlens.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import org.gaitlens.assess.CurveJoint;
import org.gaitlens.core.Side;
import org.gaitlens.metric.Metric;
import org.gaitlens.reference.BandChoice;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.MatchBasis;
import org.gaitlens.reference.NormativeReference;
import org.gaitlens.reference.ReferenceGroup;
import org.gaitlens.reference.ValueStats;
import org.gaitlens.report.NormativeValue;
import org.gaitlens.report.ReferenceBand;
import org.junit.jupiter.api.Test;

/**
 * The metric table and the shipped healthy reference agree: every dataset key a metric names exists in every band,
 * the GPS-2D change threshold is the resource's, and the lookups give the band's own numbers.
 */
class HealthyReferencesTest {
    private static final NormativeReference REF = NormativeReference.fukuchi2018();

    @Test
    void everyNormativeKeyIsInEveryBand() {
        List<Metric> named = java.util.Arrays.stream(Metric.values()).filter(m -> m.normativeKey().isPresent()).toList();
        assertEquals(10, named.size(), named.toString());
        for (ReferenceGroup g : REF.groups()) {
            for (Metric m : named) {
                String k = m.normativeKey().orElseThrow();
                assertTrue(g.keyValues().containsKey(k) || g.walking(k) != null,
                        g.speedClass() + "/" + g.ageGroup() + " lacks " + k);
            }
        }
        assertEquals(Optional.empty(), Metric.ANKLE_PF_TOE_OFF_DEG.normativeKey(),
                "read at a fixed 60 % in the dataset: no fair reference for a measured toe off");
    }

    /** The metric table's GPS-2D change threshold is the one the reference build derived. */
    @Test
    void gps2dChangeThresholdIsTheResources() {
        assertEquals(REF.gps2dChange().thresholdDeg(), Metric.GPS2D_DEG.changeAnchor().minChange(), 0);
        assertTrue(Metric.GPS2D_DEG.changeAnchor().source().contains(REF.gps2dChange().n() + " pairs"));
    }

    @Test
    void lookupsGiveTheBandsNumbers() {
        ReferenceGroup g = REF.groups().get(0);
        HealthyComparison h = new HealthyComparison(REF.dataset(), REF.citation(), REF.dataCitation(), REF.licence(),
                REF.toeOffPct(), new BandChoice(g, MatchBasis.NONE, Double.NaN, "test"),
                new GaitProfileScore.Scores(new EnumMap<>(Side.class), new EnumMap<>(Side.class),
                        new GaitProfileScore.Estimate(Double.NaN, Double.NaN, Double.NaN), new EnumMap<>(Side.class),
                        List.of()));
        ValueStats swing = g.keyValues().get("knee_flex_swing_peak_deg");
        NormativeValue n = HealthyReferences.normative(h, Metric.KNEE_FLEX_SWING_PEAK_DEG).orElseThrow();
        assertEquals(swing.mean(), n.mean(), 0);
        assertEquals(swing.sd(), n.sd(), 0);
        assertEquals(g.n(), n.n());
        assertEquals(g.walking(ReferenceGroup.SPEED_M_PER_S).mean(),
                HealthyReferences.normative(h, Metric.SPEED_M_PER_S).orElseThrow().mean(), 0);
        assertEquals(Optional.empty(), HealthyReferences.normative(h, Metric.CADENCE_STEPS_PER_MIN));
        assertEquals(Optional.empty(), HealthyReferences.normative(null, Metric.SPEED_M_PER_S));
        ReferenceBand knee = HealthyReferences.band(h, CurveJoint.KNEE);
        double[] mean = g.curve(org.gaitlens.reference.GaitVariable.KNEE).meanDeg();
        double[] sd = g.curve(org.gaitlens.reference.GaitVariable.KNEE).sdDeg();
        assertEquals(mean[60] - sd[60], knee.lower()[60], 1e-12);
        assertEquals(mean[60] + sd[60], knee.upper()[60], 1e-12);
        assertTrue(knee.source().contains(REF.licence()) && knee.source().contains("n " + g.n()), knee.source());
        assertNull(HealthyReferences.band(h, CurveJoint.TRUNK), "no trunk in the dataset");
    }
}
