package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A landmarks.csv is cleaned with the image size of the video it came from (points outside the image are then
 * treated as missing exactly as in the video run), else with the landmarks' own extent.
 */
class LandmarksImageSizeTest {

    @Test
    void videoJsonBesideTheLandmarksGivesTheFrameSize(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("landmarks.csv"), "frame\n");
        Files.writeString(dir.resolve("video.json"), "{\"video\": {\"widthPx\": 1280, \"heightPx\": 720}}");
        List<String> warnings = new ArrayList<>();
        assertArrayEquals(new int[] {1280, 720}, Analysis.imageSize(csv, List.of(), warnings));
        assertTrue(warnings.isEmpty());
    }

    @Test
    void withoutOrWithAnUnreadableVideoJsonTheExtentIsUsed(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("landmarks.csv"), "frame\n");
        List<String> warnings = new ArrayList<>();
        // no frames: the extent of nothing is the minimal image
        assertArrayEquals(new int[] {2, 2}, Analysis.imageSize(csv, List.of(), warnings));
        assertTrue(warnings.isEmpty());
        Files.writeString(dir.resolve("video.json"), "{not json");
        assertArrayEquals(new int[] {2, 2}, Analysis.imageSize(csv, List.of(), warnings));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("video.json"), warnings.get(0));
    }
}
