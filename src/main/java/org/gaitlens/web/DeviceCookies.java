package org.gaitlens.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The device cookie a browser gets when it signs in to an account ({@link LoginThrottle}): proof that this browser
 * signed in as that user before, so that its attempts are throttled on their own and guessing from elsewhere does
 * not lock it out. Value: {@code base64url(username).nonce.base64url(HMAC-SHA256(key, username "." nonce))}, where
 * the nonce (128 random bits) is the device's id. The key is random per server start (JDK {@code Mac}; no
 * cryptography of gaitlens' own), so a restart makes every browser a new device again, which only costs the
 * throttling advantage. The cookie grants nothing else: it never signs anyone in.
 */
final class DeviceCookies {
    /** The cookie's name. */
    static final String COOKIE = "gaitlens_device";
    /** How long a browser keeps it. */
    static final int MAX_AGE_S = 90 * 24 * 3600;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];

    DeviceCookies() {
        RANDOM.nextBytes(key);
    }

    /** A new cookie value for the user. */
    String issue(String username) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String n = B64.encodeToString(nonce);
        return B64.encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "." + n + "." + mac(username, n);
    }

    /** The device id of a cookie value issued by this server for exactly this user name; empty otherwise. */
    Optional<String> deviceFor(String cookie, String username) {
        if (cookie == null || cookie.length() > 300) {
            return Optional.empty();
        }
        String[] p = cookie.split("\\.", -1);
        if (p.length != 3) {
            return Optional.empty();
        }
        String name;
        try {
            name = new String(Base64.getUrlDecoder().decode(p[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean ok = name.equals(username) && MessageDigest.isEqual(mac(name, p[1]).getBytes(StandardCharsets.UTF_8),
                p[2].getBytes(StandardCharsets.UTF_8));
        return ok ? Optional.of(p[1]) : Optional.empty();
    }

    private String mac(String username, String nonce) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(m.doFinal((username + "." + nonce).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
