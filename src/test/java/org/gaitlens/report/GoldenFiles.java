package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Golden files of report models (JSON) under {@code src/test/resources/golden/}: a test's output must equal the
 * file. Register per test class with {@code @RegisterExtension final GoldenFiles golden = new GoldenFiles("dir")}.
 *
 * <p>After an intended change, regenerate with {@code -Dgaitlens.updateGolden=true}: {@link #check} then writes
 * the new file instead of comparing, and the test <em>fails</em> after it has run, naming every file it wrote and
 * whether it changed, so that a run in update mode never passes by comparing a fresh file with itself. Review the
 * diff ({@code git diff src/test/resources/golden}) and run again without the flag.
 */
public final class GoldenFiles implements AfterEachCallback {
    /** System property that switches to update mode. */
    public static final String UPDATE_PROPERTY = "gaitlens.updateGolden";

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private final Path dir;
    private final boolean update;
    private final List<String> written = new ArrayList<>();

    /**
     * Golden files in {@code subdirectory} of {@code src/test/resources/golden/} ({@code ""}: the folder itself);
     * update mode when {@value #UPDATE_PROPERTY} is {@code true}.
     */
    public GoldenFiles(String subdirectory) {
        this(ROOT.resolve(subdirectory), Boolean.getBoolean(UPDATE_PROPERTY));
    }

    GoldenFiles(Path dir, boolean update) {
        this.dir = dir;
        this.update = update;
    }

    /** Compares {@code actual} with the golden file {@code name}; in update mode writes it instead. */
    public void check(String name, String actual) throws IOException {
        Path file = dir.resolve(name);
        if (update) {
            boolean changed = !Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(actual);
            Files.createDirectories(dir);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            written.add(file + (changed ? " (changed)" : " (unchanged)"));
            return;
        }
        assertTrue(Files.exists(file), "golden file missing: " + file + " (run with -D" + UPDATE_PROPERTY + "=true)");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name + " differs from the golden file; "
                + "if the change is intended, regenerate with -D" + UPDATE_PROPERTY + "=true and review the diff");
    }

    /** In update mode, fails the test that wrote golden files: nothing was checked. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (!written.isEmpty()) {
            String files = String.join(", ", written);
            written.clear();
            fail("update mode (-D" + UPDATE_PROPERTY + "=true) wrote " + files + " and checked nothing: review the "
                    + "diff and run again without the flag");
        }
    }
}
