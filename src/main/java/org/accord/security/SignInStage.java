package org.accord.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * How far a sign-in has come. Until it is {@link #COMPLETE} the session holds one authority naming the step
 * still to take, and no role, so nothing but that step's page (and sign-out) is served.
 */
enum SignInStage {
    /** The password was right; the second factor (TOTP or a recovery code) is still to be given. */
    FACTOR_PENDING("/signin/totp"),
    /** An administrator set the password: its holder must choose one before anything else. */
    PASSWORD_CHANGE_REQUIRED("/account/password"),
    /** An administrator without a second factor must enrol one first. */
    TOTP_ENROLMENT_REQUIRED("/signin/totp/enrol"),
    /** Signed in: the account's role applies. */
    COMPLETE("/");

    private final String page;

    SignInStage(String page) {
        this.page = page;
    }

    /** The page where this step is taken. */
    String page() {
        return page;
    }

    String authority() {
        return "SIGNIN_" + name();
    }

    /** The next step for this account, once the password (and, if {@code factorGiven}, the second factor) is known. */
    static SignInStage next(Account account, boolean factorGiven, boolean totpRequiredForAdmins) {
        if (account.totpEnabled() && !factorGiven) {
            return FACTOR_PENDING;
        }
        if (account.mustChangePassword()) {
            return PASSWORD_CHANGE_REQUIRED;
        }
        if (!account.totpEnabled() && totpRequiredForAdmins && account.isAdministrator()) {
            return TOTP_ENROLMENT_REQUIRED;
        }
        return COMPLETE;
    }

    /** The authentication a session holds at this step. */
    Authentication authentication(SignedInAccount principal) {
        List<? extends GrantedAuthority> authorities = this == COMPLETE
                ? List.copyOf(principal.getAuthorities())
                : List.of(new SimpleGrantedAuthority(authority()));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** The step a session's authentication is at; null if it is not a person's sign-in. */
    static @Nullable SignInStage of(@Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount)) {
            return null;
        }
        for (SignInStage stage : values()) {
            if (stage != COMPLETE
                    && authentication.getAuthorities().stream()
                            .anyMatch(granted -> stage.authority().equals(granted.getAuthority()))) {
                return stage;
            }
        }
        return COMPLETE;
    }
}
