package org.accord.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.accord.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-in attempts in a row and the lock they lead to, kept in the database so that every instance
 * sees the same count. Kept per typed username, whether or not an account has it: an unknown username locks
 * the same way, so the lock reveals nothing.
 */
@Component
class SignInAttempts {

    static final int MAX_USERNAME = 64;

    private final JdbcClient jdbc;
    private final SecuritySettings settings;
    private final ApplicationEventPublisher events;

    SignInAttempts(JdbcClient jdbc, SecuritySettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
    }

    /**
     * A wrong password or code for this username: counted, recorded in the audit trail, and the end of the
     * lock returned if this failure locked the username.
     */
    @Transactional
    Optional<Instant> failed(String username, String what, Instant now) {
        String key = key(username);
        events.publishEvent(Audited.by(key, "security", "account", key, "sign-in-failed", null, what));
        Optional<Instant> locked = recordFailure(key, now);
        locked.ifPresent(until -> events.publishEvent(
                Audited.by(key, "security", "account", key, "locked", null, "locked until " + until)));
        return locked;
    }

    /** The password was right: the count starts again, and the audit trail records the sign-in. */
    @Transactional
    void succeeded(String username, SignInStage stage) {
        clear(username);
        events.publishEvent(
                Audited.by(username, "security", "account", username, "sign-in", null, "next step " + stage));
    }

    static String key(String username) {
        String trimmed = username.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > MAX_USERNAME ? trimmed.substring(0, MAX_USERNAME) : trimmed;
    }

    /** Until when the username is locked, if it is locked at this moment. */
    Optional<Instant> lockedUntil(String username, Instant now) {
        return jdbc.sql("SELECT locked_until FROM security_sign_in_attempt WHERE username = :username")
                .param("username", key(username))
                .query(OffsetDateTime.class)
                .optional()
                .map(OffsetDateTime::toInstant)
                .filter(until -> until.isAfter(now));
    }

    /**
     * Counts a failure; returns the end of the lock if this failure was the one that locked the username.
     * The count starts again after a lock, so a lock that has run out gives the full number of attempts.
     */
    Optional<Instant> recordFailure(String username, Instant now) {
        String key = key(username);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        int updated = increment(key, at);
        if (updated == 0) {
            int inserted = jdbc.sql("INSERT INTO security_sign_in_attempt (username, failed_attempts, last_failed_at,"
                            + " locked_until) VALUES (:username, 1, :at, NULL) ON CONFLICT DO NOTHING")
                    .param("username", key)
                    .param("at", at)
                    .update();
            if (inserted == 0) {
                increment(key, at);
            }
        }
        Instant until = now.plus(settings.lockout().duration());
        int locked = jdbc.sql("UPDATE security_sign_in_attempt SET locked_until = :until, failed_attempts = 0"
                        + " WHERE username = :username AND failed_attempts >= :max")
                .param("until", until.atOffset(ZoneOffset.UTC))
                .param("username", key)
                .param("max", settings.lockout().maxAttempts())
                .update();
        return locked == 1 ? Optional.of(until) : Optional.empty();
    }

    private int increment(String key, OffsetDateTime at) {
        return jdbc.sql("UPDATE security_sign_in_attempt SET failed_attempts = failed_attempts + 1,"
                        + " last_failed_at = :at WHERE username = :username")
                .param("at", at)
                .param("username", key)
                .update();
    }

    /** A successful sign-in, or an administrator's reset, clears the count and any lock. */
    void clear(String username) {
        jdbc.sql("DELETE FROM security_sign_in_attempt WHERE username = :username")
                .param("username", key(username))
                .update();
    }
}
