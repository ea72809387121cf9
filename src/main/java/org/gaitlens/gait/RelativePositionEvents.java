package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.Side;
import org.gaitlens.motion.BodyPoints;
import org.gaitlens.motion.CleanMotion;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.WalkingPass;

/**
 * Shared machinery of the detectors that take extrema of a foot point's anterior position relative to the
 * mid-hip: {@code s(t) = x_foot(t) - x_midhip(t)} in direction-normalised coordinates (+x = walking
 * direction). Initial contact = maximum of the contact point's signal, toe off = minimum of the toe-off
 * point's signal, each with {@link Extrema} sub-frame refinement.
 */
final class RelativePositionEvents {
    private final BodyPart contactPart;
    private final BodyPart toeOffPart;
    private final double minSeparationS;
    private final double minProminenceLegLengths;

    RelativePositionEvents(BodyPart contactPart, BodyPart toeOffPart, double minSeparationS,
            double minProminenceLegLengths) {
        if (!(minSeparationS > 0)) {
            throw new IllegalArgumentException("minSeparationS must be > 0, was " + minSeparationS);
        }
        if (!(minProminenceLegLengths >= 0)) {
            throw new IllegalArgumentException("minProminenceLegLengths must be >= 0, was " + minProminenceLegLengths);
        }
        this.contactPart = contactPart;
        this.toeOffPart = toeOffPart;
        this.minSeparationS = minSeparationS;
        this.minProminenceLegLengths = minProminenceLegLengths;
    }

    List<GaitEvent> detect(CleanMotion motion) {
        LandmarkSeries a = motion.anterior();
        double[] t = a.timeS();
        double dt = 1.0 / motion.frameRateHz();
        int half = Math.max(1, (int) Math.round(minSeparationS / dt / 2));
        double prominence = minProminenceLegLengths * motion.scale().legLengthPx();
        if (Double.isNaN(prominence)) {
            prominence = 0;
        }
        double[] pelvis = BodyPoints.midpoint(a, BodyPart.HIP)[0];
        List<GaitEvent> out = new ArrayList<>();
        for (WalkingPass p : motion.passes()) {
            for (Side side : Side.values()) {
                double[] contact = relative(a, BodyLandmark.of(side, contactPart), pelvis);
                double[] toe = relative(a, BodyLandmark.of(side, toeOffPart), pelvis);
                for (Extrema.Peak pk : Extrema.maxima(contact, p.startFrame(), p.endFrameExclusive(), half, prominence)) {
                    out.add(event(motion, side, GaitEventType.INITIAL_CONTACT, t, pk, p.index()));
                }
                for (Extrema.Peak pk : Extrema.minima(toe, p.startFrame(), p.endFrameExclusive(), half, prominence)) {
                    out.add(event(motion, side, GaitEventType.TOE_OFF, t, pk, p.index()));
                }
            }
        }
        out.sort(Comparator.comparingDouble(GaitEvent::timeS));
        return out;
    }

    private static GaitEvent event(CleanMotion m, Side side, GaitEventType type, double[] t, Extrema.Peak pk, int pass) {
        int i = pk.index();
        double time = t[i] + (pk.position() - i) * (t[Math.min(i + 1, t.length - 1)] - t[i]);
        return new GaitEvent(side, type, time, m.sourceFrameIndex(time), pass);
    }

    private static double[] relative(LandmarkSeries a, BodyLandmark lm, double[] pelvis) {
        double[] x = BodyPoints.trackOrMissing(a, lm).x();
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] - pelvis[i];
        }
        return r;
    }
}
