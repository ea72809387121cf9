package org.gaitlens.reference.build;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gaitlens.reference.GaitVariable;

/**
 * The key values gaitlens reports from its angle curves ({@code StrideKinematics}, {@code GaitMetric}), read from
 * one 101-point laboratory curve (index = cycle percent). The dataset has no event times, so toe off is a fixed
 * cycle percent ({@code toeOffPct}); windows are inclusive and use whole percent points:
 *
 * <table>
 * <caption>Key values (degrees; TO = toe-off percent)</caption>
 * <tr><th>key</th><th>read as</th></tr>
 * <tr><td>knee_flex_ic_deg</td><td>knee[0]</td></tr>
 * <tr><td>knee_flex_loading_peak_deg</td><td>max knee[0..15]</td></tr>
 * <tr><td>knee_flex_swing_peak_deg</td><td>max knee[TO..100]</td></tr>
 * <tr><td>hip_flex_ic_deg</td><td>thigh[0]</td></tr>
 * <tr><td>hip_ext_peak_deg</td><td>-min thigh[0..TO]</td></tr>
 * <tr><td>hip_flex_swing_peak_deg</td><td>max thigh[TO..100]</td></tr>
 * <tr><td>ankle_dorsi_ic_deg</td><td>ankle[0]</td></tr>
 * <tr><td>ankle_df_swing_deg</td><td>mean ankle over the middle third of swing, [TO + S/3 .. TO + 2S/3],
 *     S = 100 - TO</td></tr>
 * <tr><td>ankle_pf_toe_off_deg</td><td>-ankle[TO] (plantarflexion positive)</td></tr>
 * <tr><td>ankle_dorsi_min_push_off_deg</td><td>min ankle[TO-5..TO+10]</td></tr>
 * <tr><td>{hip,knee,ankle}_rom_deg</td><td>max - min over the cycle</td></tr>
 * </table>
 */
final class LabKeyValues {

    private LabKeyValues() {
    }

    /** The key values of one side's curves, in the order of the table. */
    static Map<String, Double> of(Map<GaitVariable, double[]> curves, int toeOffPct) {
        double[] hip = curves.get(GaitVariable.HIP);
        double[] knee = curves.get(GaitVariable.KNEE);
        double[] ankle = curves.get(GaitVariable.ANKLE);
        int swing = 100 - toeOffPct;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("knee_flex_ic_deg", knee[0]);
        m.put("knee_flex_loading_peak_deg", max(knee, 0, 15));
        m.put("knee_flex_swing_peak_deg", max(knee, toeOffPct, 100));
        m.put("hip_flex_ic_deg", hip[0]);
        m.put("hip_ext_peak_deg", -min(hip, 0, toeOffPct));
        m.put("hip_flex_swing_peak_deg", max(hip, toeOffPct, 100));
        m.put("ankle_dorsi_ic_deg", ankle[0]);
        m.put("ankle_df_swing_deg", mean(ankle, (int) Math.ceil(toeOffPct + swing / 3.0),
                (int) Math.floor(toeOffPct + 2 * swing / 3.0)));
        m.put("ankle_pf_toe_off_deg", -ankle[toeOffPct]);
        m.put("ankle_dorsi_min_push_off_deg", min(ankle, toeOffPct - 5, toeOffPct + 10));
        for (GaitVariable v : GaitVariable.values()) {
            double[] c = curves.get(v);
            m.put(v.key() + "_rom_deg", max(c, 0, 100) - min(c, 0, 100));
        }
        return m;
    }

    private static double max(double[] c, int from, int to) {
        double m = Double.NEGATIVE_INFINITY;
        for (int t = from; t <= to; t++) {
            m = Math.max(m, c[t]);
        }
        return m;
    }

    private static double min(double[] c, int from, int to) {
        double m = Double.POSITIVE_INFINITY;
        for (int t = from; t <= to; t++) {
            m = Math.min(m, c[t]);
        }
        return m;
    }

    private static double mean(double[] c, int from, int to) {
        double s = 0;
        for (int t = from; t <= to; t++) {
            s += c[t];
        }
        return s / (to - from + 1);
    }
}
