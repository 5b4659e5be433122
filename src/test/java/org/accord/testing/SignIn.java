package org.accord.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Signs in for real, as people do: the password, then the second factor where the account has one. The demo
 * administrators ({@code sysadmin}, {@code secadmin}, {@code auditor}) have the demo TOTP secret, so their
 * current code is computed here.
 *
 * <pre>
 * MockHttpSession admin = SignIn.as(mvc, "sysadmin");
 * mvc.perform(get("/admin/accounts").session(admin)).andExpect(status().isOk());
 * SignIn.as(browser, "auditor");
 * </pre>
 */
public final class SignIn {

    /** The password of every demo account. */
    public static final String DEMO_PASSWORD = "Demo@2026";

    /** The TOTP secret of the demo administrators (also listed on the demo sign-in page). */
    public static final String DEMO_TOTP_SECRET = "ACCORDDEMOTOTPSECRETFORADMINS234";

    private SignIn() {}

    /** A demo account's session, fully signed in. */
    public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
        return as(mvc, username, DEMO_PASSWORD, DEMO_TOTP_SECRET);
    }

    /**
     * Signs in with a password and, if the application asks for it, the current code of {@code totpSecret}.
     * Fails unless the session ends up fully signed in (not waiting for a second factor, a new password or an
     * enrolment).
     */
    public static MockHttpSession as(MockMvc mvc, String username, String password, @Nullable String totpSecret)
            throws Exception {
        MvcResult result = mvc.perform(post("/signin")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andReturn();
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        String next = result.getResponse().getRedirectedUrl();
        if ("/signin/totp".equals(next)) {
            if (totpSecret == null) {
                throw new AssertionError(username + " needs a second factor, but no TOTP secret was given");
            }
            result = mvc.perform(post("/signin/totp")
                            .param("code", code(totpSecret))
                            .session(session)
                            .with(csrf()))
                    .andReturn();
            session = (MockHttpSession) result.getRequest().getSession(false);
            next = result.getResponse().getRedirectedUrl();
        }
        if (next == null || next.startsWith("/signin") || next.equals("/account/password")) {
            throw new AssertionError("Signing in as " + username + " stopped at " + next);
        }
        return session;
    }

    /** Signs a browser in as a demo account, typing the current TOTP code for the administrators. */
    public static void as(Browser browser, String username) {
        browser.open("/signin");
        browser.find(By.name("username")).sendKeys(username);
        browser.find(By.name("password")).sendKeys(DEMO_PASSWORD);
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.or(
                ExpectedConditions.urlMatches(".*/$"), ExpectedConditions.urlContains("/signin/totp")));
        if (browser.driver().getCurrentUrl().contains("/signin/totp")) {
            browser.find(By.name("code")).sendKeys(code(DEMO_TOTP_SECRET));
            browser.find(By.cssSelector("form[action$='/signin/totp'] button[type=submit]"))
                    .click();
            browser.await(ExpectedConditions.urlMatches(".*/$"));
        }
    }

    /** The current TOTP code of a secret (RFC 6238: SHA-1, 6 digits, 30 seconds). */
    public static String code(String secret) {
        return code(secret, Instant.now());
    }

    public static String code(String secret, Instant at) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, at.getEpochSecond() / 30);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }
}
