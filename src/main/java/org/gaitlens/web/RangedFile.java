package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a stored file with byte-range support (RFC 9110, section 14): a browser's video element asks for
 * {@code Range: bytes=START-} to seek, and Safari will not play an MP4 at all without ranges. One range is answered
 * with 206 and {@code Content-Range}; a range past the end with 416; several ranges in one request, a malformed
 * header, or an {@code If-Range} that no longer matches get the whole file (200), as the RFC allows. The ETag is
 * made of the file's size and modification time, so a file replaced under the same name is a new entity.
 */
final class RangedFile {
    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    private RangedFile() {
    }

    /** A satisfiable byte range, both ends inclusive. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /**
     * Answers the request with the file.
     *
     * @param contentType the file's content type
     * @param disposition the {@code Content-Disposition} header value
     */
    static void send(Context ctx, Path file, String contentType, String disposition) throws IOException {
        long size = Files.size(file);
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(Files.getLastModifiedTime(file).toMillis())
                + "\"";
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        ctx.header("Content-Disposition", disposition);
        ctx.contentType(contentType);
        String ifRange = ctx.header("If-Range");
        String header = ifRange == null || ifRange.equals(etag) ? ctx.header("Range") : null;
        Optional<Range> range;
        try {
            range = parse(header, size);
        } catch (IllegalArgumentException unsatisfiable) {
            ctx.status(HttpStatus.RANGE_NOT_SATISFIABLE);
            ctx.header("Content-Range", "bytes */" + size);
            ctx.result("");
            return;
        }
        InputStream in = Files.newInputStream(file);
        if (range.isEmpty()) {
            ctx.header("Content-Length", Long.toString(size));
            ctx.result(in);
            return;
        }
        Range r = range.get();
        in.skipNBytes(r.first());
        ctx.status(HttpStatus.PARTIAL_CONTENT);
        ctx.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + size);
        ctx.header("Content-Length", Long.toString(r.length()));
        ctx.result(new Limited(in, r.length()));
    }

    /**
     * The single range a {@code Range} header asks for in a file of {@code size} bytes; empty for no header, a
     * malformed one, or several ranges (answered with the whole file).
     *
     * @throws IllegalArgumentException when the one range asked for lies wholly past the end (416)
     */
    static Optional<Range> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = ONE_RANGE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                throw new IllegalArgumentException("empty suffix range " + header + " of " + size + " bytes");
            }
            return Optional.of(new Range(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
        if (first >= size) {
            throw new IllegalArgumentException("range " + header + " starts past the end of " + size + " bytes");
        }
        if (last < first) {
            return Optional.empty();
        }
        return Optional.of(new Range(first, Math.min(last, size - 1)));
    }

    /** The first {@code remaining} bytes of a stream. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }
}
