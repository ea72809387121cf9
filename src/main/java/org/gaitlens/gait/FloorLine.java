package org.gaitlens.gait;

/**
 * The floor in direction-normalised image coordinates of one pass: {@code y = interceptPx + slope x} (y down).
 * Fitted by least squares through the heel at each initial contact and the foot tip at each toe off in the
 * pass (the instants at which those points touch the floor), so a rolled camera gives a sloped line; with
 * fewer than two points or less than half a leg length of spread in x it is horizontal through their mean.
 *
 * @param interceptPx y at x = 0, px
 * @param slope       dy/dx
 */
public record FloorLine(double interceptPx, double slope) {
    /** Floor y at image x. */
    public double yAt(double x) {
        return interceptPx + slope * x;
    }

    /** Height above the floor of a point, px (positive above, since image y points down). */
    public double heightPx(double x, double y) {
        return yAt(x) - y;
    }

    /** Least-squares fit; see the class comment. {@code NaN} line if there are no points. */
    public static FloorLine fit(double[] x, double[] y, int m, double legLengthPx) {
        if (m == 0) {
            return new FloorLine(Double.NaN, 0);
        }
        double mx = 0;
        double my = 0;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            mx += x[i];
            my += y[i];
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
        }
        mx /= m;
        my /= m;
        if (m < 2 || !(maxX - minX >= 0.5 * legLengthPx)) {
            return new FloorLine(my, 0);
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < m; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double b = sxy / sxx;
        return new FloorLine(my - b * mx, b);
    }
}
