package org.gaitlens.store;

/**
 * A file that a run produced (CSV, report, overlay video), already written under the data directory.
 *
 * @param kind         what it is, e.g. {@code strides-csv}, {@code report-pdf}, {@code overlay-video}
 * @param relativePath path relative to the data directory, with {@code /} separators, never leaving it
 * @param sha256       SHA-256 of the file's bytes, so a later reader can tell it was not changed or cut short
 */
public record ArtifactRef(String kind, String relativePath, String sha256) {

    public ArtifactRef {
        Checks.notBlank("kind", kind);
        checkRelativePath(relativePath);
        Checks.sha256("sha256", sha256);
    }

    static String checkRelativePath(String relativePath) {
        Checks.notBlank("relativePath", relativePath);
        if (relativePath.startsWith("/") || relativePath.contains("\\") || relativePath.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("relativePath must be relative with / separators, was " + relativePath);
        }
        for (String part : relativePath.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException(
                        "relativePath must not contain empty, '.' or '..' parts, was " + relativePath);
            }
        }
        return relativePath;
    }
}
