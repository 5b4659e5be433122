package org.accord.duty;

/**
 * One row of the report clock table: for a jurisdiction ({@code *} for any), a level and a channel, the minutes
 * from receipt (phone, written), from the last report (follow-up) or from the end (final), and how many minutes
 * before the deadline the warning comes.
 */
record ClockRule(String jurisdiction, Level level, ClockChannel channel, int minutes, int warnBefore) {

    static final String ANY = "*";
}
