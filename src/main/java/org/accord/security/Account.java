package org.accord.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A sign-in account. The system administrator opens, disables and resets it; the security administrator
 * gives it its role (and a liaison its unit); its holder changes the password and the second factor.
 */
@Table("security_account")
class Account {

    @Id
    private @Nullable Long id;

    private final String username;
    private String passwordHash;
    private String displayName;
    private @Nullable Role role;
    private @Nullable Long personId;
    private @Nullable Long unitId;
    private boolean enabled;
    private final Instant createdAt;
    private boolean mustChangePassword;
    private @Nullable Instant passwordChangedAt;
    private @Nullable String totpSecret;
    private boolean totpEnabled;

    Account(
            @Nullable Long id,
            String username,
            String passwordHash,
            String displayName,
            @Nullable Role role,
            @Nullable Long personId,
            @Nullable Long unitId,
            boolean enabled,
            Instant createdAt,
            boolean mustChangePassword,
            @Nullable Instant passwordChangedAt,
            @Nullable String totpSecret,
            boolean totpEnabled) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.personId = personId;
        this.unitId = unitId;
        this.enabled = enabled;
        this.createdAt = createdAt;
        this.mustChangePassword = mustChangePassword;
        this.passwordChangedAt = passwordChangedAt;
        this.totpSecret = totpSecret;
        this.totpEnabled = totpEnabled;
    }

    /** An account with a password its holder chose, e.g. a demo account. */
    static Account open(
            String username,
            String passwordHash,
            String displayName,
            Role role,
            @Nullable Long personId,
            @Nullable Long unitId) {
        Instant now = Instant.now();
        return new Account(
                null, username, passwordHash, displayName, role, personId, unitId, true, now, false, now, null, false);
    }

    /**
     * An account an administrator opens with a temporary password: it has no role until the security
     * administrator gives it one, and its holder must choose a password at the first sign-in.
     */
    static Account openWithTemporaryPassword(
            String username, String temporaryHash, String displayName, @Nullable Role role, @Nullable Long personId) {
        return new Account(
                null,
                username,
                temporaryHash,
                displayName,
                role,
                personId,
                null,
                true,
                Instant.now(),
                true,
                null,
                null,
                false);
    }

    void changePassword(String newHash, Instant at) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        this.passwordChangedAt = at;
    }

    void resetPassword(String temporaryHash) {
        this.passwordHash = temporaryHash;
        this.mustChangePassword = true;
    }

    void disable() {
        if (!enabled) {
            throw new AccountRefused("admin.error.already-disabled");
        }
        this.enabled = false;
    }

    void enable() {
        if (enabled) {
            throw new AccountRefused("admin.error.already-enabled");
        }
        this.enabled = true;
    }

    void assignRole(Role newRole, @Nullable Long newUnitId) {
        this.role = newRole;
        this.unitId = newRole == Role.LIAISON ? newUnitId : null;
    }

    void enableTotp(String secret) {
        this.totpSecret = secret;
        this.totpEnabled = true;
    }

    void disableTotp() {
        this.totpSecret = null;
        this.totpEnabled = false;
    }

    boolean isAdministrator() {
        return role != null && role.isAdministrator();
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

    @Nullable
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

    Instant createdAt() {
        return createdAt;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Nullable
    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    @Nullable
    String totpSecret() {
        return totpSecret;
    }

    boolean totpEnabled() {
        return totpEnabled;
    }

    /** The principal a session of this account holds; only an enabled account with a role signs in. */
    SignedInAccount principal() {
        if (id == null || role == null) {
            throw new IllegalStateException("Account " + username + " cannot sign in without an id and a role");
        }
        return new SignedInAccount(id, username, displayName, role, personId, unitId, passwordHash, enabled);
    }

    /** A short summary for the audit trail. */
    String summary() {
        return "role=" + (role == null ? "-" : role.name()) + ", unit=" + (unitId == null ? "-" : unitId) + ", enabled="
                + enabled + ", totp=" + totpEnabled;
    }
}
