package org.accord.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What business data the signed-in account may see, for modules to apply in their queries:
 * office staff see the office's work; a leader what is addressed to him and the units whose
 * matters route to him; a liaison only what concerns their own unit; the three administrators no
 * business data at all.
 *
 * @param kind which of the rules applies
 * @param personId the person behind the account, if any
 * @param unitIds for a leader, the units routed to him; for a liaison, their unit; empty otherwise
 */
public record DataScope(Kind kind, @Nullable Long personId, Set<Long> unitIds) {

    public enum Kind {
        OFFICE,
        LEADER,
        UNIT,
        NONE
    }

    /** Whether data concerning this unit (and nothing more specific) is visible. */
    public boolean coversUnit(long unitId) {
        return switch (kind) {
            case OFFICE -> true;
            case LEADER, UNIT -> unitIds.contains(unitId);
            case NONE -> false;
        };
    }

    static DataScope none() {
        return new DataScope(Kind.NONE, null, Set.of());
    }
}
