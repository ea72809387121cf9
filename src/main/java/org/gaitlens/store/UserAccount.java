package org.gaitlens.store;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who signs in to the web app.
 *
 * @param id           database id
 * @param username     sign-in name: letters, digits, {@code . _ @ -}, 1 to 64 characters
 * @param passwordHash the password's Argon2id hash as a PHC string (never the password)
 * @param role         administrator or therapist
 * @param active       whether the account may sign in
 * @param createdAt    when the account was created
 */
public record UserAccount(long id, String username, String passwordHash, UserRole role, boolean active,
        Instant createdAt) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public UserAccount {
        Checks.positiveId("id", id);
        checkUsername(username);
        Checks.notBlank("passwordHash", passwordHash);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Checks a user name; returns it. */
    public static String checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "username must be 1-64 letters, digits, '.', '_', '@' or '-', was " + username);
        }
        return username;
    }

    public boolean isAdmin() {
        return role == UserRole.ADMIN;
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + ", active=" + active + "]";
    }
}
