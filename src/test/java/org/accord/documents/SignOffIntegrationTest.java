package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-off over HTTP: an edit after sign-off voids it and returns the document to the signer, a change of
 * white space does not; a joint document waits for every co-issuer's countersignature and is dated on the
 * last one; refused steps change nothing; the data scope of leaders and liaisons.
 */
@IntegrationTest
class SignOffIntegrationTest {

    static final String TITLE = "关于做好冬季供暖保障工作的通知";
    static final String BODY = "各单位要切实做好冬季供暖保障工作，确保群众温暖过冬。";

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    MockHttpSession drafter;
    MockHttpSession reviewer;
    MockHttpSession leader;
    MockHttpSession checker;
    MockHttpSession zjjLiaison;

    @BeforeEach
    void signIn() throws Exception {
        drafter = SignIn.as(mvc, "huanghaitao");
        reviewer = SignIn.as(mvc, "yuhongxia");
        leader = SignIn.as(mvc, "chenzhihua");
        checker = SignIn.as(mvc, "longminghui");
        zjjLiaison = SignIn.as(mvc, "weilijuan");
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    long person(String username) {
        return jdbc.queryForObject("SELECT person_id FROM security_account WHERE username = ?", Long.class, username);
    }

    String stateOf(long id) {
        return jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, id);
    }

    void ok(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
    }

    long create(String... coIssuers) throws Exception {
        MockHttpServletRequestBuilder request = post("/documents")
                .session(drafter)
                .with(csrf())
                .param("genre", "NOTICE")
                .param("issuer", String.valueOf(unit("SZF")))
                .param("issuerCode", "示例府发")
                .param("signer", String.valueOf(person("chenzhihua")))
                .param("title", TITLE)
                .param("mainAddressees", String.valueOf(unit("CGJ")), String.valueOf(unit("SLJ")))
                .param("body", BODY);
        for (String code : coIssuers) {
            request.param("coIssuers", String.valueOf(unit(code)));
        }
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    MockHttpServletRequestBuilder edit(long id, String body) {
        return post("/documents/{id}/edit", id)
                .session(drafter)
                .param("genre", "NOTICE")
                .param("title", TITLE)
                .param("mainAddressees", String.valueOf(unit("CGJ")), String.valueOf(unit("SLJ")))
                .param("body", body);
    }

    void signOff(long id) throws Exception {
        ok(post("/documents/{id}/submit", id).session(drafter).param("reviewer", String.valueOf(person("yuhongxia"))));
        ok(post("/documents/{id}/review", id)
                .session(reviewer)
                .param("approve", "true")
                .param("opinion", "已核"));
        ok(post("/documents/{id}/sign", id)
                .session(leader)
                .param("approve", "true")
                .param("opinion", "同意"));
    }

    int validSignatures(long id, String kind) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM document_signature WHERE document_id = ? AND kind = ? AND voided_at IS NULL",
                Integer.class,
                id,
                kind);
    }

    @Test
    void anEditAfterSignOffVoidsItAndReturnsTheDocumentToTheSigner() throws Exception {
        long id = create();
        signOff(id);
        assertThat(stateOf(id)).isEqualTo("FINAL_CHECK");
        assertThat(jdbc.queryForObject("SELECT document_date FROM document WHERE id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")));

        // White space only: not a substantive change, the sign-off stands.
        ok(edit(id, BODY + "\n"));
        assertThat(stateOf(id)).isEqualTo("FINAL_CHECK");
        assertThat(validSignatures(id, "SIGN")).isEqualTo(1);

        int noticesBefore = jdbc.queryForObject(
                "SELECT COUNT(*) FROM notify_inbox WHERE person_id = ? AND kind = 'documents.signoff-voided'",
                Integer.class,
                person("chenzhihua"));
        ok(edit(id, BODY.replace("确保群众温暖过冬", "确保全市群众温暖过冬")));
        assertThat(stateOf(id)).isEqualTo("SIGNING");
        assertThat(validSignatures(id, "SIGN")).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT void_reason FROM document_signature WHERE document_id = ? AND kind = 'SIGN'",
                        String.class,
                        id))
                .contains("第3稿");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM notify_inbox WHERE person_id = ? AND kind = 'documents.signoff-voided'",
                        Integer.class,
                        person("chenzhihua")))
                .isEqualTo(noticesBefore + 1);
        String page = mvc.perform(get("/documents/{id}", id).session(leader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("已失效", "签发后修改为第3稿", "待签发");
        // Back on the signer's page, among the documents waiting for his sign-off.
        assertThat(mvc.perform(get("/leader").session(leader))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("待我签发的公文", TITLE);

        // The 文电科 cannot register what is no longer signed off; nothing changes.
        mvc.perform(post("/documents/{id}/register", id).session(checker).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForObject("SELECT number_text FROM document WHERE id = ?", String.class, id))
                .isNull();

        ok(post("/documents/{id}/sign", id)
                .session(leader)
                .param("approve", "true")
                .param("opinion", "同意印发"));
        ok(post("/documents/{id}/register", id).session(checker));
        assertThat(jdbc.queryForObject("SELECT number_text FROM document WHERE id = ?", String.class, id))
                .matches("示例府发〔\\d{4}〕\\d+号");
        mvc.perform(get("/api/documents/{id}", id).session(drafter))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.signatures.length()").value(3))
                .andExpect(jsonPath("$.signatures[1].valid").value(false));
    }

    @Test
    void aJointDocumentWaitsForEveryCoIssuerAndIsDatedOnTheLastSignature() throws Exception {
        long id = create("ZJJ");
        // Before anything is sent to it, the co-issuer's liaison does not see the draft.
        mvc.perform(get("/documents/{id}", id).session(zjjLiaison)).andExpect(status().isNotFound());
        signOff(id);
        assertThat(stateOf(id)).isEqualTo("COUNTERSIGNING");
        mvc.perform(post("/documents/{id}/register", id).session(checker).with(csrf()))
                .andExpect(status().isConflict());

        // Another unit's liaison neither sees nor countersigns it.
        MockHttpSession cgjLiaison = SignIn.as(mvc, "panlei");
        mvc.perform(get("/documents/{id}", id).session(cgjLiaison)).andExpect(status().isNotFound());
        mvc.perform(post("/documents/{id}/countersign", id)
                        .session(cgjLiaison)
                        .with(csrf())
                        .param("leaderName", "某某")
                        .param("opinion", "同意"))
                .andExpect(status().isNotFound());

        assertThat(mvc.perform(get("/documents/{id}", id).session(zjjLiaison))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(TITLE, "会签领导姓名");
        ok(post("/documents/{id}/countersign", id)
                .session(zjjLiaison)
                .param("leaderName", "顾子涵")
                .param("opinion", "同意联合印发"));
        assertThat(stateOf(id)).isEqualTo("FINAL_CHECK");
        assertThat(jdbc.queryForObject(
                        "SELECT name FROM document_signature WHERE document_id = ? AND kind = 'COUNTERSIGN'",
                        String.class,
                        id))
                .isEqualTo("顾子涵");
        LocalDate last = jdbc.queryForObject(
                "SELECT MAX(signed_on) FROM document_signature WHERE document_id = ?", LocalDate.class, id);
        assertThat(jdbc.queryForObject("SELECT document_date FROM document WHERE id = ?", LocalDate.class, id))
                .isEqualTo(last);
        mvc.perform(post("/documents/{id}/countersign", id)
                        .session(zjjLiaison)
                        .with(csrf())
                        .param("leaderName", "顾子涵")
                        .param("opinion", "再签"))
                .andExpect(status().isConflict());

        // Another leader does not see it; the signer does.
        mvc.perform(get("/documents/{id}", id).session(SignIn.as(mvc, "liufang")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/documents/{id}", id).session(leader)).andExpect(status().isOk());
    }

    @Test
    void aLeaderSeesADocumentSentToAUnitRoutedToHimFromTheMomentItIsSent() throws Exception {
        long id = create();
        MockHttpSession liufang = SignIn.as(mvc, "liufang");
        mvc.perform(get("/documents/{id}", id).session(liufang)).andExpect(status().isNotFound());
        ok(post("/documents/{id}/rounds", id).session(drafter).param("units", String.valueOf(unit("JYJ"))));
        mvc.perform(get("/documents/{id}", id).session(liufang)).andExpect(status().isOk());
        mvc.perform(post("/documents/{id}/sign", id)
                        .session(liufang)
                        .with(csrf())
                        .param("approve", "true")
                        .param("opinion", "同意"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/documents").session(liufang))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());
    }
}
