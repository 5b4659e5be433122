package org.accord.search;

import java.util.Set;

/**
 * Who may find an item, in the terms of the security module's data scopes. The index stores these as fields and
 * filters every query by them, so counts and snippets never reveal an item to someone who may not open it.
 *
 * @param office whether office staff find it (they see the office's work)
 * @param units units whose liaisons, and the leaders these units route to, find it
 * @param leaderUnits units whose leaders (but not liaisons) find it, e.g. a draft sent to a unit's liaison in an
 *     earlier version than the one indexed
 * @param people people (leaders) to whom it is addressed, who find it whatever their units
 */
public record SearchVisibility(boolean office, Set<Long> units, Set<Long> leaderUnits, Set<Long> people) {

    /** Office staff, and the liaisons and leaders of these units. */
    public static SearchVisibility officeAnd(Set<Long> units) {
        return new SearchVisibility(true, units, Set.of(), Set.of());
    }
}
