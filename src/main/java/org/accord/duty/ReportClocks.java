package org.accord.duty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The report clocks: deadlines from the rule table, and where each clock stands. Counting starts at receipt
 * for the phone and written reports, at the last report for a follow-up, at the end of the response for the
 * final report. A jurisdiction's own rule wins over the general ({@code *}) one.
 */
final class ReportClocks {

    /** Where a clock stands: counting down, inside the warning time, past the deadline, or stopped by a report. */
    enum State {
        RUNNING,
        WARNING,
        OVERDUE,
        MET,
        MET_LATE
    }

    /** One clock as shown: its deadline, when it warns, when the report was made (if it was) and its state. */
    record Clock(
            ClockChannel channel,
            Instant due,
            Instant warnAt,
            @Nullable Instant doneAt,
            State state) {

        public boolean running() {
            return doneAt == null;
        }
    }

    private final List<ClockRule> rules;

    ReportClocks(List<ClockRule> rules) {
        this.rules = List.copyOf(rules);
    }

    Optional<ClockRule> rule(String jurisdiction, Level level, ClockChannel channel) {
        Optional<ClockRule> own = rules.stream()
                .filter(rule ->
                        rule.jurisdiction().equals(jurisdiction) && rule.level() == level && rule.channel() == channel)
                .findFirst();
        if (own.isPresent()) {
            return own;
        }
        return rules.stream()
                .filter(rule ->
                        rule.jurisdiction().equals(ClockRule.ANY) && rule.level() == level && rule.channel() == channel)
                .findFirst();
    }

    /** The clock of a channel counting from {@code from}, or empty where the table has no rule for it. */
    Optional<Clock> clock(
            String jurisdiction,
            Level level,
            ClockChannel channel,
            Instant from,
            @Nullable Instant doneAt,
            Instant now) {
        return rule(jurisdiction, level, channel).map(rule -> {
            Instant due = from.plus(Duration.ofMinutes(rule.minutes()));
            Instant warnAt = due.minus(Duration.ofMinutes(rule.warnBefore()));
            return new Clock(channel, due, warnAt, doneAt, state(due, warnAt, doneAt, now));
        });
    }

    static State state(Instant due, Instant warnAt, @Nullable Instant doneAt, Instant now) {
        if (doneAt != null) {
            return doneAt.isAfter(due) ? State.MET_LATE : State.MET;
        }
        if (!now.isBefore(due)) {
            return State.OVERDUE;
        }
        return now.isBefore(warnAt) ? State.RUNNING : State.WARNING;
    }
}
