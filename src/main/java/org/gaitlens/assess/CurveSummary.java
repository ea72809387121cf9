package org.gaitlens.assess;

/**
 * Point-wise mean and sample SD of a side's stride curves over the normalised gait cycle.
 *
 * @param strides number of stride curves
 * @param meanDeg mean angle at 0, 1, ..., 100 % of the cycle
 * @param sdDeg   sample SD at each point ({@code NaN} with fewer than 2 curves)
 */
public record CurveSummary(int strides, double[] meanDeg, double[] sdDeg) {

    /**
     * Point-wise statistics of curves of equal length; NaN samples are skipped point by point.
     *
     * @throws IllegalArgumentException if the list is empty or the lengths differ
     */
    public static CurveSummary of(java.util.List<double[]> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves");
        }
        int len = curves.get(0).length;
        double[] mean = new double[len];
        double[] sd = new double[len];
        double[] column = new double[curves.size()];
        for (int p = 0; p < len; p++) {
            for (int c = 0; c < curves.size(); c++) {
                if (curves.get(c).length != len) {
                    throw new IllegalArgumentException("curve " + c + " has " + curves.get(c).length
                            + " points, expected " + len);
                }
                column[c] = curves.get(c)[p];
            }
            SampleStats s = SampleStats.of(column);
            mean[p] = s.mean();
            sd[p] = s.sd();
        }
        return new CurveSummary(curves.size(), mean, sd);
    }
}
