package org.gaitlens.pose;

/**
 * How an image of {@code imageWidthPx} x {@code imageHeightPx} is fitted into a square model input of
 * {@code inputSizePx}: scaled uniformly by {@code scale} to fit, and centred with equal padding on the
 * two short sides (MediaPipe's "keep aspect ratio" mode). Maps input pixels back to image pixels.
 *
 * @param imageWidthPx  image width
 * @param imageHeightPx image height
 * @param inputSizePx   side of the square model input
 * @param scale         input pixels per image pixel
 * @param padXPx        padding left (and right) in input pixels
 * @param padYPx        padding top (and bottom) in input pixels
 */
public record Letterbox(int imageWidthPx, int imageHeightPx, int inputSizePx, double scale, double padXPx,
                        double padYPx) {

    public Letterbox {
        if (imageWidthPx <= 0 || imageHeightPx <= 0 || inputSizePx <= 0) {
            throw new IllegalArgumentException("sizes must be positive, was image " + imageWidthPx + "x"
                    + imageHeightPx + ", input " + inputSizePx);
        }
    }

    /** The letterbox that fits {@code w} x {@code h} into a square of {@code inputSizePx}. */
    public static Letterbox fit(int w, int h, int inputSizePx) {
        double s = Math.min((double) inputSizePx / w, (double) inputSizePx / h);
        return new Letterbox(w, h, inputSizePx, s, (inputSizePx - w * s) / 2, (inputSizePx - h * s) / 2);
    }

    /** Image x of a normalised input x (0 = left edge of the input, 1 = right edge). */
    public double imageX(double inputXNorm) {
        return (inputXNorm * inputSizePx - padXPx) / scale;
    }

    /** Image y of a normalised input y (0 = top edge of the input, 1 = bottom edge). */
    public double imageY(double inputYNorm) {
        return (inputYNorm * inputSizePx - padYPx) / scale;
    }
}
