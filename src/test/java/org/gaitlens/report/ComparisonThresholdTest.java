package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.gaitlens.metric.Metric;
import org.junit.jupiter.api.Test;

/** The change threshold of a comparison row: largest of published, own repeatability and sampling, by hand. */
class ComparisonThresholdTest {
    /** Hand values below are rounded to 7 digits. */
    private static final double EPS = 1e-7;

    @Test
    void mdc95IsZ95TimesTheRmsOfPassDifferences() {
        // 1.959964 x sqrt((0.03^2 + 0.04^2) / 2) = 1.959964 x 0.0353553 = 0.0692951
        assertEquals(0.0692951, ComparisonThreshold.mdc95(0.03, -0.04), EPS);
        assertEquals(ComparisonThreshold.mdc95(0.03, -0.04), ComparisonThreshold.mdc95(0.03, Double.NaN, -0.04), 0.0,
                "non-finite differences are left out");
        assertThrows(IllegalArgumentException.class, () -> ComparisonThreshold.mdc95(Double.NaN));
    }

    @Test
    void theLargestTermSetsTheThresholdAndNamesItself() {
        Optional<ComparisonThreshold> published = ComparisonThreshold.published(Metric.SPEED_M_PER_S);
        assertEquals(0.05, published.orElseThrow().value(), 0.0);
        assertTrue(published.get().source().startsWith("published: Perera et al. 2006"));

        ComparisonThreshold alone = ComparisonThreshold.largest(published, List.of(), List.of()).orElseThrow();
        assertEquals(published.get(), alone);

        // own repeatability 0.0693 m/s beats the published 0.05 m/s
        ComparisonThreshold own = ComparisonThreshold.largest(published, List.of(0.03, -0.04), List.of()).orElseThrow();
        assertEquals(0.0692951, own.value(), EPS);
        assertEquals("own pass-to-pass repeatability (MDC95, 2 sessions with 2+ passes)", own.source());

        // sampling: 1.959964 x sqrt(2) x median(0.01, 0.03, 0.02) = 2.771808 x 0.02 = 0.0554362 > 0.05
        ComparisonThreshold sampling = ComparisonThreshold.largest(published, List.of(), List.of(0.01, 0.03, 0.02))
                .orElseThrow();
        assertEquals(0.0554362, sampling.value(), EPS);
        assertEquals("sampling error (1.96 × √2 × median SE)", sampling.source());

        // a smaller own repeatability does not lower the published threshold
        assertEquals(published.get(), ComparisonThreshold.largest(published, List.of(0.001), List.of()).orElseThrow());
    }

    @Test
    void noTermNoThreshold() {
        assertEquals(Optional.empty(), ComparisonThreshold.published(Metric.FOOT_CLEARANCE_REL), "none published");
        assertEquals(Optional.empty(), ComparisonThreshold.largest(Optional.empty(), List.of(), List.of()));
    }

    @Test
    void publishedThresholdAsSymmetryIndexAtTheMedianSideMean() {
        // stance time 0.02 s at a side mean of 0.64 s (median of 0.60, 0.64, 0.70): 100 x 0.02 / 0.64 = 3.125 %
        ComparisonThreshold si = ComparisonThreshold.publishedAsSi(Metric.STANCE_TIME_S, List.of(0.70, 0.60, 0.64))
                .orElseThrow();
        assertEquals(3.125, si.value(), 1e-12);
        assertTrue(si.source().startsWith("derived from the published stance time threshold 0.02 s as SI at a side "
                + "mean of 0.64 s (0.02 s: per-step error"), si.source());
        assertEquals(Optional.empty(), ComparisonThreshold.publishedAsSi(Metric.STANCE_TIME_S, List.of()));
        assertEquals(Optional.empty(), ComparisonThreshold.publishedAsSi(Metric.STANCE_TIME_S, List.of(0.0)),
                "no SI at a zero side mean");
    }
}
