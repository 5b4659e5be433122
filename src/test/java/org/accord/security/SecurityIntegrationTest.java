package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signing in, the second factor, first-sign-in password changes and the administrators' separate duties. */
@IntegrationTest
class SecurityIntegrationTest {

    static final String PASSWORD = "Harbour-2026";
    static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Directory directory;

    /** A fresh account, so that no other test's demo account is touched. */
    Account account(Role role) {
        String username = "sec" + NEXT.incrementAndGet() + "-" + role.name().toLowerCase(java.util.Locale.ROOT);
        return accounts.save(Account.open(username, passwords.encode(PASSWORD), "测试" + username, role, null, null));
    }

    MvcResult password(String username, String password) throws Exception {
        return mvc.perform(post("/signin")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andReturn();
    }

    static MockHttpSession session(MvcResult result) {
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/signin").secure(true))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")))
                .andExpect(header().string("Cache-Control", containsString("no-store")));
    }

    @Test
    void theDemoSecretIsTheOneTheTestHelperUses() throws Exception {
        assertThat(DemoAccounts.TOTP_SECRET).isEqualTo(SignIn.DEMO_TOTP_SECRET);
        assertThat(DemoAccounts.PASSWORD).isEqualTo(SignIn.DEMO_PASSWORD);
        mvc.perform(get("/signin")).andExpect(content().string(containsString(DemoAccounts.TOTP_SECRET)));
    }

    @Test
    void aDemoAdministratorGivesTheSecondFactorBeforeAnyPage() throws Exception {
        MvcResult result = password("sysadmin", SignIn.DEMO_PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/signin/totp");
        MockHttpSession pending = session(result);
        mvc.perform(get("/").session(pending)).andExpect(redirectedUrl("/signin/totp"));
        mvc.perform(get("/admin/accounts").session(pending)).andExpect(redirectedUrl("/signin/totp"));
        mvc.perform(get("/signin/totp").session(pending))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请输入动态口令")));
        mvc.perform(post("/signin/totp")
                        .param("code", "000000")
                        .session(pending)
                        .with(csrf()))
                .andExpect(redirectedUrl("/signin/totp?error"));
        mvc.perform(get("/signin/totp").param("error", "").session(pending))
                .andExpect(content().string(containsString("动态口令或恢复码不正确")));
        MvcResult verified = mvc.perform(post("/signin/totp")
                        .param("code", SignIn.code(SignIn.DEMO_TOTP_SECRET))
                        .session(pending)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        mvc.perform(get("/admin/accounts").session(session(verified))).andExpect(status().isOk());
    }

    @Test
    void aPersonEnrolsTotpAndThenSignsInWithACodeOrARecoveryCodeOnce() throws Exception {
        Account staff = account(Role.STAFF);
        MockHttpSession session = SignIn.as(mvc, staff.username(), PASSWORD, null);
        String page = mvc.perform(get("/account/totp").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data:image/png;base64,")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = page.replaceAll("(?s).*<code id=\"totp-secret\">([A-Z2-7 ]+)</code>.*", "$1")
                .replace(" ", "");
        mvc.perform(post("/account/totp")
                        .param("code", "123456")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("六位数字不正确")));
        MvcResult enrolled = mvc.perform(post("/account/totp")
                        .param("code", SignIn.code(secret))
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/recovery-codes"))
                .andReturn();
        @SuppressWarnings("unchecked")
        List<String> codes = (List<String>) enrolled.getFlashMap().get("recoveryCodes");
        assertThat(codes).hasSize(10).doesNotHaveDuplicates();

        // With the second factor on, the password alone is not enough.
        MvcResult first = password(staff.username(), PASSWORD);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/signin/totp");
        mvc.perform(get("/directory").session(session(first))).andExpect(redirectedUrl("/signin/totp"));
        mvc.perform(post("/signin/totp")
                        .param("code", SignIn.code(secret))
                        .session(session(first))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));

        // A recovery code works once.
        MvcResult second = password(staff.username(), PASSWORD);
        mvc.perform(post("/signin/totp")
                        .param("code", codes.get(0).toUpperCase(java.util.Locale.ROOT))
                        .session(session(second))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
        MvcResult third = password(staff.username(), PASSWORD);
        mvc.perform(post("/signin/totp")
                        .param("code", codes.get(0))
                        .session(session(third))
                        .with(csrf()))
                .andExpect(redirectedUrl("/signin/totp?error"));
        mvc.perform(post("/signin/totp")
                        .param("code", codes.get(1))
                        .session(session(third))
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
        assertThat(accounts.findByUsername(staff.username()).orElseThrow().totpEnabled())
                .isTrue();
    }

    @Test
    void anAdministratorWithoutTotpMustEnrolFirst() throws Exception {
        Account admin = account(Role.SECADMIN);
        MvcResult result = password(admin.username(), PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/signin/totp/enrol");
        MockHttpSession pending = session(result);
        mvc.perform(get("/admin/roles").session(pending)).andExpect(redirectedUrl("/signin/totp/enrol"));
        mvc.perform(get("/account").session(pending)).andExpect(redirectedUrl("/signin/totp/enrol"));
        String page = mvc.perform(get("/signin/totp/enrol").session(pending))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("须使用动态口令")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = page.replaceAll("(?s).*<code id=\"totp-secret\">([A-Z2-7 ]+)</code>.*", "$1")
                .replace(" ", "");
        MvcResult enrolled = mvc.perform(post("/signin/totp/enrol")
                        .param("code", SignIn.code(secret))
                        .session(pending)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/recovery-codes"))
                .andReturn();
        MockHttpSession signedIn = session(enrolled);
        mvc.perform(get("/admin/roles").session(signedIn)).andExpect(status().isOk());
        // Required for administrators: it cannot be turned off.
        mvc.perform(post("/account/totp/disable")
                        .param("password", PASSWORD)
                        .session(signedIn)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("三员账号须使用动态口令")));
    }

    @Test
    void anAccountTheSystemAdministratorOpensNeedsARoleThenANewPassword() throws Exception {
        MockHttpSession sysadmin = SignIn.as(mvc, "sysadmin");
        String username = "new" + NEXT.incrementAndGet();
        MvcResult created = mvc.perform(post("/admin/accounts")
                        .param("username", username)
                        .param("personCode", "P0011")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts"))
                .andReturn();
        AccountAdministration.Issued issued =
                (AccountAdministration.Issued) created.getFlashMap().get("issued");
        String temporary = issued.temporaryPassword();
        mvc.perform(get("/admin/accounts").session(sysadmin).flashAttr("issued", issued))
                .andExpect(content().string(containsString(temporary)))
                .andExpect(content().string(containsString("只显示这一次")));

        // No role yet: the right password is told so, and nothing more.
        assertThat(password(username, temporary).getResponse().getRedirectedUrl())
                .isEqualTo("/signin?norole");
        MockHttpSession secadmin = SignIn.as(mvc, "secadmin");
        long id = accounts.findByUsername(username).orElseThrow().id();
        mvc.perform(post("/admin/roles/" + id)
                        .param("role", "STAFF")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/roles"));

        MvcResult first = password(username, temporary);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        MockHttpSession pending = session(first);
        mvc.perform(get("/directory").session(pending)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").session(pending))
                .andExpect(content().string(containsString("请先设置新密码")));
        mvc.perform(post("/account/password")
                        .param("current", temporary)
                        .param("password", "short1A")
                        .param("confirmation", "short1A")
                        .session(pending)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("密码太短：至少需要 10 位。")));
        mvc.perform(post("/account/password")
                        .param("current", temporary)
                        .param("password", PASSWORD)
                        .param("confirmation", "Harbour-2027")
                        .session(pending)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("两次输入的新密码不一致")));
        MvcResult changed = mvc.perform(post("/account/password")
                        .param("current", temporary)
                        .param("password", PASSWORD)
                        .param("confirmation", PASSWORD)
                        .session(pending)
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        mvc.perform(get("/directory").session(session(changed))).andExpect(status().isOk());
        assertThat(password(username, temporary).getResponse().getRedirectedUrl())
                .isEqualTo("/signin?error");
        assertThat(password(username, PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");

        // A reset sends the holder through the change again.
        mvc.perform(post("/admin/accounts/" + id + "/reset-password")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(accounts.findById(id).orElseThrow().mustChangePassword()).isTrue();
    }

    @Test
    void theSystemAdministratorManagesAccountsButNotRolesOrTheAuditTrail() throws Exception {
        MockHttpSession sysadmin = SignIn.as(mvc, "sysadmin");
        Account staff = account(Role.STAFF);
        mvc.perform(get("/admin/accounts").session(sysadmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(staff.username())));
        mvc.perform(post("/admin/accounts/" + staff.id() + "/disable")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(password(staff.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/signin?disabled");
        mvc.perform(post("/admin/accounts/" + staff.id() + "/disable")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("该账号已经停用")));
        mvc.perform(post("/admin/accounts/" + staff.id() + "/enable")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(password(staff.username(), PASSWORD).getResponse().getRedirectedUrl())
                .isEqualTo("/");

        long own = accounts.findByUsername("sysadmin").orElseThrow().id();
        mvc.perform(post("/admin/accounts/" + own + "/disable")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不能对自己的账号")));
        mvc.perform(post("/admin/accounts")
                        .param("username", "Bad Name")
                        .param("personCode", "P0011")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("用户名须以小写字母开头")));
        mvc.perform(post("/admin/accounts")
                        .param("username", "nobody" + NEXT.incrementAndGet())
                        .param("personCode", "NOPE")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("通讯录中没有编码为“NOPE”的在职人员")));
        assertThat(accounts.findByUsername("Bad Name")).isEmpty();

        mvc.perform(get("/admin/roles").session(sysadmin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/roles/" + staff.id())
                        .param("role", "SYSADMIN")
                        .session(sysadmin)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").accept(MediaType.TEXT_HTML).session(sysadmin)).andExpect(status().isForbidden());
        assertThat(accounts.findById(staff.id()).orElseThrow().role()).isEqualTo(Role.STAFF);
    }

    @Test
    void theSecurityAdministratorAssignsRolesButOpensNoAccounts() throws Exception {
        MockHttpSession secadmin = SignIn.as(mvc, "secadmin");
        Account staff = account(Role.STAFF);
        mvc.perform(get("/admin/roles").session(secadmin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(staff.username())));
        mvc.perform(post("/admin/roles/" + staff.id())
                        .param("role", "LIAISON")
                        .param("unitCode", "ZJJ")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/roles"));
        Account liaison = accounts.findById(staff.id()).orElseThrow();
        assertThat(liaison.role()).isEqualTo(Role.LIAISON);
        assertThat(liaison.unitId())
                .isEqualTo(directory.unitByCode("ZJJ").orElseThrow().id());

        mvc.perform(post("/admin/roles/" + staff.id())
                        .param("role", "LIAISON")
                        .param("unitCode", "NOPE")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("通讯录中没有编码为“NOPE”的单位")));
        mvc.perform(post("/admin/roles/" + staff.id())
                        .param("role", "ROOT")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择有效的角色")));
        long own = accounts.findByUsername("secadmin").orElseThrow().id();
        mvc.perform(post("/admin/roles/" + own)
                        .param("role", "SYSADMIN")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest());

        mvc.perform(get("/admin/accounts").session(secadmin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts")
                        .param("username", "bysecadmin")
                        .param("personCode", "P0011")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(accounts.findByUsername("bysecadmin")).isEmpty();
    }

    @Test
    void noPersonHoldsTwoOfTheThreeAdministratorRoles() throws Exception {
        long person = directory.personByCode("P0020").orElseThrow().id();
        String one = "dual" + NEXT.incrementAndGet();
        String two = "dual" + NEXT.incrementAndGet();
        Account first = accounts.save(Account.openWithTemporaryPassword(one, "x", "甲", Role.STAFF, person));
        Account second = accounts.save(Account.openWithTemporaryPassword(two, "x", "甲", Role.STAFF, person));
        MockHttpSession secadmin = SignIn.as(mvc, "secadmin");
        mvc.perform(post("/admin/roles/" + first.id())
                        .param("role", "SYSADMIN")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/roles"));
        mvc.perform(post("/admin/roles/" + second.id())
                        .param("role", "AUDITOR")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("三员分立")));
        mvc.perform(post("/admin/roles/" + second.id())
                        .param("role", "SECADMIN")
                        .session(secadmin)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(accounts.findById(second.id()).orElseThrow().role()).isEqualTo(Role.STAFF);
    }

    @Test
    void theAuditorReadsNothingButTheAuditTrail() throws Exception {
        MockHttpSession auditor = SignIn.as(mvc, "auditor");
        for (String page : List.of("/admin/accounts", "/admin/roles", "/directory", "/calendar/import")) {
            mvc.perform(get(page).accept(MediaType.TEXT_HTML).session(auditor)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/calendar/days/2026-12-01")
                        .param("kind", "HOLIDAY")
                        .param("name", "测试")
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts")
                        .param("username", "byauditor")
                        .param("personCode", "P0011")
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/account").session(auditor)).andExpect(status().isOk());
    }

    @Test
    void aPasswordChangeFromTheAccountPageFollowsThePolicy() throws Exception {
        Account staff = account(Role.STAFF);
        MockHttpSession session = SignIn.as(mvc, staff.username(), PASSWORD, null);
        mvc.perform(get("/account").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("我的账号")));
        mvc.perform(post("/account/password")
                        .param("current", "wrong")
                        .param("password", "alllowercase")
                        .param("confirmation", "alllowercase")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("当前密码不正确")))
                .andExpect(content().string(containsString("至少 3 类")));
        mvc.perform(post("/account/password")
                        .param("current", PASSWORD)
                        .param("password", "Lighthouse#88")
                        .param("confirmation", "Lighthouse#88")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account"));
        assertThat(password(staff.username(), "Lighthouse#88").getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }
}
