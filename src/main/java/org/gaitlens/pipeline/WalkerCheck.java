package org.gaitlens.pipeline;

import java.util.List;
import java.util.Locale;
import org.gaitlens.motion.BodyPoints;
import org.gaitlens.motion.LandmarkSeries;
import org.gaitlens.motion.ScaleEstimator;

/**
 * A hint that the recordings of a session show different people: the walker's body proportion, leg length
 * ({@link BodyPoints#legLengthPx}: hip-knee plus knee-ankle, median) over the nose-to-heel height
 * ({@link ScaleEstimator#noseHeelPx}: P90), both measured in the same recording's image, so the proportion does not
 * depend on the camera distance, the resolution, the rotation or the scale (with the patient's height given, the
 * metric leg length of each recording is this proportion times that one height, so it tells no more).
 *
 * <p>Why {@value #MAX_DIFFERENCE_PCT} %: on the rendered samples' exact landmarks the proportion of one figure
 * varies by up to 1.3 % between clips cut from its recordings (both walking directions, two sessions), while
 * the nine held-out side-view figures (different anthropometry) span 0.527 to 0.549, up to 4.3 % apart. A larger
 * difference than {@value #MAX_DIFFERENCE_PCT} % is unlikely for one walker, but people of similar build pass the check (all but
 * two pairs of the held-out figures do): it is a hint, not proof of one patient, and the user remains responsible
 * for pooling only one patient's recordings. Pose-model noise on real video widens the same-person spread, which is
 * why the limit is not set lower. Recordings without a nose or heel (some motion capture) are not checked.
 */
final class WalkerCheck {
    /** Largest relative difference of the proportion from the first recording's, %. */
    static final double MAX_DIFFERENCE_PCT = 4.0;

    private WalkerCheck() {
    }

    /**
     * Compares every analysed recording's proportion with the first one's.
     *
     * @throws PooledAnalysis.NotPoolable naming the first recording whose walker differs clearly
     */
    static void check(List<PooledAnalysis.Clip> clips) {
        PooledAnalysis.Clip reference = null;
        double referenceProportion = Double.NaN;
        for (PooledAnalysis.Clip c : clips) {
            double p = proportion(c.gait().motion().cleaned());
            if (!Double.isFinite(p)) {
                continue;
            }
            if (reference == null) {
                reference = c;
                referenceProportion = p;
                continue;
            }
            double differencePct = 100 * Math.abs(p - referenceProportion) / referenceProportion;
            if (differencePct > MAX_DIFFERENCE_PCT) {
                throw new PooledAnalysis.NotPoolable(String.format(Locale.ROOT, "%s: the walker's leg length is "
                        + "%.3f of the nose-to-heel height, in %s %.3f: %.1f %% apart, more than the %.0f %% that one "
                        + "person's recordings differ by. These look like recordings of different people, which "
                        + "cannot be pooled into one session; analyse each patient's recordings separately.",
                        c.name(), p, reference.name(), referenceProportion, differencePct, MAX_DIFFERENCE_PCT));
            }
        }
    }

    /** Leg length over nose-to-heel height in one recording's image, or NaN when either is unknown. */
    static double proportion(LandmarkSeries s) {
        double leg = BodyPoints.legLengthPx(s);
        double stature = ScaleEstimator.noseHeelPx(s);
        return leg > 0 && stature > 0 ? leg / stature : Double.NaN;
    }
}
