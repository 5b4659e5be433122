package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Five wrong passwords in a row lock a username for fifteen minutes, on a clock the test moves. */
@IntegrationTest
class LockoutIntegrationTest {

    static final String PASSWORD = "Harbour-2026";

    /** A clock that stands still until the test moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwords;

    String signIn(String username, String password) throws Exception {
        return mvc.perform(post("/signin")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void fiveFailuresLockTheAccountUntilThePeriodIsOver() throws Exception {
        accounts.save(Account.open("lockme", passwords.encode(PASSWORD), "锁定测试", Role.STAFF, null, null));
        for (int i = 1; i <= 4; i++) {
            assertThat(signIn("lockme", "wrong" + i)).isEqualTo("/signin?error");
        }
        MvcResult fifth = mvc.perform(post("/signin")
                        .param("username", "lockme")
                        .param("password", "wrong5")
                        .with(csrf()))
                .andReturn();
        assertThat(fifth.getResponse().getRedirectedUrl()).isEqualTo("/signin?locked");
        mvc.perform(get("/signin").param("locked", "").session((MockHttpSession)
                        fifth.getRequest().getSession(false)))
                .andExpect(content().string(containsString("该账号因连续多次登录失败已被锁定")))
                .andExpect(content().string(containsString("2026年12月1日 10:15")));

        // While locked, even the right password is refused.
        clock.advance(Duration.ofMinutes(14));
        assertThat(signIn("lockme", PASSWORD)).isEqualTo("/signin?locked");

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(signIn("lockme", PASSWORD)).isEqualTo("/");
    }

    @Test
    void aSuccessStartsTheCountAgain() throws Exception {
        accounts.save(Account.open("countme", passwords.encode(PASSWORD), "计数测试", Role.STAFF, null, null));
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("countme", "wrong")).isEqualTo("/signin?error");
        }
        assertThat(signIn("countme", PASSWORD)).isEqualTo("/");
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("countme", "wrong")).isEqualTo("/signin?error");
        }
        assertThat(signIn("countme", PASSWORD)).isEqualTo("/");
    }

    @Test
    void anUnknownUsernameLocksTheSameWaySoNothingIsRevealed() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(signIn("nosuchperson", "wrong")).isEqualTo("/signin?error");
        }
        assertThat(signIn("nosuchperson", "wrong")).isEqualTo("/signin?locked");
        assertThat(signIn("NoSuchPerson ", "wrong")).isEqualTo("/signin?locked");
    }

    @Test
    void wrongSecondFactorsCountTowardsTheLock() throws Exception {
        Account account = Account.open("factorme", passwords.encode(PASSWORD), "口令测试", Role.STAFF, null, null);
        account.enableTotp("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        accounts.save(account);
        MvcResult first = mvc.perform(post("/signin")
                        .param("username", "factorme")
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andReturn();
        MockHttpSession pending = (MockHttpSession) first.getRequest().getSession(false);
        for (int i = 0; i < 4; i++) {
            assertThat(mvc.perform(post("/signin/totp")
                                    .param("code", "000000")
                                    .session(pending)
                                    .with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/signin/totp?error");
        }
        assertThat(mvc.perform(post("/signin/totp")
                                .param("code", "000000")
                                .session(pending)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/signin?locked");
        assertThat(signIn("factorme", PASSWORD)).isEqualTo("/signin?locked");
    }
}
