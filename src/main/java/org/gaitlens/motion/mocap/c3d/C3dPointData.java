package org.gaitlens.motion.mocap.c3d;

/**
 * The 3D points of a C3D file's data section, in the file's own units ({@code POINT:UNITS}) and axes.
 *
 * <p>Each point of each frame is stored as x, y, z and a residual word: 16-bit integers scaled by the point scale
 * (integer storage) or reals (real storage). A negative residual word marks a sample the system did not see: it is
 * returned as NaN on all three axes.
 */
public final class C3dPointData {
    private final double[][][] xyz;

    private C3dPointData(double[][][] xyz) {
        this.xyz = xyz;
    }

    static C3dPointData read(C3dFile file) {
        C3dBytes b = file.bytes();
        int points = file.pointCount();
        int frames = file.frameCount();
        int word = file.wordBytes();
        boolean reals = file.storesReals();
        double scale = file.pointScale();
        double[][][] xyz = new double[points][frames][3];
        for (int f = 0; f < frames; f++) {
            long frameOffset = file.frameOffset(f);
            for (int p = 0; p < points; p++) {
                int o = (int) (frameOffset + (long) p * 4 * word);
                double[] s = xyz[p][f];
                boolean missing = reals ? (int) b.real(o + 12) < 0 : b.i16(o + 6) < 0;
                if (missing) {
                    s[0] = s[1] = s[2] = Double.NaN;
                } else if (reals) {
                    s[0] = b.real(o);
                    s[1] = b.real(o + 4);
                    s[2] = b.real(o + 8);
                } else {
                    s[0] = b.i16(o) * scale;
                    s[1] = b.i16(o + 2) * scale;
                    s[2] = b.i16(o + 4) * scale;
                }
            }
        }
        return new C3dPointData(xyz);
    }

    /** Points per frame. */
    public int pointCount() {
        return xyz.length;
    }

    /**
     * The trajectory of point {@code index} (0-based, the order of {@code POINT:LABELS}): {@code [frame][x, y, z]} in
     * the file's units, NaN where the point is missing; a fresh copy.
     */
    public double[][] trajectory(int index) {
        double[][] t = new double[xyz[index].length][];
        for (int f = 0; f < t.length; f++) {
            t[f] = xyz[index][f].clone();
        }
        return t;
    }
}
