package org.gaitlens.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the image of a {@link KeyFrame}: its bytes, or the file its path names under the asset folder. */
final class KeyFrameImages {
    private static final Logger LOG = LoggerFactory.getLogger(KeyFrameImages.class);

    private KeyFrameImages() {
    }

    /** The image bytes, or empty (logged) when the file is missing or unreadable. */
    static Optional<byte[]> load(KeyFrame k, Path assetDir) {
        if (k.pngBytes() != null) {
            return Optional.of(k.pngBytes());
        }
        Path base = assetDir == null ? Path.of(".") : assetDir;
        Path file = base.resolve(k.imagePath()).normalize();
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            LOG.warn("Key frame image {} could not be read: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** MIME type from the bytes' signature (PNG or JPEG). */
    static String mime(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        return "image/png";
    }

    static String caption(KeyFrame k) {
        return k.eventLabel() + ", " + ReportText.side(k.side()) + String.format(Locale.ROOT, " (%st = %.2f s)",
                k.recording() == null ? "" : k.recording() + ", ", k.timeS()) + (k.faceBlurred() ? ", face blurred" : "");
    }
}
