package org.gaitlens.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random tokens of signing in (the session cookie, the CSRF tokens), where they travel, and how they are
 * compared and stored: the database keeps only a session token's SHA-256, and tokens are compared in constant
 * time.
 */
final class SessionTokens {
    /** The cookie holding the session token. */
    static final String SESSION_COOKIE = "gaitlens_session";
    /** The cookie holding the sign-in form's CSRF token (there is no session yet). */
    static final String LOGIN_CSRF_COOKIE = "gaitlens_login";
    /** The form field (or, for uploads, query parameter) with the CSRF token. */
    static final String CSRF_FIELD = "_csrf";
    /** The header with the CSRF token, for scripts. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    /** 256 random bits, URL-safe Base64 without padding (43 characters). */
    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes: what the store keeps of a session token. */
    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a given token equals the expected one, in time independent of where they differ. */
    static boolean matches(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
