package org.accord.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Moves a session from one {@link SignInStage} to the next, and sends a session that is not through yet to
 * the page of its step whatever it asks for.
 */
@Component
class SignInSteps {

    /** Session attribute: until when the username just refused is locked, for the sign-in page to say. */
    static final String LOCKED_UNTIL = SignInSteps.class.getName() + ".lockedUntil";

    private final SecuritySettings settings;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requests = new HttpSessionRequestCache();
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    SignInSteps(SecuritySettings settings) {
        this.settings = settings;
    }

    /**
     * The step just taken (second factor, new password, enrolment) was the account's: the session moves to
     * the next stage, under a new session id. Returns where to go now.
     */
    String advance(Account account, HttpServletRequest request, HttpServletResponse response) {
        SignInStage stage = SignInStage.next(account, true, settings.totp().requiredForAdmins());
        establish(stage.authentication(account.principal()), request, response);
        if (stage != SignInStage.COMPLETE) {
            return stage.page();
        }
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null) {
            requests.removeRequest(request, response);
            return saved.getRedirectUrl();
        }
        return "/";
    }

    /** Ends a half-done sign-in because the username has just been locked. */
    void lockedOut(Instant until, HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.getSession(true).setAttribute(LOCKED_UNTIL, until);
    }

    private void establish(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
    }

    /** After the password: on to the next step's page, or where the visitor was going. */
    AuthenticationSuccessHandler afterPassword() {
        SavedRequestAwareAuthenticationSuccessHandler complete = new SavedRequestAwareAuthenticationSuccessHandler();
        complete.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            SignInStage stage = SignInStage.of(authentication);
            if (stage == null || stage == SignInStage.COMPLETE) {
                complete.onAuthenticationSuccess(request, response, authentication);
            } else {
                redirects.sendRedirect(request, response, stage.page());
            }
        };
    }

    /** A refused password: the sign-in page says why, as far as it may. */
    AuthenticationFailureHandler afterRefusal() {
        return (request, response, exception) -> {
            if (exception instanceof PasswordSignIn.AccountLocked locked) {
                request.getSession(true).setAttribute(LOCKED_UNTIL, locked.until());
                redirects.sendRedirect(request, response, "/signin?locked");
            } else if (exception instanceof PasswordSignIn.SignInRefused refused) {
                redirects.sendRedirect(
                        request,
                        response,
                        refused.messageKey().equals("signin.disabled") ? "/signin?disabled" : "/signin?norole");
            } else {
                redirects.sendRedirect(request, response, "/signin?error");
            }
        };
    }

    /** A session still in the middle of signing in is sent to its step; anyone else gets the 403 page. */
    AccessDeniedHandler whenDenied() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, exception) -> {
            SignInStage stage =
                    SignInStage.of(SecurityContextHolder.getContext().getAuthentication());
            if (stage != null && stage != SignInStage.COMPLETE) {
                redirects.sendRedirect(request, response, stage.page());
            } else {
                forbidden.handle(request, response, exception);
            }
        };
    }

    static @Nullable Instant lockedUntil(@Nullable HttpSession session) {
        return session == null ? null : (Instant) session.getAttribute(LOCKED_UNTIL);
    }
}
