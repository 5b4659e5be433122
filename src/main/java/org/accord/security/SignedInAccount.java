package org.accord.security;

import java.util.Collection;
import java.util.List;
import org.accord.notify.Recipient;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as pages and other modules see it: who, in which role, for which person
 * and unit. It is also the security principal, so nothing has to be looked up per request.
 */
public record SignedInAccount(
        long accountId,
        String username,
        String displayName,
        Role role,
        @Nullable Long personId,
        @Nullable Long unitId,
        String passwordHash,
        boolean enabled)
        implements UserDetails, Recipient {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        // The hash never goes to a log.
        return "SignedInAccount[" + username + ", " + role + "]";
    }
}
