package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
 * The drafter's page offers 送核稿 exactly when the service takes it: in every state in which the submission is
 * refused the page has no form and says why where the form would be, and submitting anyway still answers 409 and
 * leaves the draft as it was. Each test drafts a document of its own.
 */
@IntegrationTest
class SubmitStatesIntegrationTest {

    static final String TITLE = "关于做好道路积雪清扫工作的通知";
    static final String BODY = "各单位要提前落实清扫力量，降雪后及时清扫主干道积雪，确保道路通行。";

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    MockHttpSession drafter;
    MockHttpSession cgjLiaison;
    MockHttpSession sljLiaison;

    @BeforeEach
    void signIn() throws Exception {
        drafter = SignIn.as(mvc, "huanghaitao");
        cgjLiaison = SignIn.as(mvc, "panlei");
        sljLiaison = SignIn.as(mvc, "yuanying");
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    long person(String username) {
        return jdbc.queryForObject("SELECT person_id FROM security_account WHERE username = ?", Long.class, username);
    }

    void ok(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
    }

    long create(String title) throws Exception {
        String location = mvc.perform(post("/documents")
                        .session(drafter)
                        .with(csrf())
                        .param("genre", "NOTICE")
                        .param("issuer", String.valueOf(unit("SZF")))
                        .param("issuerCode", "示例府发")
                        .param("signer", String.valueOf(person("chenzhihua")))
                        .param("title", title)
                        .param("mainAddressees", String.valueOf(unit("CGJ")), String.valueOf(unit("SLJ")))
                        .param("body", BODY))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long openRound(long id) throws Exception {
        ok(post("/documents/{id}/rounds", id)
                .session(drafter)
                .param("units", String.valueOf(unit("CGJ")), String.valueOf(unit("SLJ")))
                .param("workingDays", "5"));
        return jdbc.queryForObject(
                "SELECT round_id FROM document_round WHERE document_id = ? ORDER BY number DESC LIMIT 1",
                Long.class,
                id);
    }

    /** 城管局 answers as given, 水利局 agrees, and the drafter closes the round. */
    void closeRound(long id, long round, String cgjStance, String cgjSummary) throws Exception {
        ok(post("/documents/{id}/rounds/{r}/answer", id, round)
                .session(cgjLiaison)
                .param("stance", cgjStance)
                .param("summary", cgjSummary));
        ok(post("/documents/{id}/rounds/{r}/answer", id, round)
                .session(sljLiaison)
                .param("stance", "AGREE"));
        ok(post("/documents/{id}/rounds/close", id).session(drafter));
    }

    String drafterPage(long id) throws Exception {
        return mvc.perform(get("/documents/{id}", id).session(drafter))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The page says why in the reason's own place and offers no form; the service refuses with its message. */
    void held(long id, String elementId, String why, String refusal) throws Exception {
        String page = drafterPage(id);
        assertThat(page)
                .contains("id=\"" + elementId + "\"", why)
                .doesNotContain("action=\"/documents/" + id + "/submit\"")
                .doesNotContain("name=\"reviewer\"");
        assertThat(page.split("class=\"alert alert-warn submit-held\"", -1))
                .as("one reason shown")
                .hasSize(2);

        String refused = mvc.perform(post("/documents/{id}/submit", id)
                        .session(drafter)
                        .with(csrf())
                        .param("reviewer", String.valueOf(person("yuhongxia"))))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains(refusal);
        assertThat(stateOf(id)).isEqualTo("DRAFTING");
        assertThat(reviewerOf(id)).isNull();
    }

    /** The form is offered, and the service takes it: the draft goes to 余红霞 for review. */
    void offeredAndTaken(long id) throws Exception {
        String page = drafterPage(id);
        assertThat(page)
                .contains("action=\"/documents/" + id + "/submit\"", "name=\"reviewer\"")
                .doesNotContain("submit-held");
        ok(post("/documents/{id}/submit", id).session(drafter).param("reviewer", String.valueOf(person("yuhongxia"))));
        assertThat(stateOf(id)).isEqualTo("REVIEW");
        assertThat(reviewerOf(id)).isEqualTo(person("yuhongxia"));
    }

    String stateOf(long id) {
        return jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, id);
    }

    Long reviewerOf(long id) {
        return jdbc.queryForObject("SELECT reviewer_id FROM document WHERE id = ?", Long.class, id);
    }

    @Test
    void aCleanDraftIsOfferedForReviewAndTaken() throws Exception {
        offeredAndTaken(create(TITLE));
    }

    @Test
    void whileTheRulesReportAnErrorTheDrafterIsToldWhat() throws Exception {
        long id = create("关于做好道路积雪清扫工作的安排");
        held(id, "submit-rule-errors", "公文不符合规则，修改后才能送核稿：标题应以文种「通知」结尾", "公文不符合规则：标题应以文种「通知」结尾");

        ok(post("/documents/{id}/edit", id)
                .session(drafter)
                .param("genre", "NOTICE")
                .param("title", TITLE)
                .param("mainAddressees", String.valueOf(unit("CGJ")), String.valueOf(unit("SLJ")))
                .param("body", BODY));
        offeredAndTaken(id);
    }

    @Test
    void whileARoundIsOpenTheUnitsAreWaitedFor() throws Exception {
        long id = create(TITLE);
        long round = openRound(id);
        held(id, "submit-round-open", "本轮征求意见尚未结束，结束后才能送核稿", "尚有征求意见轮次未结束");

        closeRound(id, round, "AGREE", "");
        offeredAndTaken(id);
    }

    @Test
    void aDividedPointIsSettledFirstAndWhileEscalatedTheRulingIsAwaited() throws Exception {
        long id = create(TITLE);
        long round = openRound(id);
        closeRound(id, round, "DISAGREE", "清扫责任划分不清");
        held(id, "submit-point-unsettled", "征求意见尚有分歧未解决：对第1稿的意见。再次征求意见取得一致或提请领导裁决后才能送核稿", "征求意见尚有分歧未解决：对第1稿的意见");

        long point = jdbc.queryForObject("SELECT point_id FROM document_round WHERE round_id = ?", Long.class, round);
        ok(post("/documents/{id}/points/{p}/escalate", id, point)
                .session(drafter)
                .param("recommendation", "建议按道路权属划分"));
        held(id, "submit-awaiting-ruling", SubmitAwaitingRulingIntegrationTest.WHY, "征求意见尚有分歧未解决：对第1稿的意见");

        ok(post("/documents/{id}/points/{p}/rule", id, point)
                .session(SignIn.as(mvc, "chenzhihua"))
                .param("ruling", "按道路权属划分清扫责任"));
        offeredAndTaken(id);
    }

    @Test
    void aCommentWithoutAnAdoptionNoteIsAnsweredFirst() throws Exception {
        long id = create(TITLE);
        long round = openRound(id);
        ok(post("/documents/{id}/rounds/{r}/comments", id, round)
                .session(cgjLiaison)
                .param("text", "建议写明人行道积雪由沿街单位负责清扫。"));
        closeRound(id, round, "AGREE", "");
        held(id, "submit-comments-unanswered", "尚有1条意见未记录采纳情况，逐条记录后才能送核稿", "尚有1条意见未记录采纳情况");

        long comment = jdbc.queryForObject("SELECT id FROM document_comment WHERE document_id = ?", Long.class, id);
        ok(post("/documents/{id}/comments/{c}/adoption", id, comment)
                .session(drafter)
                .param("adoption", "ADOPTED"));
        offeredAndTaken(id);
    }
}
