package org.gaitlens.web;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing with Argon2id (RFC 9106), through Spring Security's {@link Argon2PasswordEncoder} over
 * BouncyCastle's Argon2 implementation: the encoder writes self-describing PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) with a random 16-byte salt and compares in constant time, so
 * gaitlens writes no cryptographic code of its own. Parameters are OWASP's minimum recommendation for Argon2id
 * (19 MiB memory, 2 iterations, 1 lane; Password Storage Cheat Sheet), which takes about 50-100 ms on a
 * clinic PC: slow for an attacker with a stolen database, unnoticeable at sign-in. Hashes with other parameters
 * still verify (the string names its own), so the parameters can be raised later.
 */
public final class PasswordHasher {
    /** Shortest password accepted for a new account. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int LANES = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, LANES, MEMORY_KIB, ITERATIONS);

    /** The PHC string to store for {@code password}. */
    public String hash(String password) {
        checkPolicy(password);
        return encoder.encode(password);
    }

    /** Whether {@code password} matches the stored hash (false for a malformed hash). */
    public boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        return encoder.matches(password, storedHash);
    }

    /**
     * Checks a new password: at least {@value #MIN_PASSWORD_LENGTH} characters, at most 200 (hashing cost).
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the password)
     */
    public static void checkPolicy(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 200) {
            throw new IllegalArgumentException("password must have at most 200 characters");
        }
    }
}
