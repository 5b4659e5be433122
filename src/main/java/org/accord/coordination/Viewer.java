package org.accord.coordination;

import java.util.Set;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is looking, with their data scope: what the service needs to apply it. */
record Viewer(DataScope.Kind kind, @Nullable Long personId, Set<Long> unitIds, String username) {

    static Viewer current(DataScopes scopes) {
        DataScope scope = scopes.current();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String username = authentication == null ? "system" : authentication.getName();
        return new Viewer(scope.kind(), scope.personId(), scope.unitIds(), username);
    }

    boolean office() {
        return kind == DataScope.Kind.OFFICE;
    }

    boolean leader() {
        return kind == DataScope.Kind.LEADER;
    }

    boolean liaison() {
        return kind == DataScope.Kind.UNIT;
    }

    boolean none() {
        return kind == DataScope.Kind.NONE;
    }

    /** The liaison's own unit. */
    @Nullable
    Long unitId() {
        return liaison() && !unitIds.isEmpty() ? unitIds.iterator().next() : null;
    }

    /** Whether this viewer may see the matter at all (ADR 0006). */
    boolean sees(Matter matter) {
        if (office()) {
            return true;
        }
        if (none()) {
            return false;
        }
        if (leader() && personId != null && personId.equals(matter.decidingLeaderId())) {
            return true;
        }
        return matter.partyUnitIds().stream().anyMatch(unitIds::contains);
    }
}
