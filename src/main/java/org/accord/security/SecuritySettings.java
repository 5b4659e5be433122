package org.accord.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knobs of sign-in, under {@code accord.security}. The idle session timeout is Spring Boot's own
 * {@code server.servlet.session.timeout}.
 *
 * @param password what a new password must be like
 * @param lockout when repeated failures lock an account, and for how long
 * @param totp the second factor
 */
@ConfigurationProperties("accord.security")
record SecuritySettings(
        @DefaultValue Password password,
        @DefaultValue Lockout lockout,
        @DefaultValue Totp totp) {

    /**
     * @param minLength the fewest characters a password may have
     * @param requiredClasses how many of upper case, lower case, digits and symbols it must mix
     */
    record Password(
            @DefaultValue("10") int minLength,
            @DefaultValue("3") int requiredClasses) {}

    /**
     * @param maxAttempts failed attempts in a row that lock an account
     * @param duration how long the lock lasts
     */
    record Lockout(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("15m") Duration duration) {}

    /**
     * @param requiredForAdmins whether the three administrators must use a second factor
     * @param issuer the name authenticator apps show beside the account
     */
    record Totp(
            @DefaultValue("true") boolean requiredForAdmins,
            @DefaultValue("协调") String issuer) {}
}
