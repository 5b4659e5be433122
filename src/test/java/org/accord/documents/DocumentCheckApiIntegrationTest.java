package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class DocumentCheckApiIntegrationTest {

    static final String CHECK = "/api/documents/check";

    /** A 通知 to a peer agency, numbered with square brackets: two findings. */
    static final String NOTICE_TO_A_PEER = """
            {"genre": "NOTICE", "issuer": "市政府办公室", "mainAddressees": ["市委办公室"], "copyTo": [],
             "title": "关于做好汛期值班工作的通知", "number": "示例府办发[2026]12号", "date": "2026年5月8日",
             "body": "请按时报送值班表。\\n特此通知。", "attachments": []}
            """;

    /** A 函 between two bureaus that passes. */
    static final String GOOD_LETTER = """
            {"genre": "LETTER", "issuer": "市住建局", "mainAddressees": ["市水利局"],
             "title": "关于商请提供城区河道水位资料的函", "date": "2026年6月1日",
             "body": "请贵局提供近三年城区河道水位资料，请予支持为盼。"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    MockHttpServletRequestBuilder check(String body) {
        return post(CHECK).contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
    }

    @Test
    void officeStaffGetTheFindingsWithRuleSeverityAndChineseMessage() throws Exception {
        MockHttpSession staff = SignIn.as(mvc, "longminghui");
        mvc.perform(check(NOTICE_TO_A_PEER).session(staff))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.findings", hasSize(2)))
                .andExpect(jsonPath("$.findings[0].rule").value("GENRE_DIRECTION"))
                .andExpect(jsonPath("$.findings[0].severity").value("ERROR"))
                .andExpect(jsonPath("$.findings[0].message").value(containsString("函")))
                .andExpect(jsonPath("$.findings[1].rule").value("NUMBER_FORMAT"))
                .andExpect(jsonPath("$.findings[1].message").value(containsString("六角括号")));
    }

    @Test
    void aDocumentThatPassesHasNoFindings() throws Exception {
        mvc.perform(check(GOOD_LETTER).session(SignIn.as(mvc, "weilijuan")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings", hasSize(0)));
        mvc.perform(check(GOOD_LETTER).session(SignIn.as(mvc, "chenzhihua")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings", hasSize(0)));
    }

    @Test
    void badJsonIsA400ProblemInChinese() throws Exception {
        MockHttpSession staff = SignIn.as(mvc, "longminghui");
        mvc.perform(check("{\"genre\": \"NOTICE\", ").session(staff))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("无法读取")));
        mvc.perform(post(CHECK).with(csrf()).session(staff))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("没有公文内容")));
    }

    @Test
    void anUnknownOrMissingGenreIsA400NamingTheGenres() throws Exception {
        MockHttpSession staff = SignIn.as(mvc, "longminghui");
        mvc.perform(check(GOOD_LETTER.replace("LETTER", "MEMO")).session(staff))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(containsString("不认识的文种「MEMO」")))
                .andExpect(jsonPath("$.detail").value(containsString("REQUEST（请示）")));
        mvc.perform(check(GOOD_LETTER.replace("\"genre\": \"LETTER\",", "")).session(staff))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("缺少文种")));
    }

    @Test
    void withoutSignInOrAsAnAdministratorTheCheckIsRefused() throws Exception {
        mvc.perform(check(GOOD_LETTER))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(check(GOOD_LETTER).with(user(accounts.loadUserByUsername("sysadmin"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aKeyWithTheCheckScopeMayCallItAndOthersMayNot() throws Exception {
        String checking = issue("公文交换系统", "documents:check");
        mvc.perform(post(CHECK)
                        .header("Authorization", "Bearer " + checking)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NOTICE_TO_A_PEER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[0].rule").value("GENRE_DIRECTION"));
        String calendar = issue("日历同步", "calendar:read");
        mvc.perform(post(CHECK)
                        .header("Authorization", "Bearer " + calendar)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(NOTICE_TO_A_PEER))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    private String issue(String name, String scope) throws Exception {
        String page = mvc.perform(post("/admin/api-clients")
                        .param("name", name)
                        .param("scopes", scope)
                        .with(csrf())
                        .with(user(accounts.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher key = Pattern.compile("(acc_[a-z0-9]{12}_[A-Za-z0-9_-]{43})").matcher(page);
        assertThat(key.find()).as("the key is on the page").isTrue();
        return key.group(1);
    }
}
