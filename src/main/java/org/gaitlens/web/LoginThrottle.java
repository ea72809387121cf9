package org.gaitlens.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed sign-ins for one account, or
 * {@value #FREE_FAILURES_PER_ADDRESS} from one address, each further attempt must wait 2, 4, 8, ... seconds (capped at {@link #MAX_WAIT}) after the last
 * failure. A successful sign-in clears the account's and the address's count. Both keys matter: per account
 * stops guessing one password from many addresses, per address stops trying many accounts from one machine.
 * Counts live in memory (a restart forgets them, which costs an attacker a restart each time).
 */
public final class LoginThrottle {
    /** Failed attempts for one account allowed before waiting starts. */
    public static final int FREE_FAILURES = 5;
    /** Failed attempts from one address allowed before waiting starts (a shared clinic PC serves many users). */
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait before trying; zero when it may try now. */
    public Duration waitFor(String username, String ip) {
        Instant now = clock.instant();
        Duration a = waitFor(failures.get("u:" + username), FREE_FAILURES, now);
        Duration b = waitFor(failures.get("ip:" + ip), FREE_FAILURES_PER_ADDRESS, now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration waitFor(Failures f, int free, Instant now) {
        if (f == null || f.count() < free) {
            return Duration.ZERO;
        }
        int extra = Math.min(f.count() - free + 1, 20);
        Duration wait = Duration.ofSeconds(1L << extra);
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        Duration left = Duration.between(now, f.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String username, String ip) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        Instant now = clock.instant();
        failures.merge("u:" + username, new Failures(1, now), (o, n) -> new Failures(o.count() + 1, now));
        failures.merge("ip:" + ip, new Failures(1, now), (o, n) -> new Failures(o.count() + 1, now));
    }

    public void succeeded(String username, String ip) {
        failures.remove("u:" + username);
        failures.remove("ip:" + ip);
    }
}
