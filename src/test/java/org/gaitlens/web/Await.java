package org.gaitlens.web;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits in tests for a condition instead of sleeping a fixed time: looks every {@value #POLL_MS} ms until the
 * condition holds and returns at once then, or fails at the deadline with what was awaited and the last value
 * seen.
 */
final class Await {
    /** Pause between looks: short beside the waits (seconds), long enough not to busy the store. */
    static final long POLL_MS = 20;

    private Await() {
    }

    /**
     * The first value of {@code probe} that satisfies {@code done}.
     *
     * @param what    what is awaited, for the failure message ("run X finished")
     * @param timeout how long to wait at most
     * @throws AssertionError when the deadline passes first
     */
    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not " + what + " within " + timeout.toMillis() + " ms; last seen: " + value);
            }
            Thread.sleep(POLL_MS);
        }
    }
}
