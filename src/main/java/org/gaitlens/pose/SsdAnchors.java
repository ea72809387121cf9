package org.gaitlens.pose;

/**
 * SSD anchor centres of the BlazePose person detector (Bazarevsky et al. 2020, "BlazePose: On-device
 * Real-time Body Pose tracking", arXiv:2006.10204; anchor scheme of Liu et al. 2016, SSD).
 *
 * <p>The detector's 224x224 input has five feature layers with strides 8, 16, 32, 32, 32. Layers with
 * the same stride share one grid; each layer contributes two anchors per grid cell (aspect ratio 1 and
 * an interpolated scale), so the 28x28 grid has 2 anchors per cell, the 14x14 grid 2, and the 7x7 grid
 * 2 x 3 = 6: 1568 + 392 + 294 = 2254 anchors. With fixed anchor size every anchor has width and height 1
 * (normalised), so only the centres matter: {@code ((x + 0.5) / gridW, (y + 0.5) / gridH)}, in the
 * order grid row, grid column, anchor within the cell, as the model's outputs are ordered. The
 * parameters follow MediaPipe's {@code pose_detection} graph.
 */
public final class SsdAnchors {
    /** Side of the detector input in pixels. */
    public static final int INPUT_SIZE = 224;
    private static final int[] STRIDES = {8, 16, 32, 32, 32};
    private static final int ANCHORS_PER_LAYER = 2;

    private final double[] xCentre;
    private final double[] yCentre;

    private SsdAnchors(double[] x, double[] y) {
        this.xCentre = x;
        this.yCentre = y;
    }

    /** The 2254 anchors of the 224x224 BlazePose detector. */
    public static SsdAnchors blazePose224() {
        return generate(INPUT_SIZE, STRIDES, ANCHORS_PER_LAYER);
    }

    /**
     * Anchors for a square input of {@code inputSize} px, layers with the given strides and
     * {@code anchorsPerLayer} anchors per cell and layer; consecutive layers of equal stride share a grid.
     */
    static SsdAnchors generate(int inputSize, int[] strides, int anchorsPerLayer) {
        int total = 0;
        for (int i = 0; i < strides.length; ) {
            int j = i;
            while (j < strides.length && strides[j] == strides[i]) {
                j++;
            }
            int grid = (int) Math.ceil((double) inputSize / strides[i]);
            total += grid * grid * anchorsPerLayer * (j - i);
            i = j;
        }
        double[] x = new double[total];
        double[] y = new double[total];
        int k = 0;
        for (int i = 0; i < strides.length; ) {
            int j = i;
            while (j < strides.length && strides[j] == strides[i]) {
                j++;
            }
            int grid = (int) Math.ceil((double) inputSize / strides[i]);
            int perCell = anchorsPerLayer * (j - i);
            for (int row = 0; row < grid; row++) {
                for (int col = 0; col < grid; col++) {
                    for (int a = 0; a < perCell; a++) {
                        x[k] = (col + 0.5) / grid;
                        y[k] = (row + 0.5) / grid;
                        k++;
                    }
                }
            }
            i = j;
        }
        return new SsdAnchors(x, y);
    }

    /** Number of anchors. */
    public int count() {
        return xCentre.length;
    }

    /** Normalised x of anchor {@code i}'s centre, in [0, 1] of the detector input. */
    public double xCentre(int i) {
        return xCentre[i];
    }

    /** Normalised y of anchor {@code i}'s centre, in [0, 1] of the detector input. */
    public double yCentre(int i) {
        return yCentre[i];
    }
}
