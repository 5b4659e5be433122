package org.accord.directory;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Derives the direction of a message from the tree and the leaders alone. The rule, in order
 * (docs/direction.md explains why):
 *
 * <ol>
 *   <li>Between leaders of one government: by rank; equal rank is INTERNAL.
 *   <li>A leader to anything under his government is DOWN, and the reverse UP. Oversight does not
 *       change this: it decides which leader a matter routes to, not whether a leader is above a unit.
 *   <li>Within one institution (a unit and its sections) INTERNAL.
 *   <li>The general office and its sections speak for their government: DOWN to every other unit
 *       under that government, and UP from them.
 *   <li>A unit to one that contains it is UP; to one it contains, DOWN.
 *   <li>Between governments of different levels: a unit of the higher one to the lower is DOWN, the
 *       reverse UP; everything else — same level, or outside any government — PARALLEL.
 * </ol>
 */
final class DirectionRule {

    /** One end of a message: a unit, or a leader speaking for the government he belongs to. */
    record End(String unitCode, @Nullable LeaderTitle leader) {

        static End unit(String code) {
            return new End(code, null);
        }
    }

    private final OrgChart chart;

    DirectionRule(OrgChart chart) {
        this.chart = chart;
    }

    End endOf(PersonRow person) {
        return new End(person.unitCode(), person.leaderTitle());
    }

    Direction between(End from, End to) {
        String a = from.unitCode();
        String b = to.unitCode();
        @Nullable String governmentA = chart.governmentOf(a);
        @Nullable String governmentB = chart.governmentOf(b);
        boolean leadershipA = isLeadership(from, governmentA);
        boolean leadershipB = isLeadership(to, governmentB);

        if (leadershipA && leadershipB && Objects.equals(governmentA, governmentB)) {
            return byRank(from.leader(), to.leader());
        }
        if (leadershipA && chart.contains(Objects.requireNonNull(governmentA), b)) {
            return Direction.DOWN;
        }
        if (leadershipB && chart.contains(Objects.requireNonNull(governmentB), a)) {
            return Direction.UP;
        }
        if (chart.institutionOf(a).equals(chart.institutionOf(b))) {
            return Direction.INTERNAL;
        }
        if (governmentA != null && chart.isOfficeOf(a, governmentA) && chart.contains(governmentA, b)) {
            return Direction.DOWN;
        }
        if (governmentB != null && chart.isOfficeOf(b, governmentB) && chart.contains(governmentB, a)) {
            return Direction.UP;
        }
        if (chart.contains(b, a)) {
            return Direction.UP;
        }
        if (chart.contains(a, b)) {
            return Direction.DOWN;
        }
        if (governmentA != null && governmentB != null && !governmentA.equals(governmentB)) {
            if (chart.contains(governmentA, governmentB)) {
                return Direction.DOWN;
            }
            if (chart.contains(governmentB, governmentA)) {
                return Direction.UP;
            }
        }
        return Direction.PARALLEL;
    }

    /** A named leader, or the government node itself, which stands for its leadership as a body. */
    private static boolean isLeadership(End end, @Nullable String government) {
        return end.leader() != null || end.unitCode().equals(government);
    }

    private static Direction byRank(@Nullable LeaderTitle from, @Nullable LeaderTitle to) {
        if (from == null || to == null || from == to) {
            return Direction.INTERNAL;
        }
        return from.outranks(to) ? Direction.DOWN : Direction.UP;
    }
}
