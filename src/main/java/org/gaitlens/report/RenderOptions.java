package org.gaitlens.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How reports are rendered.
 *
 * @param pageSize   PDF page size
 * @param assetDir   folder that {@link KeyFrame#imagePath()} is relative to (the session folder), or
 *                   {@code null} for the output folder
 * @param chartScale PNG pixels per logical chart pixel (2 = crisp print)
 */
public record RenderOptions(PageSize pageSize, Path assetDir, int chartScale) {
    /** PDF page sizes. */
    public enum PageSize {
        A4(595.2756f, 841.8898f),
        LETTER(612f, 792f);

        private final float widthPt;
        private final float heightPt;

        PageSize(float widthPt, float heightPt) {
            this.widthPt = widthPt;
            this.heightPt = heightPt;
        }

        public float widthPt() {
            return widthPt;
        }

        public float heightPt() {
            return heightPt;
        }
    }

    public RenderOptions {
        Objects.requireNonNull(pageSize, "pageSize");
        if (chartScale < 1 || chartScale > 4) {
            throw new IllegalArgumentException("chartScale must be in 1..4, was " + chartScale);
        }
    }

    /** A4, key frames relative to the output folder, charts at 2x. */
    public static RenderOptions defaults() {
        return new RenderOptions(PageSize.A4, null, 2);
    }

    public RenderOptions withPageSize(PageSize size) {
        return new RenderOptions(size, assetDir, chartScale);
    }

    public RenderOptions withAssetDir(Path dir) {
        return new RenderOptions(pageSize, dir, chartScale);
    }
}
