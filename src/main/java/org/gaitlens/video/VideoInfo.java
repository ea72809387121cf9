package org.gaitlens.video;

import java.nio.file.Path;

/**
 * What a video file holds, as read from its container and stream.
 *
 * @param file           the video file
 * @param widthPx        width of the frames as displayed (after the display rotation is applied)
 * @param heightPx       height of the frames as displayed
 * @param frameRateHz    average frame rate (frames / duration); per-frame times come from the stream
 * @param durationS      duration of the video stream in seconds
 * @param rotationDeg    display rotation found in the metadata and applied to frames (0, 90, 180 or 270),
 *                       clockwise, as the legacy {@code rotate} tag counts it (a portrait phone clip: 90)
 * @param codec          video codec name as FFmpeg reports it (e.g. {@code h264}, {@code vp9})
 * @param container      container format name (e.g. {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param frameCountEstimate frame count reported by the container (approximate; may be 0 when unknown)
 */
public record VideoInfo(
        Path file,
        int widthPx,
        int heightPx,
        double frameRateHz,
        double durationS,
        int rotationDeg,
        String codec,
        String container,
        long frameCountEstimate) {

    public VideoInfo {
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("frame size must be positive, was " + widthPx + "x" + heightPx);
        }
        if (rotationDeg % 90 != 0 || rotationDeg < 0 || rotationDeg >= 360) {
            throw new IllegalArgumentException("rotationDeg must be 0, 90, 180 or 270, was " + rotationDeg);
        }
    }
}
