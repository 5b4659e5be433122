package org.accord.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("security_account")
class Account {

    @Id
    private @Nullable Long id;

    private final String username;
    private String passwordHash;
    private String displayName;
    private Role role;
    private @Nullable Long personId;
    private @Nullable Long unitId;
    private boolean enabled;
    private final Instant createdAt;

    Account(
            @Nullable Long id,
            String username,
            String passwordHash,
            String displayName,
            Role role,
            @Nullable Long personId,
            @Nullable Long unitId,
            boolean enabled,
            Instant createdAt) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.personId = personId;
        this.unitId = unitId;
        this.enabled = enabled;
        this.createdAt = createdAt;
    }

    static Account open(
            String username,
            String passwordHash,
            String displayName,
            Role role,
            @Nullable Long personId,
            @Nullable Long unitId) {
        return new Account(null, username, passwordHash, displayName, role, personId, unitId, true, Instant.now());
    }

    @Nullable
    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    String displayName() {
        return displayName;
    }

    Role role() {
        return role;
    }

    @Nullable
    Long personId() {
        return personId;
    }

    @Nullable
    Long unitId() {
        return unitId;
    }

    boolean enabled() {
        return enabled;
    }
}
