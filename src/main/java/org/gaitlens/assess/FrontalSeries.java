package org.gaitlens.assess;

import org.gaitlens.metric.Metric;

/**
 * Optional per-frame frontal-view series. The assessment uses it only when the strides carry no
 * {@link Metric#TRUNK_SHIFT_REL} values: the series is then cut into consecutive
 * {@link #BLOCK_S}-second blocks whose means serve as the samples for the trunk-list rule.
 *
 * @param timeS         sample times in seconds, strictly increasing
 * @param trunkShiftRel lateral offset of the shoulder midpoint from the hip midpoint divided by their
 *                      distance (sine of the lateral lean), positive toward the patient's right; NaN = missing
 */
public record FrontalSeries(double[] timeS, double[] trunkShiftRel) {

    /** Block length for the block means, about one stride. */
    public static final double BLOCK_S = 1.0;

    public FrontalSeries {
        if (timeS.length != trunkShiftRel.length) {
            throw new IllegalArgumentException("timeS has " + timeS.length + " samples, trunkShiftRel "
                    + trunkShiftRel.length);
        }
        for (int i = 1; i < timeS.length; i++) {
            if (!(timeS[i] > timeS[i - 1])) {
                throw new IllegalArgumentException("timeS must be strictly increasing at sample " + i + ": "
                        + timeS[i - 1] + " then " + timeS[i]);
            }
        }
        timeS = timeS.clone();
        trunkShiftRel = trunkShiftRel.clone();
    }

    /**
     * Means of consecutive {@link #BLOCK_S}-second blocks, keeping blocks in which at least half the
     * samples are finite.
     */
    public double[] blockMeans() {
        java.util.List<Double> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < timeS.length) {
            double end = timeS[i] + BLOCK_S;
            int count = 0;
            int finite = 0;
            double sum = 0;
            while (i < timeS.length && timeS[i] < end) {
                count++;
                if (Double.isFinite(trunkShiftRel[i])) {
                    finite++;
                    sum += trunkShiftRel[i];
                }
                i++;
            }
            if (finite > 0 && 2 * finite >= count) {
                out.add(sum / finite);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
