package org.gaitlens.report;

import java.util.Arrays;
import java.util.Objects;

import org.gaitlens.core.Side;

/**
 * A still of the walker at a gait event, with the skeleton drawn (prepared upstream; the report never
 * sees video). Either {@code pngBytes} or {@code imagePath} must be given.
 *
 * @param side        side of the event
 * @param eventLabel  e.g. "Heel strike", "Mid-swing"
 * @param timeS       time in the video, s
 * @param imagePath   PNG/JPEG path relative to the session folder, or {@code null}
 * @param pngBytes    the image itself, or {@code null}
 * @param faceBlurred whether the face was blurred (the default upstream)
 */
public record KeyFrame(Side side, String eventLabel, double timeS, String imagePath, byte[] pngBytes,
                       boolean faceBlurred) {
    public KeyFrame {
        Objects.requireNonNull(side, "side");
        Checks.requireText(eventLabel, "eventLabel");
        Checks.requireFinite(timeS, "timeS");
        if ((imagePath == null || imagePath.isBlank()) && (pngBytes == null || pngBytes.length == 0)) {
            throw new IllegalArgumentException("KeyFrame " + side + " " + eventLabel + " needs imagePath or pngBytes");
        }
        pngBytes = pngBytes == null ? null : pngBytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyFrame k && side == k.side && eventLabel.equals(k.eventLabel) && timeS == k.timeS
                && Objects.equals(imagePath, k.imagePath) && Arrays.equals(pngBytes, k.pngBytes)
                && faceBlurred == k.faceBlurred;
    }

    @Override
    public int hashCode() {
        return Objects.hash(side, eventLabel, timeS, imagePath, Arrays.hashCode(pngBytes), faceBlurred);
    }

    @Override
    public String toString() {
        return "KeyFrame[" + side + ", " + eventLabel + ", " + timeS + " s]";
    }
}
