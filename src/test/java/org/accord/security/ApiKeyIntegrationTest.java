package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Other systems call the API with keys the system administrator issues and revokes. */
@IntegrationTest
class ApiKeyIntegrationTest {

    static final String DAYS = "/api/calendar/days?from=2026-10-01&to=2026-10-08";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    String issue(String name, String... scopes) throws Exception {
        var request = post("/admin/api-clients")
                .param("name", name)
                .with(csrf())
                .with(user(accounts.loadUserByUsername("sysadmin")));
        for (String scope : scopes) {
            request.param("scopes", scope);
        }
        String page = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("离开本页后将无法再次查看")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher key = Pattern.compile("(acc_[a-z0-9]{12}_[A-Za-z0-9_-]{43})").matcher(page);
        assertThat(key.find()).as("the key is on the page").isTrue();
        return key.group(1);
    }

    @Test
    void withoutAKeyTheApiAnswers401WithAChineseProblem() throws Exception {
        mvc.perform(get(DAYS))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("接口密钥")));
        mvc.perform(get(DAYS).header("Authorization", "Bearer acc_aaaaaaaaaaaa_" + "x".repeat(43)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(DAYS).header("Authorization", "Bearer nonsense")).andExpect(status().isUnauthorized());
    }

    @Test
    void anIssuedKeyWorksForItsScopeUntilRevoked() throws Exception {
        String key = issue("12345热线受理平台", "calendar:read");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM security_api_client WHERE key_hash = ?",
                        Integer.class,
                        ApiKeys.sha256(key)))
                .as("the hash is stored")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM security_api_client WHERE key_hash = ? OR key_prefix = ?",
                        Integer.class,
                        key,
                        key))
                .as("the key itself is not")
                .isZero();

        mvc.perform(get(DAYS).header("Authorization", "Bearer " + key))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("国庆节")));
        mvc.perform(get(DAYS).header(ApiSecurityConfiguration.API_KEY_HEADER, key))
                .andExpect(status().isOk());

        long id = jdbc.queryForObject(
                "SELECT id FROM security_api_client WHERE key_hash = ?", Long.class, ApiKeys.sha256(key));
        mvc.perform(post("/admin/api-clients/" + id + "/revoke")
                        .with(csrf())
                        .with(user(accounts.loadUserByUsername("sysadmin"))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(DAYS).header("Authorization", "Bearer " + key)).andExpect(status().isUnauthorized());
    }

    @Test
    void aKeyWithoutTheCalendarScopeIsRefused() throws Exception {
        String key = issue("其他系统", "cases:intake");
        mvc.perform(get(DAYS).header("Authorization", "Bearer " + key))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("无权")));
    }

    @Test
    void issuingNeedsAScopeAndChangesNothingOtherwise() throws Exception {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM security_api_client", Integer.class);
        mvc.perform(post("/admin/api-clients")
                        .param("name", "无范围")
                        .with(csrf())
                        .with(user(accounts.loadUserByUsername("sysadmin"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请至少选择一项权限范围")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_api_client", Integer.class))
                .isEqualTo(before);
    }

    @Test
    void aSessionStillWaitingForItsSecondFactorDoesNotReachTheApi() throws Exception {
        MvcResult password = mvc.perform(post("/signin")
                        .param("username", "sysadmin")
                        .param("password", SignIn.DEMO_PASSWORD)
                        .with(csrf()))
                .andExpect(redirectedUrl("/signin/totp"))
                .andReturn();
        MockHttpSession halfway = (MockHttpSession) password.getRequest().getSession(false);
        mvc.perform(get(DAYS).session(halfway)).andExpect(status().isForbidden());
        mvc.perform(get(DAYS).session(SignIn.as(mvc, "sysadmin"))).andExpect(status().isOk());
    }

    @Test
    void aSignedInPersonUsesTheApiWithTheirSession() throws Exception {
        mvc.perform(get(DAYS).with(user(accounts.loadUserByUsername("weilijuan"))))
                .andExpect(status().isOk());
        mvc.perform(get(DAYS).with(user(accounts.loadUserByUsername("auditor"))))
                .andExpect(status().isForbidden());
    }
}
