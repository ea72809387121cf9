package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Defect: a successful sign-in reset the per-address count (36 failures went unthrottled with one valid sign-in
 * between), and 20 failures from one address locked out every account, administrators included.
 */
class LoginThrottleTest {
    private static final String ATTACKER = "203.0.113.9";

    /** A clock that stands still: waits never run out during the test. */
    private final LoginThrottle throttle = new LoginThrottle(Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"),
            ZoneOffset.UTC));

    private static LoginThrottle.Attempt from(String user, String address) {
        return new LoginThrottle.Attempt(user, address, Optional.empty());
    }

    @Test
    void aValidSignInDoesNotBuyTheAddressNewGuesses() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS - 1; i++) {
            // a different account each time, so only the address count can throttle
            throttle.failed(from("victim" + i, ATTACKER));
        }
        // the attacker's own valid account signs in from the same address
        throttle.succeeded(from("mallory", ATTACKER));
        throttle.failed(from("victim-last", ATTACKER));
        assertTrue(throttle.waitFor(from("victim-next", ATTACKER)).compareTo(Duration.ofSeconds(1)) > 0,
                "the address has used its free failures; the success between did not reset them");
    }

    @Test
    void guessingFromOneAddressLocksOutNoKnownBrowserNorOtherAddresses() {
        for (int i = 0; i < 3 * LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed(from(i % 2 == 0 ? "admin" : "anna", ATTACKER));
        }
        assertTrue(throttle.waitFor(from("admin", ATTACKER)).compareTo(Duration.ZERO) > 0);
        // The administrator's own browser carries a device cookie for the account: it is judged apart.
        assertEquals(Duration.ZERO, throttle.waitFor(new LoginThrottle.Attempt("admin", "198.51.100.7",
                Optional.of("device-of-admin"))));
        // Another therapist at another address, for an account nobody guessed, is not slowed down either.
        assertEquals(Duration.ZERO, throttle.waitFor(from("ben", "198.51.100.8")));
    }

    @Test
    void aKnownBrowserIsStillThrottledForItsOwnFailures() {
        LoginThrottle.Attempt device = new LoginThrottle.Attempt("anna", "198.51.100.7", Optional.of("dev-1"));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed(device);
        }
        assertTrue(throttle.waitFor(device).compareTo(Duration.ZERO) > 0);
    }
}
