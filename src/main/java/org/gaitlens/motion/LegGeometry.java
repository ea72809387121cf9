package org.gaitlens.motion;

/**
 * The fixed 2D shape of one leg of one walker in one walking pass, in image pixels: thigh (hip to knee), shank (knee
 * to ankle) and the foot as a rigid triangle of ankle, heel and foot tip. The foot's points are given in the foot's
 * own frame: {@code u} along the heel-to-tip line, {@code n} perpendicular to it, pointing up for a foot flat on the
 * floor and pointing anterior ({@code n = (cos phi, -sin phi)} for a foot direction {@code phi}, see
 * {@link LegPose}); a point at {@code (pu, pn)} lies at {@code ankle + pu u + pn n}. Heel and tip both lie on the
 * sole line, so they share their {@code n} coordinate.
 *
 * @param thighPx hip-to-knee length, px
 * @param shankPx knee-to-ankle length, px
 * @param heelU   heel's coordinate along the foot line from the ankle, px (negative: behind the ankle)
 * @param toeU    foot tip's coordinate along the foot line, px
 * @param soleN   heel's and tip's coordinate across the foot line, px (negative: below the ankle)
 */
public record LegGeometry(double thighPx, double shankPx, double heelU, double toeU, double soleN) {
    public LegGeometry {
        if (!(thighPx > 0) || !(shankPx > 0)) {
            throw new IllegalArgumentException("segment lengths must be > 0, were " + thighPx + ", " + shankPx);
        }
        if (!(toeU > heelU)) {
            throw new IllegalArgumentException("the foot tip must lie ahead of the heel, was " + heelU + " vs " + toeU);
        }
    }

    /** Heel-to-tip length of the foot, px. */
    public double footPx() {
        return toeU - heelU;
    }
}
