package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Defect: a failed analysis showed the server's absolute path, or a raw Java exception, to the therapist. */
class FailureTextTest {
    @Test
    void aLeadingServerPathIsDropped() {
        assertEquals("No walking pass found (side view needed)",
                FailureText.of("/srv/gaitlens/uploads/video-x3.mp4: no walking pass found (side view needed)"));
    }

    @Test
    void aPathInsideTheReasonBecomesTheVideoFile() {
        String shown = FailureText.of("could not decode /var/lib/gaitlens/uploads/ab/cd.mp4 at frame 20");
        assertEquals("Could not decode the video file at frame 20", shown);
        assertFalse(FailureText.of("cadence 110 steps/min too high").contains("video file"), "units are no path");
    }

    @Test
    void aJavaExceptionBecomesASentence() {
        assertEquals(FailureText.INTERNAL, FailureText.of("unexpected error: java.lang.IllegalStateException: x"));
        assertEquals(FailureText.INTERNAL, FailureText.of("java.lang.NullPointerException: Cannot invoke"));
        assertEquals("", FailureText.of(""));
    }
}
