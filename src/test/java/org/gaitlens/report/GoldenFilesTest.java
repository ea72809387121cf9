package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The golden-file check can fail in both modes: on a difference, and always after writing in update mode. */
class GoldenFilesTest {

    @TempDir
    Path dir;

    @Test
    void checkModeFailsOnAMissingOrDifferentFileAndPassesOnAnEqualOne() throws IOException {
        GoldenFiles golden = new GoldenFiles(dir, false);
        assertThrows(AssertionFailedError.class, () -> golden.check("a.json", "{}"));
        Files.writeString(dir.resolve("a.json"), "{ }");
        assertThrows(AssertionFailedError.class, () -> golden.check("a.json", "{}"));
        Files.writeString(dir.resolve("a.json"), "{}");
        golden.check("a.json", "{}");
        assertDoesNotThrow(() -> golden.afterEach(null));
    }

    @Test
    void updateModeWritesEveryFileThenFailsNamingThem() throws IOException {
        Files.writeString(dir.resolve("same.json"), "{}");
        GoldenFiles golden = new GoldenFiles(dir, true);
        golden.check("new.json", "{\"a\" : 1}");
        golden.check("same.json", "{}");
        assertEquals("{\"a\" : 1}", Files.readString(dir.resolve("new.json")));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> golden.afterEach(null));
        assertTrue(e.getMessage().contains("new.json (changed)"), e.getMessage());
        assertTrue(e.getMessage().contains("same.json (unchanged)"), e.getMessage());
        // the next test of the same instance starts clean
        assertDoesNotThrow(() -> golden.afterEach(null));
    }
}
