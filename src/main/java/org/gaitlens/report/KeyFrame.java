package org.gaitlens.report;

import java.util.Arrays;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param recording   in a session of several recordings the recording the still is from ({@code timeS} is on its
 *                    clock), else {@code null} (absent from the JSON)
 */
public record KeyFrame(Side side, String eventLabel, double timeS, String imagePath, byte[] pngBytes,
                       boolean faceBlurred, @JsonInclude(JsonInclude.Include.NON_NULL) String recording) {
    public KeyFrame {
        Objects.requireNonNull(side, "side");
        Checks.requireText(eventLabel, "eventLabel");
        Checks.requireFinite(timeS, "timeS");
        if ((imagePath == null || imagePath.isBlank()) && (pngBytes == null || pngBytes.length == 0)) {
            throw new IllegalArgumentException("KeyFrame " + side + " " + eventLabel + " needs imagePath or pngBytes");
        }
        pngBytes = pngBytes == null ? null : pngBytes.clone();
    }

    /** A still of a one-recording session. */
    public KeyFrame(Side side, String eventLabel, double timeS, String imagePath, byte[] pngBytes,
            boolean faceBlurred) {
        this(side, eventLabel, timeS, imagePath, pngBytes, faceBlurred, null);
    }

    /** A copy from the given recording, with its image at {@code path}. */
    public KeyFrame fromRecording(String name, String path) {
        return new KeyFrame(side, eventLabel, timeS, path, pngBytes, faceBlurred, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyFrame k && side == k.side && eventLabel.equals(k.eventLabel) && timeS == k.timeS
                && Objects.equals(imagePath, k.imagePath) && Arrays.equals(pngBytes, k.pngBytes)
                && faceBlurred == k.faceBlurred && Objects.equals(recording, k.recording);
    }

    @Override
    public int hashCode() {
        return Objects.hash(side, eventLabel, timeS, imagePath, Arrays.hashCode(pngBytes), faceBlurred, recording);
    }

    @Override
    public String toString() {
        return "KeyFrame[" + side + ", " + eventLabel + ", " + timeS + " s" + (recording == null ? "" : ", " + recording)
                + "]";
    }
}
