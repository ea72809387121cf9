package org.gaitlens.motion.mocap;

import java.util.Arrays;

/**
 * One force plate of a C3D file: where it lies in the laboratory and its vertical force over time.
 *
 * @param number           plate number in the file (1-based, as in {@code FORCE_PLATFORM})
 * @param cornersM         the four corners {@code [corner][x, y, z]} in laboratory coordinates, metres (same frame
 *                         as the markers)
 * @param verticalForceN   force along the plate's vertical axis at every analog sample, newtons (sign as
 *                         stored: most plates report load as negative {@code Fz})
 * @param sampleRateHz     analog sample rate, Hz
 * @param firstSampleTimeS time of the first sample on the gaitlens clock of {@link MarkerData} (0 = the
 *                         file's first marker frame)
 */
public record ForcePlate(int number, double[][] cornersM, double[] verticalForceN, double sampleRateHz,
        double firstSampleTimeS) {

    public ForcePlate {
        if (cornersM.length != 4) {
            throw new IllegalArgumentException("a plate has 4 corners, got " + cornersM.length);
        }
        if (!(sampleRateHz > 0)) {
            throw new IllegalArgumentException("sampleRateHz must be > 0, was " + sampleRateHz);
        }
        double[][] c = new double[4][];
        for (int i = 0; i < 4; i++) {
            if (cornersM[i].length != 3) {
                throw new IllegalArgumentException("corner " + i + " needs 3 coordinates, has " + cornersM[i].length);
            }
            c[i] = cornersM[i].clone();
        }
        cornersM = c;
        verticalForceN = verticalForceN.clone();
    }

    @Override
    public double[][] cornersM() {
        double[][] c = new double[4][];
        for (int i = 0; i < 4; i++) {
            c[i] = cornersM[i].clone();
        }
        return c;
    }

    @Override
    public double[] verticalForceN() {
        return verticalForceN.clone();
    }

    /** Time of analog sample {@code k}, s (gaitlens clock). */
    public double timeS(int k) {
        return firstSampleTimeS + k / sampleRateHz;
    }

    /** The centre of the plate (mean of its corners), metres. */
    public double[] centreM() {
        double[] m = new double[3];
        for (double[] c : cornersM) {
            for (int k = 0; k < 3; k++) {
                m[k] += c[k] / 4;
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForcePlate p && number == p.number && Arrays.deepEquals(cornersM, p.cornersM)
                && Arrays.equals(verticalForceN, p.verticalForceN) && sampleRateHz == p.sampleRateHz
                && firstSampleTimeS == p.firstSampleTimeS;
    }

    @Override
    public int hashCode() {
        return 31 * number + Arrays.hashCode(verticalForceN);
    }

    @Override
    public String toString() {
        return "ForcePlate[" + number + ", " + verticalForceN.length + " samples at " + sampleRateHz + " Hz]";
    }
}
