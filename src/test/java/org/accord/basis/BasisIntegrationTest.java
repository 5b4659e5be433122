package org.accord.basis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.accord.directory.Directory;
import org.accord.search.Search;
import org.accord.search.SearchKind;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The coordinator dispatching a sewage complaint is offered the drainage notice issued earlier, cites it with one
 * click, and the unit that receives the case reads it beside the case; nobody else may cite, and only binding items
 * can be cited.
 */
@IntegrationTest
class BasisIntegrationTest {

    static final String TITLE = "关于加强城市排水管网养护管理的通知";
    static final String BODY = "各有关单位：\n为防范城市内涝，市住建局牵头负责全市排水管网日常养护，" + "对污水井冒溢、管道堵塞等问题须在接报后二十四小时内处置完毕。各区政府督促街道做好配合。";

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Search search;

    @Autowired
    UserDetailsService accounts;

    MockHttpSession office;
    MockHttpSession liaison;

    @BeforeEach
    void signIn() throws Exception {
        office = SignIn.as(mvc, "huanghaitao");
        liaison = SignIn.as(mvc, "weilijuan");
    }

    @Test
    void anIssuedNoticeIsOfferedCitedWithOneClickAndShownToTheUnitThatReceivesTheCase() throws Exception {
        long document = issuedNotice();
        String number = jdbc.queryForObject("SELECT number_text FROM document WHERE id = ?", String.class, document);
        long caseId = takeCase("小区门口污水井冒溢，污水流到人行道上，排水管网堵塞已有三天。");

        String page = page(get("/cases/{id}", caseId), office);
        assertThat(page).contains("可援引的依据").contains("name=\"target\" value=\"CASE:" + caseId + "\"");

        String offered = awaitOffered(caseId, TITLE);
        assertThat(offered).contains(number).contains("已印发公文").contains("二十四小时内处置完毕");

        mvc.perform(post("/basis/citations")
                        .session(office)
                        .with(csrf())
                        .param("target", "CASE:" + caseId)
                        .param("kind", "DOCUMENT")
                        .param("id", String.valueOf(document))
                        .param("back", "/cases/" + caseId))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/cases/" + caseId + "#basis"));
        assertThat(suggestions(caseId, "污水井冒溢 排水管网")).contains("已援引");

        mvc.perform(post("/cases/{id}/dispatch", caseId)
                        .session(office)
                        .with(csrf())
                        .param("leadUnitId", String.valueOf(unit("ZJJ")))
                        .param("timeLimit", "COMPLAINT"))
                .andExpect(status().is3xxRedirection());

        String seenByUnit = page(get("/cases/{id}", caseId), liaison);
        assertThat(seenByUnit)
                .contains("依据")
                .contains(TITLE)
                .contains(number)
                .contains("二十四小时内处置完毕")
                .doesNotContain("href=\"/documents/" + document + "\"");
        assertThat(page(get("/cases/{id}", caseId), office))
                .contains("href=\"/documents/" + document + "\"")
                .as("who cited it, by name")
                .contains("黄海涛 于");

        long citation = jdbc.queryForObject(
                "SELECT id FROM basis_citation WHERE target_kind = 'CASE' AND target_id = ?", Long.class, caseId);
        mvc.perform(post("/basis/citations/{id}/withdraw", citation)
                        .session(office)
                        .with(csrf())
                        .param("back", "/cases/" + caseId))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/cases/{id}", caseId), liaison)).doesNotContain(TITLE);
    }

    @Test
    void onlyTheOfficeCitesAndOnlyWhatBinds() throws Exception {
        long caseId = takeCase("井盖缺失，夜间行人有跌落危险。");
        for (String username : new String[] {"weilijuan", "chenzhihua"}) {
            MockHttpSession session = SignIn.as(mvc, username);
            mvc.perform(get("/basis/suggestions").session(session).param("target", "CASE:" + caseId))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/basis/citations")
                            .session(session)
                            .with(csrf())
                            .param("target", "CASE:" + caseId)
                            .param("kind", "CASE")
                            .param("id", String.valueOf(caseId)))
                    .andExpect(status().isForbidden());
        }

        long draft = draftNotice();
        awaitIndexed(draft);
        String refused = mvc.perform(post("/basis/citations")
                        .session(office)
                        .with(csrf())
                        .param("target", "CASE:" + caseId)
                        .param("kind", "DOCUMENT")
                        .param("id", String.valueOf(draft)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("找不到这条依据");
        String wrongKind = mvc.perform(post("/basis/citations")
                        .session(office)
                        .with(csrf())
                        .param("target", "CASE:" + caseId)
                        .param("kind", "CASE")
                        .param("id", String.valueOf(caseId)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrongKind).contains("只能援引领导批示、会议议定事项或已印发公文");
        mvc.perform(post("/basis/citations")
                        .session(office)
                        .with(csrf())
                        .param("target", "NOTHING:1")
                        .param("kind", "DOCUMENT")
                        .param("id", "1"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM basis_citation WHERE target_id = ?", Long.class, caseId))
                .isZero();
    }

    long issuedNotice() throws Exception {
        long id = draftNotice();
        MockHttpSession reviewer = SignIn.as(mvc, "yuhongxia");
        MockHttpSession leader = SignIn.as(mvc, "chenzhihua");
        MockHttpSession checker = SignIn.as(mvc, "longminghui");
        ok(post("/documents/{id}/submit", id).session(office).param("reviewer", String.valueOf(person("yuhongxia"))));
        ok(post("/documents/{id}/review", id)
                .session(reviewer)
                .param("approve", "true")
                .param("opinion", "已核"));
        ok(post("/documents/{id}/sign", id)
                .session(leader)
                .param("approve", "true")
                .param("opinion", "同意"));
        ok(post("/documents/{id}/register", id).session(checker));
        ok(post("/documents/{id}/issue", id).session(office));
        assertThat(jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, id))
                .isEqualTo("ISSUED");
        return id;
    }

    long draftNotice() throws Exception {
        String location = mvc.perform(post("/documents")
                        .session(office)
                        .with(csrf())
                        .param("genre", "NOTICE")
                        .param("issuer", String.valueOf(unit("SZF")))
                        .param("issuerCode", "示例府发")
                        .param("signer", String.valueOf(person("chenzhihua")))
                        .param("title", TITLE)
                        .param("mainAddressees", String.valueOf(unit("ZJJ")), String.valueOf(unit("CGJ")))
                        .param("body", BODY))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long takeCase(String description) throws Exception {
        String location = mvc.perform(post("/cases")
                        .session(SignIn.as(mvc, "qianhaitao"))
                        .with(csrf())
                        .param("callerName", "李女士")
                        .param("phone", "13600001111")
                        .param("address", "东城区和平里小区")
                        .param("description", description))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The index follows the change after its transaction commits; the page loads the panel after that. */
    String awaitOffered(long caseId, String expected) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        String answer;
        do {
            answer = suggestions(caseId, "污水井冒溢 排水管网");
            if (answer.contains(expected)) {
                return answer;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("not offered within 20 s: " + answer);
    }

    void awaitIndexed(long document) throws Exception {
        var account = accounts.loadUserByUsername("huanghaitao");
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        try {
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
            while (Instant.now().isBefore(until)) {
                if (search.item(SearchKind.DOCUMENT, String.valueOf(document)).isPresent()) {
                    return;
                }
                Thread.sleep(200);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        throw new AssertionError("document " + document + " not indexed within 20 s");
    }

    String suggestions(long caseId, String text) throws Exception {
        return page(
                get("/basis/suggestions")
                        .param("target", "CASE:" + caseId)
                        .param("text", text)
                        .param("back", "/cases/" + caseId),
                office);
    }

    String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    void ok(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    long person(String username) {
        return jdbc.queryForObject("SELECT person_id FROM security_account WHERE username = ?", Long.class, username);
    }
}
