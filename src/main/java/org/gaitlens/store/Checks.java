package org.gaitlens.store;

import java.util.regex.Pattern;

/** Argument checks shared by the store's records. */
final class Checks {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Checks() {
    }

    static String sha256(String name, String value) {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits, was " + value);
        }
        return value;
    }

    static String notBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static String notNull(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null (use an empty string)");
        }
        return value;
    }

    static long positiveId(String name, long id) {
        if (id <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + id);
        }
        return id;
    }
}
