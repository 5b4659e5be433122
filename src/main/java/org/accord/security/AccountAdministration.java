package org.accord.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.accord.audit.Audited;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Accounts as the administrators manage them, with their duties kept apart (三员分立): the system
 * administrator opens, disables, enables and resets accounts but gives no roles; the security administrator
 * gives roles (and binds a liaison to a unit) but opens no accounts; neither acts on their own account; and
 * no person holds two of the three administrator roles.
 */
@Service
@Transactional
class AccountAdministration {

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    /** An account as the administration pages list it. */
    record Listed(
            long id,
            String username,
            String displayName,
            @Nullable Role role,
            @Nullable String personCode,
            @Nullable String unitCode,
            @Nullable String unitName,
            boolean enabled,
            boolean totpEnabled,
            boolean mustChangePassword) {}

    /** A temporary password, to be shown once to the administrator who asked for it. */
    record Issued(String username, String temporaryPassword) {}

    private final Accounts accounts;
    private final Directory directory;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final SignInAttempts attempts;
    private final ApplicationEventPublisher events;

    AccountAdministration(
            Accounts accounts,
            Directory directory,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            SignInAttempts attempts,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
        this.policy = policy;
        this.attempts = attempts;
        this.events = events;
    }

    @PreAuthorize("hasAnyRole('SYSADMIN', 'SECADMIN')")
    @Transactional(readOnly = true)
    List<Listed> list() {
        Map<Long, @Nullable UnitSummary> units = new HashMap<>();
        Map<Long, @Nullable PersonSummary> people = new HashMap<>();
        return accounts.findAllByOrderByUsernameAsc().stream()
                .map(account -> {
                    UnitSummary unit = account.unitId() == null
                            ? null
                            : units.computeIfAbsent(
                                    account.unitId(), id -> directory.unit(id).orElse(null));
                    PersonSummary person = account.personId() == null
                            ? null
                            : people.computeIfAbsent(
                                    account.personId(),
                                    id -> directory.person(id).orElse(null));
                    return new Listed(
                            Objects.requireNonNull(account.id()),
                            account.username(),
                            account.displayName(),
                            account.role(),
                            person == null ? null : person.code(),
                            unit == null ? null : unit.code(),
                            unit == null ? null : unit.name(),
                            account.enabled(),
                            account.totpEnabled(),
                            account.mustChangePassword());
                })
                .toList();
    }

    /** Opens an account for a person of the directory, with no role yet and a temporary password. */
    @PreAuthorize("hasRole('SYSADMIN')")
    Issued create(String username, String personCode) {
        String name = username.trim();
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountRefused("admin.error.username");
        }
        if (accounts.existsByUsername(name)) {
            throw new AccountRefused("admin.error.username-taken", name);
        }
        PersonSummary person = directory
                .personByCode(personCode.trim())
                .filter(PersonSummary::active)
                .orElseThrow(() -> new AccountRefused("admin.error.person", personCode.trim()));
        String temporary = policy.temporary();
        Account account = accounts.save(
                Account.openWithTemporaryPassword(name, passwords.encode(temporary), person.name(), null, person.id()));
        events.publishEvent(
                Audited.now("security", "account", name, "account-created", person.unitId(), null, account.summary()));
        return new Issued(name, temporary);
    }

    @PreAuthorize("hasRole('SYSADMIN')")
    void disable(long accountId) {
        changeEnabled(accountId, false);
    }

    @PreAuthorize("hasRole('SYSADMIN')")
    void enable(long accountId) {
        changeEnabled(accountId, true);
    }

    private void changeEnabled(long accountId, boolean enabled) {
        Account account = otherThanMine(accountId);
        String before = account.summary();
        if (enabled) {
            account.enable();
        } else {
            account.disable();
        }
        accounts.save(account);
        events.publishEvent(Audited.now(
                "security",
                "account",
                account.username(),
                enabled ? "account-enabled" : "account-disabled",
                account.unitId(),
                before,
                account.summary()));
    }

    /** A new temporary password, to be changed at the next sign-in; any lock on the account is lifted. */
    @PreAuthorize("hasRole('SYSADMIN')")
    Issued resetPassword(long accountId) {
        Account account = otherThanMine(accountId);
        String temporary = policy.temporary();
        account.resetPassword(passwords.encode(temporary));
        accounts.save(account);
        attempts.clear(account.username());
        events.publishEvent(
                Audited.now("security", "account", account.username(), "password-reset", account.unitId(), null, null));
        return new Issued(account.username(), temporary);
    }

    /**
     * Gives an account its role; a liaison is bound to a unit (by default the unit of the account's person).
     * An administrator role is refused to a person who already has another of the three on another account.
     */
    @PreAuthorize("hasRole('SECADMIN')")
    void assignRole(long accountId, String roleName, String unitCode) {
        Account account = otherThanMine(accountId);
        Role role = parse(roleName);
        Long unitId = null;
        if (role == Role.LIAISON) {
            unitId = unitFor(account, unitCode.trim());
        }
        if (role.isAdministrator() && account.personId() != null) {
            for (Account other : accounts.findByPersonId(account.personId())) {
                if (!Objects.equals(other.id(), account.id())
                        && other.role() != null
                        && other.role().isAdministrator()
                        && other.role() != role) {
                    throw new AccountRefused("admin.error.separation", other.username());
                }
            }
        }
        String before = account.summary();
        boolean first = account.role() == null;
        account.assignRole(role, unitId);
        accounts.save(account);
        events.publishEvent(Audited.now(
                "security",
                "account",
                account.username(),
                first ? "role-assigned" : "role-changed",
                unitId,
                before,
                account.summary()));
    }

    private Long unitFor(Account account, String unitCode) {
        if (!unitCode.isEmpty()) {
            return directory
                    .unitByCode(unitCode)
                    .map(UnitSummary::id)
                    .orElseThrow(() -> new AccountRefused("admin.error.unit", unitCode));
        }
        if (account.personId() != null) {
            return directory
                    .person(account.personId())
                    .map(PersonSummary::unitId)
                    .orElseThrow(() -> new AccountRefused("admin.error.unit-required"));
        }
        throw new AccountRefused("admin.error.unit-required");
    }

    private static Role parse(String roleName) {
        try {
            return Role.valueOf(roleName.trim());
        } catch (IllegalArgumentException e) {
            throw new AccountRefused("admin.error.role");
        }
    }

    private Account otherThanMine(long accountId) {
        Account account =
                accounts.findById(accountId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        if (me != null && me.getPrincipal() instanceof SignedInAccount signedIn && signedIn.accountId() == accountId) {
            throw new AccountRefused("admin.error.own-account");
        }
        return account;
    }
}
