package org.gaitlens.motion.mocap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;

/**
 * Foot contacts measured by force plates: the reference for initial contact and toe off where a lab has plates.
 *
 * <p>Rule (the usual force-threshold definition, e.g. Zeni et al. 2008 and Bruening and Ridge 2014, who validate
 * kinematic events against a vertical force threshold): the plate is loaded while its vertical force differs
 * from its unloaded level (the median of the whole record: a plate carries a foot for well under half of a
 * walking trial) by more than {@link #DEFAULT_THRESHOLD_N}; loaded stretches separated by less than
 * {@link #MERGE_GAP_S} are one contact (force chatter as the foot leaves), and stretches shorter than
 * {@link #MIN_CONTACT_S} are ignored. Onset = first loaded sample, end = first unloaded sample after it; an
 * onset at the first sample, or an end at the last, was not observed and is {@code NaN}.
 *
 * <p>The foot: the side whose mid-foot (mid-point of heel and foot index) lies over the plate (inside its corners,
 * with {@link #MARGIN_M} of tolerance, in the plate's plane) for at least {@link #MIN_OVER_FRACTION} of the
 * contact's marker samples. The other foot swings over the plate for a shorter part of the stance; a contact with
 * both feet, or neither, over the plate that long is ambiguous and reported without a side.
 *
 * <p>Reference: Zeni J.A., Richards J.G., Higginson J.S. (2008) Gait Posture 27:710-714 (force-plate events as
 * the reference for kinematic event detection).
 */
public final class ForcePlateContacts {
    /**
     * Vertical force threshold, N: the same 20 N as the force-plate events of the OpenSim example trials that
     * gaitlens is validated against (docs/mocap.md, "Force plates").
     */
    public static final double DEFAULT_THRESHOLD_N = 20;
    /** Loaded stretches closer than this are one contact, s. */
    static final double MERGE_GAP_S = 0.02;
    /** Shortest contact kept, s (a walking stance lasts 0.5-0.8 s). */
    static final double MIN_CONTACT_S = 0.1;
    /** Tolerance around the plate's edges when deciding which foot is on it, m. */
    static final double MARGIN_M = 0.05;
    /** Fraction of the contact during which the loading foot's mid-foot must be over the plate. */
    static final double MIN_OVER_FRACTION = 0.8;

    /**
     * One contact on one plate.
     *
     * @param plate  plate number (1-based)
     * @param side   the foot on the plate, or {@code null} when ambiguous
     * @param onsetS initial contact, s (gaitlens clock); {@code NaN} if the plate was loaded from the start
     * @param endS   end of contact (toe off), s; {@code NaN} if still loaded at the end of the record
     * @param note   why the side is missing, else empty
     */
    public record Contact(int plate, Side side, double onsetS, double endS, String note) {
    }

    private ForcePlateContacts() {
    }

    /**
     * Contacts on every plate, in time order.
     *
     * @param plates  the file's plates ({@link C3dReader#readForcePlates})
     * @param joints  the same file's joints in laboratory coordinates (heels and foot indices), to tell the foot
     * @param thresholdN vertical force threshold, N (> 0)
     * @throws IllegalArgumentException if the threshold is not positive
     */
    public static List<Contact> detect(List<ForcePlate> plates, JointTrajectories joints, double thresholdN) {
        if (!(thresholdN > 0)) {
            throw new IllegalArgumentException("thresholdN must be > 0, was " + thresholdN);
        }
        List<Contact> out = new ArrayList<>();
        for (ForcePlate p : plates) {
            double[] f = p.verticalForceN();
            if (f.length == 0) {
                continue;
            }
            double[] sorted = f.clone();
            Arrays.sort(sorted);
            double base = sorted[sorted.length / 2];
            int merge = (int) Math.round(MERGE_GAP_S * p.sampleRateHz());
            int minLen = (int) Math.round(MIN_CONTACT_S * p.sampleRateHz());
            int k = 0;
            while (k < f.length) {
                if (Math.abs(f[k] - base) <= thresholdN) {
                    k++;
                    continue;
                }
                int start = k;
                int end = k;
                int quiet = 0;
                while (k < f.length && quiet <= merge) {
                    if (Math.abs(f[k] - base) > thresholdN) {
                        end = k;
                        quiet = 0;
                    } else {
                        quiet++;
                    }
                    k++;
                }
                if (end - start + 1 < minLen) {
                    continue;
                }
                double onset = start == 0 ? Double.NaN : p.timeS(start);
                double off = end == f.length - 1 ? Double.NaN : p.timeS(end + 1);
                Side side = footOn(p, joints, p.timeS(start), p.timeS(end));
                out.add(new Contact(p.number(), side, onset, off, side == null
                        ? "no single foot over plate " + p.number() + String.format(java.util.Locale.ROOT,
                        " during %.3f-%.3f s", p.timeS(start), p.timeS(end)) : ""));
            }
        }
        out.sort((a, b) -> Double.compare(firstTime(a), firstTime(b)));
        return out;
    }

    private static double firstTime(Contact c) {
        return Double.isNaN(c.onsetS()) ? c.endS() - 1 : c.onsetS();
    }

    /** The side whose mid-foot is over the plate for most of {@code [fromS, toS]}; null when none or both. */
    static Side footOn(ForcePlate p, JointTrajectories j, double fromS, double toS) {
        double[] t = j.timeS();
        Side found = null;
        for (Side s : Side.values()) {
            BodyLandmark heel = BodyLandmark.of(s, BodyPart.HEEL);
            BodyLandmark toe = BodyLandmark.of(s, BodyPart.FOOT_INDEX);
            if (!j.has(heel) || !j.has(toe)) {
                continue;
            }
            int samples = 0;
            int over = 0;
            for (int i = 0; i < t.length; i++) {
                if (t[i] < fromS || t[i] > toS) {
                    continue;
                }
                samples++;
                double[] mid = Vec3.mid(j.position(heel, i), j.position(toe, i));
                if (!Vec3.isNaN(mid) && over(p.cornersM(), mid)) {
                    over++;
                }
            }
            if (samples == 0 || over < MIN_OVER_FRACTION * samples) {
                continue;
            }
            if (found != null) {
                return null;
            }
            found = s;
        }
        return found;
    }

    /** Whether {@code point} projects inside the plate's (convex) outline grown by {@link #MARGIN_M}. */
    static boolean over(double[][] c, double[] point) {
        double[] normal = Vec3.cross(Vec3.sub(c[1], c[0]), Vec3.sub(c[2], c[1]));
        double n = Vec3.norm(normal);
        if (!(n > 0)) {
            return false;
        }
        normal = Vec3.scale(normal, 1 / n);
        for (int e = 0; e < 4; e++) {
            double[] a = c[e];
            double[] b = c[(e + 1) % 4];
            double[] edge = Vec3.sub(b, a);
            double[] inward = Vec3.cross(normal, edge);
            inward = Vec3.scale(inward, 1 / Vec3.norm(inward));
            if (Vec3.dot(Vec3.sub(point, a), inward) < -MARGIN_M) {
                return false;
            }
        }
        return true;
    }
}
