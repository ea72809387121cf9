package org.gaitlens.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaitlens.core.ModelMissingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoseModelsTest {

    @Test
    void missingModelSaysHowToInstall(@TempDir Path dir) {
        ModelMissingException e = assertThrows(ModelMissingException.class,
                () -> new PoseModels(dir).landmarkFile(PoseModel.FULL));
        assertTrue(e.getMessage().contains("models/fetch.sh"), e.getMessage());
        assertTrue(e.getMessage().contains("./gaitlens"), e.getMessage());
        assertEquals(3, e.exitCode());
    }

    @Test
    void truncatedModelFailsItsChecksum(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(PoseModels.DETECTOR_FILE), new byte[] {1, 2, 3});
        ModelMissingException e = assertThrows(ModelMissingException.class, () -> new PoseModels(dir).detectorFile());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("fetch.sh"), e.getMessage());
    }

    @Test
    void sumsFileInTheDirectoryTakesPrecedence(@TempDir Path dir) throws IOException {
        byte[] content = {1, 2, 3};
        Files.write(dir.resolve(PoseModel.LITE.fileName()), content);
        String digest = PoseModels.sha256(dir.resolve(PoseModel.LITE.fileName()));
        // sha256 of bytes 01 02 03, computed independently with `printf '\x01\x02\x03' | sha256sum`.
        assertEquals("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", digest);
        Files.writeString(dir.resolve("SHA256SUMS"), digest + "  " + PoseModel.LITE.fileName() + "\n");
        assertEquals(dir.resolve(PoseModel.LITE.fileName()).toAbsolutePath(),
                new PoseModels(dir).landmarkFile(PoseModel.LITE));
    }

    @Test
    void installedModelsVerify() {
        // The build installs the models (models/fetch.sh in generate-resources).
        PoseModels m = PoseModels.fromDefaultDir();
        assertTrue(Files.isRegularFile(m.detectorFile()));
        for (PoseModel p : PoseModel.values()) {
            assertTrue(Files.isRegularFile(m.landmarkFile(p)));
        }
    }

    @Test
    void parsesModelNames() {
        assertEquals(PoseModel.HEAVY, PoseModel.parse(" Heavy "));
        assertThrows(IllegalArgumentException.class, () -> PoseModel.parse("huge"));
    }
}
