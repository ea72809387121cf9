package org.gaitlens.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gaitlens.core.Side;

/**
 * Data-quality panel of a session.
 *
 * @param verdict             overall verdict (repeated from the summary)
 * @param trackingCoveragePct % of frames with the walker's key landmarks tracked (0..100)
 * @param meanConfidence      mean landmark confidence (0..1), or {@code null}
 * @param stridesUsed         per side, strides used in the averages
 * @param rejected            rejected strides with reasons
 * @param warnings            plain warnings, e.g. "Camera moved", "Only one walking pass"
 */
public record QualityPanel(QualityVerdict verdict, double trackingCoveragePct, Double meanConfidence,
                           Map<Side, Integer> stridesUsed, List<RejectedStrides> rejected, List<String> warnings) {
    public QualityPanel {
        Objects.requireNonNull(verdict, "verdict");
        if (!(trackingCoveragePct >= 0 && trackingCoveragePct <= 100)) {
            throw new IllegalArgumentException("trackingCoveragePct must be in 0..100, was " + trackingCoveragePct);
        }
        if (meanConfidence != null && !(meanConfidence >= 0 && meanConfidence <= 1)) {
            throw new IllegalArgumentException("meanConfidence must be in 0..1, was " + meanConfidence);
        }
        stridesUsed = Checks.sideMap(stridesUsed, "stridesUsed");
        stridesUsed.forEach((side, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("stridesUsed." + side + " must be >= 0, was " + n);
            }
        });
        rejected = Checks.list(rejected, "rejected");
        warnings = Checks.list(warnings, "warnings");
    }

    /** Rejected strides of one side, all reasons together. */
    public int rejectedCount(Side side) {
        return rejected.stream().filter(r -> r.side() == side).mapToInt(RejectedStrides::count).sum();
    }
}
