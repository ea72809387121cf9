package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden JSON files of the report builders in {@code src/test/resources/golden/pipeline/}. After an intended
 * change, regenerate with {@code mvn test -Dtest='*ReportBuilder*Test' -Dgaitlens.updateGolden=true} and review
 * the diff.
 */
public final class Golden {
    private static final Path DIR = Path.of("src", "test", "resources", "golden", "pipeline");

    private Golden() {
    }

    public static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("gaitlens.updateGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "golden file missing: " + file + " (run with -Dgaitlens.updateGolden=true)");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                name + " differs from the golden file; if the change is intended, regenerate with "
                        + "-Dgaitlens.updateGolden=true and review the diff");
    }
}
