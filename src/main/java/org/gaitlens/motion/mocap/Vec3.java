package org.gaitlens.motion.mocap;

/** Small 3-vector helpers on {@code double[3]}; NaN propagates. */
final class Vec3 {

    private Vec3() {
    }

    static double[] nan() {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }

    static boolean isNaN(double[] a) {
        return Double.isNaN(a[0]) || Double.isNaN(a[1]) || Double.isNaN(a[2]);
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double[] scale(double[] a, double s) {
        return new double[] {a[0] * s, a[1] * s, a[2] * s};
    }

    static double[] mid(double[] a, double[] b) {
        return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] unit(double[] a) {
        double n = norm(a);
        return n > 0 ? scale(a, 1 / n) : nan();
    }

    /** {@code a + s b}. */
    static double[] addScaled(double[] a, double[] b, double s) {
        return new double[] {a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]};
    }
}
