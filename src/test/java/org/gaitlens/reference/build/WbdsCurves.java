package org.gaitlens.reference.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;
import org.gaitlens.reference.CurveBand;
import org.gaitlens.reference.GaitVariable;

/**
 * One curve file of Fukuchi et al. 2018 ({@code ang/WBDS<NN>walkO<S|C|F>ang.txt}): 101 rows, 0-100 % of the gait
 * cycle from the same side's heel strike, tab-separated Visual3D angles {@code {R,L}{Pelvis,Hip,Knee,Ankle,Foot}
 * Angle{X,Y,Z}}, Z sagittal. Mapped to the {@link GaitVariable}s: hip = {@code HipAngleZ - PelvisAngleZ} of the
 * same side at each sample (thigh from vertical), knee = {@code KneeAngleZ}, ankle = {@code AnkleAngleZ}.
 */
final class WbdsCurves {

    private WbdsCurves() {
    }

    /**
     * Per side, the three curves; a side whose columns are all {@code NaN} (three files of the release have no
     * right side) is absent.
     *
     * @throws IllegalStateException if the file does not have 101 rows or a column is missing or a side is partly
     *                               missing
     */
    static Map<Side, Map<GaitVariable, double[]>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> header = Arrays.asList(lines.get(0).trim().split("\t"));
        if (lines.size() - 1 != CurveBand.POINTS) {
            throw new IllegalStateException(file + ": " + (lines.size() - 1) + " rows, expected " + CurveBand.POINTS);
        }
        double[][] rows = new double[CurveBand.POINTS][];
        for (int r = 0; r < CurveBand.POINTS; r++) {
            rows[r] = Arrays.stream(lines.get(r + 1).trim().split("\t")).mapToDouble(Double::parseDouble).toArray();
        }
        EnumMap<Side, Map<GaitVariable, double[]>> out = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            String p = side == Side.LEFT ? "L" : "R";
            double[] pelvis = column(file, header, rows, p + "PelvisAngleZ");
            double[] hip = column(file, header, rows, p + "HipAngleZ");
            double[] knee = column(file, header, rows, p + "KneeAngleZ");
            double[] ankle = column(file, header, rows, p + "AnkleAngleZ");
            double[] thigh = new double[CurveBand.POINTS];
            for (int t = 0; t < thigh.length; t++) {
                thigh[t] = hip[t] - pelvis[t];
            }
            EnumMap<GaitVariable, double[]> m = new EnumMap<>(GaitVariable.class);
            m.put(GaitVariable.HIP, thigh);
            m.put(GaitVariable.KNEE, knee);
            m.put(GaitVariable.ANKLE, ankle);
            long finite = m.values().stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite).count();
            if (finite == 3L * CurveBand.POINTS) {
                out.put(side, m);
            } else if (finite > 0) {
                throw new IllegalStateException(file + ": side " + side + " is partly missing (" + finite
                        + " finite values)");
            }
        }
        return out;
    }

    private static double[] column(Path file, List<String> header, double[][] rows, String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalStateException(file + ": no column " + name);
        }
        double[] v = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            v[r] = rows[r][c];
        }
        return v;
    }
}
