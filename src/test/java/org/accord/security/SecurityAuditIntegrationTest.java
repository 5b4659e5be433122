package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-ins, failed sign-ins and permission changes reach the audit trail, with who and from where. */
@IntegrationTest
class SecurityAuditIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    int recorded(String actor, String action) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_record WHERE actor = ? AND action = ? AND module = 'security'",
                Integer.class,
                actor,
                action);
    }

    void awaitRecorded(String actor, String action) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (recorded(actor, action) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(recorded(actor, action))
                .as("%s by %s in the audit trail", action, actor)
                .isPositive();
    }

    @Test
    void aFailedAndASuccessfulSignInAreRecordedWithTheAddress() throws Exception {
        mvc.perform(post("/signin")
                .param("username", "chenzhihua")
                .param("password", "wrong-password")
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr("192.0.2.17");
                    return request;
                }));
        awaitRecorded("chenzhihua", "sign-in-failed");
        assertThat(jdbc.queryForObject(
                        "SELECT address FROM audit_record WHERE actor = 'chenzhihua' AND action = 'sign-in-failed'",
                        String.class))
                .isEqualTo("192.0.2.17");

        SignIn.as(mvc, "chenzhihua");
        awaitRecorded("chenzhihua", "sign-in");
    }

    @Test
    void issuingAnApiKeyIsRecordedAgainstTheAdministrator() throws Exception {
        mvc.perform(post("/admin/api-clients")
                .param("name", "审计测试系统")
                .param("scopes", "calendar:read")
                .with(csrf())
                .session(SignIn.as(mvc, "sysadmin")));
        awaitRecorded("sysadmin", "api-key-issued");
    }
}
