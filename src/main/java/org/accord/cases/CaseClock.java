package org.accord.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The time the case rules read: the system clock, or — when {@code accord.cases.clock-start} is set — a clock that
 * starts at that instant and runs on from it. Replays of the loop use it to place a case before a public holiday
 * (the shipped calendar may have none ahead of today); the persisted timers still run on the real clock, so their
 * due times are moved back by the same distance. The audit trail is not the case rules' business: it always records
 * the real time.
 */
final class CaseClock {

    private final Clock clock;
    private final Duration offset;

    private CaseClock(Clock clock, Duration offset) {
        this.clock = clock;
        this.offset = offset;
    }

    static CaseClock system() {
        return new CaseClock(Clock.systemUTC(), Duration.ZERO);
    }

    static CaseClock startingAt(@Nullable Instant start) {
        if (start == null) {
            return system();
        }
        Duration offset = Duration.between(Instant.now(), start);
        return new CaseClock(Clock.offset(Clock.systemUTC(), offset), offset);
    }

    Instant now() {
        return clock.instant();
    }

    /** The real instant at which the scheduler must run something due at {@code at} on this clock. */
    Instant onScheduler(Instant at) {
        return at.minus(offset);
    }
}
