package org.gaitlens.motion;

/**
 * The pose of one leg in one frame, in direction-normalised image coordinates (+x anatomical anterior, y down):
 * hip position and the three segments' directions, each as {@code phi = atan2(dx, dy)} of the segment vector, the
 * angle from the downward image vertical, positive pointing anterior (docs/angles.md). Thigh: hip to knee; shank:
 * knee to ankle; foot: heel to foot tip (90 deg for a foot flat on the floor). Joint angles follow: hip flexion =
 * {@code thigh}, knee flexion = {@code thigh - shank}, ankle dorsiflexion = {@code foot - shank - 90 deg}.
 *
 * @param hipXPx   hip x, px
 * @param hipYPx   hip y, px
 * @param thighRad thigh direction, rad
 * @param shankRad shank direction, rad
 * @param footRad  foot direction, rad
 */
public record LegPose(double hipXPx, double hipYPx, double thighRad, double shankRad, double footRad) {
    /** Number of parameters. */
    public static final int SIZE = 5;

    /** The parameters in order (hip x, hip y, thigh, shank, foot). */
    public double[] toArray() {
        return new double[] {hipXPx, hipYPx, thighRad, shankRad, footRad};
    }

    /** A pose from parameters in the order of {@link #toArray()}. */
    public static LegPose of(double[] p) {
        return new LegPose(p[0], p[1], p[2], p[3], p[4]);
    }

    /** Knee position for a geometry. */
    public double[] knee(LegGeometry g) {
        return new double[] {hipXPx + g.thighPx() * Math.sin(thighRad), hipYPx + g.thighPx() * Math.cos(thighRad)};
    }

    /** Ankle position for a geometry. */
    public double[] ankle(LegGeometry g) {
        double[] k = knee(g);
        return new double[] {k[0] + g.shankPx() * Math.sin(shankRad), k[1] + g.shankPx() * Math.cos(shankRad)};
    }

    /** Heel position for a geometry. */
    public double[] heel(LegGeometry g) {
        return footPoint(g, g.heelU(), g.soleN());
    }

    /** Foot-tip position for a geometry. */
    public double[] toe(LegGeometry g) {
        return footPoint(g, g.toeU(), g.soleN());
    }

    private double[] footPoint(LegGeometry g, double pu, double pn) {
        double[] a = ankle(g);
        double s = Math.sin(footRad);
        double c = Math.cos(footRad);
        // u = (sin, cos), n = (cos, -sin)
        return new double[] {a[0] + pu * s + pn * c, a[1] + pu * c - pn * s};
    }
}
