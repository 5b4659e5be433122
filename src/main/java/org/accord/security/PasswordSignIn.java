package org.accord.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first step of signing in: the password. A username locked by repeated failures is refused without
 * looking at the password; a wrong password counts towards the lock, whether or not the username exists.
 * A right one leads to the next {@link SignInStage}.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SignInAttempts attempts;
    private final SecuritySettings settings;
    private final Clock clock;
    private final String unknownUserHash;

    PasswordSignIn(
            Accounts accounts,
            PasswordEncoder passwords,
            SignInAttempts attempts,
            SecuritySettings settings,
            ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.attempts = attempts;
        this.settings = settings;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        // Checked against when the username is unknown, so that both cases take as long.
        this.unknownUserHash = passwords.encode("no such account " + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username =
                authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        Instant now = clock.instant();
        Optional<Instant> locked = attempts.lockedUntil(username, now);
        if (locked.isPresent()) {
            throw new AccountLocked(locked.get());
        }
        Optional<Account> found = accounts.findByUsername(username);
        boolean matches = password.length() <= 72
                && passwords.matches(password, found.map(Account::passwordHash).orElse(unknownUserHash));
        if (found.isEmpty() || !matches) {
            Optional<Instant> lockedNow = attempts.failed(username, "wrong password", now);
            if (lockedNow.isPresent()) {
                throw new AccountLocked(lockedNow.get());
            }
            throw new BadCredentialsException("Wrong username or password");
        }
        Account account = found.get();
        // Only the holder of the right password learns that the account is disabled or has no role yet.
        if (!account.enabled()) {
            throw new SignInRefused("signin.disabled");
        }
        if (account.role() == null) {
            throw new SignInRefused("signin.no-role");
        }
        SignInStage stage = SignInStage.next(account, false, settings.totp().requiredForAdmins());
        attempts.succeeded(account.username(), stage);
        return stage.authentication(account.principal());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Refused because the username is locked until the given moment. */
    static final class AccountLocked extends LockedException {

        private final Instant until;

        AccountLocked(Instant until) {
            super("Locked until " + until);
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    /** The password was right, but the account may not sign in; the message key says why. */
    static final class SignInRefused extends DisabledException {

        private final String messageKey;

        SignInRefused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }
}
