package org.gaitlens.motion;

import java.util.Locale;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;

/**
 * Decides whether a recording is a side (sagittal) or a frontal view, from two independent cues:
 * <ol>
 * <li><b>hip width in the image relative to leg length</b>: seen from the side the two hip landmarks overlap
 *     (width ~0-0.08 leg lengths, from perspective and pelvic rotation), seen from the front or back they
 *     are a pelvis width apart (the hip joint centres are ~0.18-0.2 leg lengths apart in adults);</li>
 * <li><b>horizontal travel against growth of the body</b>: a walker crossing a side view travels several
 *     leg lengths across the image at about constant size; a walker approaching (receding from) a frontal
 *     camera stays near the image centre while the body's image height grows (shrinks).</li>
 * </ol>
 * Frontal when the hip width is at least {@link #FRONTAL_HIP_WIDTH} leg lengths and the travel is below
 * the size-change-adjusted limit (travel &lt; {@link #SIDE_TRAVEL} leg lengths, or the size changes by more
 * than {@link #SIZE_CHANGE} while travelling less than the body's own size change would explain); side when
 * the hip width is below it and the walker travels at least {@link #SIDE_TRAVEL} leg lengths or does not
 * change size (treadmill); otherwise unknown. Front vs back: a walker facing the camera shows the anatomical
 * right hip on the image left ({@code x_R < x_L}); walking away, on the right. The thresholds sit halfway
 * between the side and frontal values above (0.1 leg lengths; 1.5 leg lengths of travel, about one step;
 * a 15 % size change, which a 5 m camera sees after about 0.7 m of approach).
 */
public final class ViewDetector {
    /** Hip width threshold, leg lengths. */
    public static final double FRONTAL_HIP_WIDTH = 0.1;
    /** Horizontal travel that marks a side view, leg lengths. */
    public static final double SIDE_TRAVEL = 1.5;
    /** Body size change factor that marks walking along the camera axis. */
    public static final double SIZE_CHANGE = 1.15;

    private ViewDetector() {
    }

    /** Detects the view of a (raw or cleaned) series. */
    public static ViewDetection detect(LandmarkSeries s) {
        int n = s.size();
        LandmarkTrack l = BodyPoints.trackOrMissing(s, BodyLandmark.LEFT_HIP);
        LandmarkTrack r = BodyPoints.trackOrMissing(s, BodyLandmark.RIGHT_HIP);
        double leg = BodyPoints.legLengthPx(s);
        double[] width = new double[n];
        double[] sign = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (l.has(i) && r.has(i)) {
                width[m] = Math.abs(r.x()[i] - l.x()[i]);
                sign[m] = Math.signum(r.x()[i] - l.x()[i]);
                m++;
            }
        }
        double hipWidth = BodyPoints.percentile(width, m, 50) / leg;
        int rightSign = BodyPoints.percentile(sign, m, 50) >= 0 ? 1 : -1;
        double[][] hip = BodyPoints.midpoint(s, BodyPart.HIP);
        double[][] ankle = BodyPoints.midpoint(s, BodyPart.ANKLE);
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = ankle[1][i] - hip[1][i];
        }
        double[] t = s.timeS();
        double x0 = windowMedian(hip[0], t, t[0], t[0] + 0.5);
        double x1 = windowMedian(hip[0], t, t[n - 1] - 0.5, t[n - 1]);
        double s0 = windowMedian(size, t, t[0], t[0] + 0.5);
        double s1 = windowMedian(size, t, t[n - 1] - 0.5, t[n - 1]);
        double travel = Math.abs(x1 - x0) / leg;
        double change = s1 / s0;
        boolean alongAxis = change >= SIZE_CHANGE || change <= 1 / SIZE_CHANGE;
        ViewKind kind;
        if (!(hipWidth >= 0) || Double.isNaN(travel)) {
            kind = ViewKind.UNKNOWN;
        } else if (hipWidth >= FRONTAL_HIP_WIDTH && (travel < SIDE_TRAVEL || alongAxis)) {
            kind = rightSign < 0 ? ViewKind.FRONTAL_FRONT : ViewKind.FRONTAL_BACK;
        } else if (hipWidth < FRONTAL_HIP_WIDTH && (travel >= SIDE_TRAVEL || !alongAxis)) {
            kind = ViewKind.SIDE;
        } else {
            kind = ViewKind.UNKNOWN;
        }
        String d = String.format(Locale.ROOT, "view detected automatically: %s (hip width %.2f leg lengths, "
                + "horizontal travel %.1f leg lengths, body size x%.2f from start to end)", kind, hipWidth, travel,
                change);
        return new ViewDetection(kind, hipWidth, travel, change, rightSign, d);
    }

    private static double windowMedian(double[] v, double[] t, double from, double to) {
        double[] buf = new double[v.length];
        int m = 0;
        for (int i = 0; i < v.length; i++) {
            if (t[i] >= from && t[i] <= to && !Double.isNaN(v[i])) {
                buf[m++] = v[i];
            }
        }
        return BodyPoints.percentile(buf, m, 50);
    }
}
