package org.gaitlens.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without letting one attacker lock everyone out, after the "device cookies" scheme
 * of OWASP ("Slow Down Online Guessing Attacks with Device Cookies", linked from the OWASP Authentication Cheat
 * Sheet). Failures are counted under three keys:
 * <ul>
 *   <li>per account: after {@value #FREE_FAILURES} failures for one user name, attempts for it from browsers it has
 *       not signed in from wait;</li>
 *   <li>per address: after {@value #FREE_FAILURES_PER_ADDRESS} failures from one address (a shared clinic PC
 *       serves many users), attempts from it by such browsers wait as well, whichever account they name;</li>
 *   <li>per device: a browser that signed in to an account before carries a device cookie for it
 *       ({@link DeviceCookies}); its attempts for that account count and wait only under its own key, after
 *       {@value #FREE_FAILURES} failures.</li>
 * </ul>
 * Waiting means 2, 4, 8, ... seconds (at most {@link #MAX_WAIT}) after the latest failure under the key. A
 * successful sign-in clears the account's count and the device's, never the address's: one valid sign-in does not
 * buy an address new guesses. Because the known browsers of an account are judged apart, guessing from elsewhere
 * locks out neither that account's users (administrators included) nor the other accounts used on the same PC.
 * Counts live in memory and are forgotten {@link #FORGET_AFTER} after their latest failure (a restart forgets them
 * as well, which costs an attacker a restart each time).
 */
public final class LoginThrottle {
    /** Failed attempts for one account (or from one known device) allowed before waiting starts. */
    public static final int FREE_FAILURES = 5;
    /** Failed attempts from one address allowed before waiting starts (a shared clinic PC serves many users). */
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    /** A key's failures are forgotten this long after its latest failure. */
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, Instant last) {
    }

    /**
     * Who tries to sign in.
     *
     * @param username the user name given
     * @param address  the client's address
     * @param device   the device id of a valid device cookie for this user name, if the browser sent one
     */
    public record Attempt(String username, String address, Optional<String> device) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait before trying; zero when it may try now. */
    public Duration waitFor(Attempt a) {
        Instant now = clock.instant();
        if (a.device().isPresent()) {
            return waitFor(get("d:" + a.device().get(), now), FREE_FAILURES, now);
        }
        Duration account = waitFor(get("u:" + a.username(), now), FREE_FAILURES, now);
        Duration address = waitFor(get("ip:" + a.address(), now), FREE_FAILURES_PER_ADDRESS, now);
        return account.compareTo(address) >= 0 ? account : address;
    }

    private Failures get(String key, Instant now) {
        Failures f = failures.get(key);
        if (f != null && f.last().plus(FORGET_AFTER).isBefore(now)) {
            failures.remove(key, f);
            return null;
        }
        return f;
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

    /** Records a failed attempt. */
    public void failed(Attempt a) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            evict(now);
        }
        count("u:" + a.username(), now);
        if (a.device().isPresent()) {
            count("d:" + a.device().get(), now);
        } else {
            count("ip:" + a.address(), now);
        }
    }

    private void count(String key, Instant now) {
        failures.merge(key, new Failures(1, now), (o, n) -> new Failures(o.count() + 1, now));
    }

    /** Records a successful sign-in: clears the account's and the device's counts, not the address's. */
    public void succeeded(Attempt a) {
        failures.remove("u:" + a.username());
        a.device().ifPresent(d -> failures.remove("d:" + d));
    }

    /** Makes room: forgets expired counts, then, if still full, the tenth with the oldest latest failure. */
    private void evict(Instant now) {
        failures.entrySet().removeIf(e -> e.getValue().last().plus(FORGET_AFTER).isBefore(now));
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().last())).limit(MAX_KEYS / 10)
                    .map(Map.Entry::getKey).toList().forEach(failures::remove);
        }
    }
}
