package org.accord.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.accord.audit.Audited;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the holder of an account changes on it: the password and the second factor. */
@Service
@Transactional
class AccountSecurity {

    private final Accounts accounts;
    private final RecoveryCodes recoveryCodes;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final Totp totp;
    private final SecuritySettings settings;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountSecurity(
            Accounts accounts,
            RecoveryCodes recoveryCodes,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            Totp totp,
            SecuritySettings settings,
            MessageSource messages,
            ApplicationEventPublisher events,
            ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.passwords = passwords;
        this.policy = policy;
        this.totp = totp;
        this.settings = settings;
        this.messages = messages;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Transactional(readOnly = true)
    Account account(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> new IllegalStateException("No account " + accountId));
    }

    @Transactional(readOnly = true)
    int remainingRecoveryCodes(long accountId) {
        return recoveryCodes.remaining(accountId);
    }

    /** The holder chooses a new password; the current one proves it is the holder. */
    Account changePassword(long accountId, String current, String chosen, String confirmation) {
        Account account = account(accountId);
        List<String> problems = new ArrayList<>();
        if (!passwords.matches(current, account.passwordHash())) {
            problems.add(text("password.error.current"));
        }
        if (!chosen.equals(confirmation)) {
            problems.add(text("password.error.confirmation"));
        }
        if (chosen.equals(current)) {
            problems.add(text("password.error.same"));
        }
        problems.addAll(policy.problems(chosen, account.username()));
        if (!problems.isEmpty()) {
            throw new PasswordRejected(problems);
        }
        account.changePassword(passwords.encode(chosen), clock.instant());
        accounts.save(account);
        events.publishEvent(Audited.now(
                "security", "account", account.username(), "password-changed", account.unitId(), null, null));
        return account;
    }

    /** Turns on the second factor with a secret the holder has proven to have; returns the recovery codes. */
    List<String> enableTotp(long accountId, String secret) {
        Account account = account(accountId);
        account.enableTotp(secret);
        accounts.save(account);
        List<String> codes = totp.newRecoveryCodes();
        recoveryCodes.replace(accountId, codes);
        events.publishEvent(
                Audited.now("security", "account", account.username(), "totp-enabled", account.unitId(), null, null));
        return codes;
    }

    /** Turns off the second factor; the password proves it is the holder. Administrators may not, if it is required. */
    void disableTotp(long accountId, String password) {
        Account account = account(accountId);
        if (!account.totpEnabled()) {
            throw new AccountRefused("account.totp.error.not-enabled");
        }
        if (account.isAdministrator() && settings.totp().requiredForAdmins()) {
            throw new AccountRefused("account.totp.error.required");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            throw new AccountRefused("password.error.current");
        }
        account.disableTotp();
        accounts.save(account);
        recoveryCodes.removeAll(accountId);
        events.publishEvent(
                Audited.now("security", "account", account.username(), "totp-disabled", account.unitId(), null, null));
    }

    /** The second factor as a TOTP code or an unused recovery code (which is then spent). */
    boolean verifySecondFactor(long accountId, String code) {
        Account account = account(accountId);
        String secret = account.totpSecret();
        if (!account.totpEnabled() || secret == null) {
            return false;
        }
        if (totp.verify(secret, code)) {
            return true;
        }
        if (!code.isBlank() && recoveryCodes.spend(accountId, code.trim(), clock.instant())) {
            events.publishEvent(Audited.by(
                    account.username(),
                    "security",
                    "account",
                    account.username(),
                    "recovery-code-used",
                    null,
                    recoveryCodes.remaining(accountId) + " left"));
            return true;
        }
        return false;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
