package org.accord.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A modest guard for the public form and status page: at most so many uses per client address and hour (a sliding
 * window kept in memory, per instance). It slows a script down; it is not meant to stop a determined attacker.
 */
@Component
class PublicFormGuard {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Deque<Instant>> uses = new ConcurrentHashMap<>();

    /** Counts one use; false when the address has had {@code limit} uses in the last hour. */
    boolean allow(String purpose, String address, int limit) {
        if (uses.size() > MAX_ADDRESSES) {
            // Memory stays bounded: old windows are dropped wholesale when too many addresses are kept.
            uses.clear();
        }
        Instant now = Instant.now();
        Deque<Instant> times = uses.computeIfAbsent(purpose + "|" + address, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
