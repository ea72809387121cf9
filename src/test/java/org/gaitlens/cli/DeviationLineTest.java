package org.gaitlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.reference.AgeGroup;
import org.gaitlens.reference.Deviation;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.GaitVariable;
import org.gaitlens.reference.NormativeReference;
import org.gaitlens.reference.ReferenceGroup;
import org.gaitlens.reference.SpeedClass;
import org.gaitlens.reference.WalkerSpeed;
import org.junit.jupiter.api.Test;

/** The deviation line of {@code gaitlens analyze}. */
class DeviationLineTest {
    private static final NormativeReference REF = NormativeReference.fukuchi2018();

    /** Strides that equal the comfortable band mean plus a constant offset per side (left 3 deg, right 6 deg). */
    private static Map<Side, Map<GaitVariable, List<double[]>>> curves(int strides) {
        ReferenceGroup g = REF.group(SpeedClass.COMFORTABLE, AgeGroup.ALL);
        Map<Side, Map<GaitVariable, List<double[]>>> out = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            Map<GaitVariable, List<double[]>> m = new EnumMap<>(GaitVariable.class);
            for (GaitVariable v : GaitVariable.values()) {
                double[] c = g.curve(v).meanDeg();
                double off = side == Side.LEFT ? 3 : 6;
                m.put(v, new ArrayList<>(Collections.nCopies(strides, Arrays.stream(c).map(x -> x + off).toArray())));
            }
            out.put(side, m);
        }
        return out;
    }

    /**
     * 1.25 m/s, leg 0.80 m: comfortable band (healthy 4.24 mean, 6.92 p95); GVS 3 and 6 deg, GPS-2D sqrt((9 + 36)
     * / 2) = 4.74 deg; identical strides give a zero-width interval.
     */
    @Test
    void scoredSession() {
        Deviation d = Deviation.of(REF, new WalkerSpeed(1.25, 0.80, Double.NaN, true), curves(4),
                new GaitProfileScore());
        assertEquals("deviation: GPS-2D 4.7 deg (95 % CI 4.7-4.7; left 3.0, right 6.0) vs healthy 4.2 mean, 6.9 p95 "
                + "(Fukuchi et al. 2018, comfortable speed, all ages, n 42; 2D sagittal, not comparable with a 3D GPS)",
                AnalyzeCommand.deviationLine(d));
    }

    @Test
    void notComputed() {
        Map<Side, Map<GaitVariable, List<double[]>>> c = curves(2);
        c.put(Side.RIGHT, new EnumMap<>(GaitVariable.class));
        Deviation d = Deviation.of(REF, new WalkerSpeed(1.25, 0.80, Double.NaN, true), c, new GaitProfileScore());
        assertEquals("deviation: GPS-2D not computed (right: no stride with angle curves; left: 2 strides, at least 3 "
                + "needed for a confidence interval); band Fukuchi et al. 2018, comfortable speed, all ages, n 42, "
                + "healthy 4.2 mean, 6.9 p95", AnalyzeCommand.deviationLine(d));
    }
}
