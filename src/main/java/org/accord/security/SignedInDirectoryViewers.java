package org.accord.security;

import java.util.Optional;
import org.accord.directory.DirectoryViewers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Confines a liaison to their own unit in the directory; everyone else may see all of it. */
@Component
class SignedInDirectoryViewers implements DirectoryViewers {

    /** No unit has this id: a liaison bound to no unit sees nothing of other units rather than everything. */
    static final long NO_UNIT = -1L;

    @Override
    public Optional<Long> confinedTo() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
            if (account.role() == Role.LIAISON) {
                return Optional.of(account.unitId() == null ? NO_UNIT : account.unitId());
            }
            return Optional.empty();
        }
        // Outside a signed-in request (API clients, background work) nothing is confined here;
        // the pages themselves are never served to anonymous visitors.
        boolean liaison = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_LIAISON"));
        return liaison ? Optional.of(NO_UNIT) : Optional.empty();
    }
}
