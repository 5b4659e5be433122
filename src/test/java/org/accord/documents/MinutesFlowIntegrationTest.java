package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import org.accord.audit.Audited;
import org.accord.directory.Directory;
import org.accord.meetings.MeetingConcluded;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Minutes from a concluded meeting to their issuance over HTTP: the seed, two consultation rounds with
 * comments on passages and adoption notes, a silent unit taken as agreeing at the deadline, an escalation
 * and the leader's ruling applied to the text, review, sign-off, final check with the number, issuance
 * creating the kernel's measures that supervision follows.
 */
@IntegrationTest
@RecordApplicationEvents
class MinutesFlowIntegrationTest {

    static final String PASSAGE = "由市住建局牵头于十二月底前完成改造方案";

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Documents documents;

    @Autowired
    ApplicationEvents events;

    MockHttpSession drafter;
    MockHttpSession reviewer;
    MockHttpSession leader;
    MockHttpSession checker;
    MockHttpSession zjjLiaison;
    MockHttpSession sljLiaison;
    MockHttpSession cgjLiaison;
    long zjj;
    long slj;
    long cgj;

    @BeforeEach
    void signIn() throws Exception {
        drafter = SignIn.as(mvc, "huanghaitao");
        reviewer = SignIn.as(mvc, "yuhongxia");
        leader = SignIn.as(mvc, "chenzhihua");
        checker = SignIn.as(mvc, "longminghui");
        zjjLiaison = SignIn.as(mvc, "weilijuan");
        sljLiaison = SignIn.as(mvc, "yuanying");
        cgjLiaison = SignIn.as(mvc, "panlei");
        zjj = unit("ZJJ");
        slj = unit("SLJ");
        cgj = unit("CGJ");
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

    String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String stateOf(long id) {
        return jdbc.queryForObject("SELECT status FROM document WHERE id = ?", String.class, id);
    }

    long meeting = 7001;

    long concludeMeeting() throws Exception {
        long organiser = person("huanghaitao");
        long chair = person("chenzhihua");
        MeetingConcluded concluded = new MeetingConcluded(
                meeting,
                0,
                "老旧小区改造专题会议",
                "专题会议",
                chair,
                organiser,
                LocalDateTime.of(2026, 11, 20, 9, 30),
                "市政府1号会议室",
                List.of("市住建局 顾子涵 局长", "市水利局 张明 副局长"),
                List.of("市财政局 李强 局长"),
                List.of("市城管局 潘磊 办公室主任"),
                List.of(new MeetingConcluded.Item(
                        1,
                        "老旧小区改造推进",
                        "会议听取了市住建局的汇报，原则同意改造方案。",
                        List.of(
                                new MeetingConcluded.Decision(
                                        "编制老旧小区改造实施方案", zjj, List.of(cgj), LocalDate.of(2026, 12, 31)),
                                new MeetingConcluded.Decision(
                                        "完成小区排水管网摸排", slj, List.of(), LocalDate.of(2026, 12, 20))))),
                true);
        new TransactionTemplate(transactions).executeWithoutResult(status -> publisher.publishEvent(concluded));
        for (int i = 0; i < 100; i++) {
            List<Long> seeds =
                    jdbc.queryForList("SELECT id FROM minutes_seed WHERE meeting_id = ?", Long.class, meeting);
            if (!seeds.isEmpty()) {
                return seeds.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no minutes seed for the concluded meeting");
    }

    MockHttpServletRequestBuilder edit(long id, String body) {
        return post("/documents/{id}/edit", id)
                .session(drafter)
                .param("genre", "MINUTES")
                .param("title", "老旧小区改造专题会议纪要")
                .param("mainAddressees", String.valueOf(zjj), String.valueOf(slj), String.valueOf(cgj))
                .param("body", body)
                .param("present", "市住建局 顾子涵 局长\n市水利局 张明 副局长")
                .param("excused", "市财政局 李强 局长")
                .param("observers", "市城管局 潘磊 办公室主任")
                .param("decisions[0].text", "编制老旧小区改造实施方案")
                .param("decisions[0].lead", String.valueOf(zjj))
                .param("decisions[0].cooperating", String.valueOf(cgj))
                .param("decisions[0].deadline", "2026-12-31")
                .param("decisions[1].text", "完成小区排水管网摸排")
                .param("decisions[1].lead", String.valueOf(slj))
                .param("decisions[1].deadline", "2026-12-20");
    }

    long openRound(long id) throws Exception {
        ok(post("/documents/{id}/rounds", id)
                .session(drafter)
                .param("units", String.valueOf(zjj), String.valueOf(slj), String.valueOf(cgj))
                .param("workingDays", "5")
                .param("silenceAgrees", "true"));
        return jdbc.queryForObject("SELECT MAX(round_id) FROM document_round WHERE document_id = ?", Long.class, id);
    }

    long commentId(long id, long unitId) {
        return jdbc.queryForObject(
                "SELECT MAX(id) FROM document_comment WHERE document_id = ? AND unit_id = ?", Long.class, id, unitId);
    }

    @Test
    void minutesGoFromTheMeetingThroughTwoRoundsAndARulingToIssuedMeasures() throws Exception {
        long seed = concludeMeeting();
        assertThat(page("/documents/minutes-seeds", drafter)).contains("老旧小区改造专题会议");

        String location = mvc.perform(post("/documents/minutes-seeds/{id}/draft", seed)
                        .session(drafter)
                        .with(csrf())
                        .param("issuerCode", "示例府办纪"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D+", " ").trim().split(" ")[0]);
        String first = page("/documents/" + id, drafter);
        assertThat(first).contains("老旧小区改造推进", "编制老旧小区改造实施方案", "市财政局 李强 局长");
        // The organiser's draft is theirs: another staff member may not start it again.
        mvc.perform(post("/documents/minutes-seeds/{id}/draft", seed)
                        .session(drafter)
                        .with(csrf()))
                .andExpect(status().isConflict());

        String body1 = "会议原则同意老旧小区改造方案。\n会议要求，" + PASSAGE + "，市城管局配合。";
        ok(edit(id, body1));

        // Round 1: the second version goes to three units.
        long round1 = openRound(id);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?",
                        Integer.class,
                        DocumentTimers.ROUND_DEADLINE,
                        String.valueOf(round1)))
                .isEqualTo(1);
        ok(post("/documents/{id}/rounds/{r}/comments", id, round1)
                .session(zjjLiaison)
                .param("quote", PASSAGE)
                .param("proposed", "由市住建局牵头于明年一月底前完成改造方案")
                .param("text", "十二月底前时间过紧，需要征求各区意见。"));
        ok(post("/documents/{id}/rounds/{r}/answer", id, round1)
                .session(zjjLiaison)
                .param("stance", "DISAGREE")
                .param("summary", "完成时限过紧"));
        ok(post("/documents/{id}/rounds/{r}/comments", id, round1)
                .session(sljLiaison)
                .param("text", "建议写明排水管网摸排与改造同步推进。"));
        ok(post("/documents/{id}/rounds/{r}/answer", id, round1)
                .session(sljLiaison)
                .param("stance", "AGREE_WITH_CONDITIONS")
                .param("summary", "增加同步推进的表述"));
        // A quote that is not in the version sent is refused, nothing stored.
        mvc.perform(post("/documents/{id}/rounds/{r}/comments", id, round1)
                        .session(zjjLiaison)
                        .with(csrf())
                        .param("quote", "并无此句")
                        .param("text", "意见"))
                .andExpect(status().isBadRequest());
        // CGJ stays silent: at the deadline it is recorded, visibly, as having no different opinion.
        assertThat(documents.silenceAtDeadline(round1)).isEqualTo(1);
        assertThat(page("/documents/" + id, drafter)).contains("逾期未复，视为无不同意见");
        ok(post("/documents/{id}/rounds/close", id).session(drafter));

        // The drafter answers every comment; the unit sees the answer.
        ok(post("/documents/{id}/comments/{c}/adoption", id, commentId(id, zjj))
                .session(drafter)
                .param("adoption", "PARTLY")
                .param("reason", "时限调整为明年一月中旬，兼顾会议要求"));
        ok(post("/documents/{id}/comments/{c}/adoption", id, commentId(id, slj))
                .session(drafter)
                .param("adoption", "ADOPTED"));
        mvc.perform(post("/documents/{id}/comments/{c}/adoption", id, commentId(id, zjj))
                        .session(drafter)
                        .with(csrf())
                        .param("adoption", "NOT_ADOPTED"))
                .andExpect(status().isBadRequest());
        String zjjView = page("/documents/" + id, zjjLiaison);
        assertThat(zjjView).contains("部分采纳", "时限调整为明年一月中旬").doesNotContain("建议写明排水管网摸排");

        // The third version changes the passage: the comment on it is orphaned.
        ok(edit(id, "会议原则同意老旧小区改造方案，排水管网摸排与改造同步推进。\n会议要求，由市住建局牵头于明年一月中旬前完成改造方案，市城管局配合。"));
        assertThat(page("/documents/" + id, drafter)).contains("原文已变");

        // Round 2 shows what changed since the version of round 1.
        long round2 = openRound(id);
        String round2Page = page("/documents/" + id, zjjLiaison);
        assertThat(round2Page).contains("查看与上轮所送第2稿相比的修改");
        String changes = page("/documents/" + id + "/compare?from=2&to=3", zjjLiaison);
        assertThat(changes)
                .contains(
                        "<del class=\"doc-del\">十二</del><ins class=\"doc-ins\">明年一</ins><span>月</span>",
                        "<ins class=\"doc-ins\">，排水管网摸排与改造同步推进</ins>");
        ok(post("/documents/{id}/rounds/{r}/answer", id, round2)
                .session(zjjLiaison)
                .param("stance", "DISAGREE")
                .param("summary", "仍需至一月底"));
        ok(post("/documents/{id}/rounds/{r}/answer", id, round2)
                .session(sljLiaison)
                .param("stance", "AGREE"));
        ok(post("/documents/{id}/rounds/{r}/answer", id, round2)
                .session(cgjLiaison)
                .param("stance", "AGREE"));
        ok(post("/documents/{id}/rounds/close", id).session(drafter));
        long point = jdbc.queryForObject("SELECT point_id FROM document_round WHERE round_id = ?", Long.class, round2);
        assertThat(jdbc.queryForObject("SELECT status FROM coordination_point WHERE id = ?", String.class, point))
                .isEqualTo("DIVIDED");

        // Still divided: refused for review, escalated, ruled, and the ruling applied in a linked revision.
        mvc.perform(post("/documents/{id}/submit", id)
                        .session(drafter)
                        .with(csrf())
                        .param("reviewer", String.valueOf(person("yuhongxia"))))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("征求意见尚有分歧未解决")));
        assertThat(stateOf(id)).isEqualTo("DRAFTING");
        ok(post("/documents/{id}/points/{p}/escalate", id, point)
                .session(drafter)
                .param("recommendation", "建议按一月中旬"));
        ok(post("/documents/{id}/points/{p}/rule", id, point).session(leader).param("ruling", "按明年一月底完成"));
        ok(edit(id, "会议原则同意老旧小区改造方案，排水管网摸排与改造同步推进。\n会议要求，由市住建局牵头于明年一月底前完成改造方案，市城管局配合。")
                .param("rulingPoint", String.valueOf(point)));
        assertThat(jdbc.queryForObject(
                        "SELECT ruling_point_id FROM document_revision WHERE document_id = ? AND number = 4",
                        Long.class,
                        id))
                .isEqualTo(point);

        // Review, sign-off, final check with the number, issuance.
        ok(post("/documents/{id}/submit", id).session(drafter).param("reviewer", String.valueOf(person("yuhongxia"))));
        mvc.perform(post("/documents/{id}/register", id).session(checker).with(csrf()))
                .andExpect(status().isConflict());
        ok(post("/documents/{id}/review", id)
                .session(reviewer)
                .param("approve", "true")
                .param("opinion", "文字已核"));
        mvc.perform(post("/documents/{id}/sign", id)
                        .session(SignIn.as(mvc, "liufang"))
                        .with(csrf())
                        .param("approve", "true")
                        .param("opinion", "同意"))
                .andExpect(status().isNotFound());
        ok(post("/documents/{id}/sign", id)
                .session(leader)
                .param("approve", "true")
                .param("opinion", "同意印发"));
        assertThat(stateOf(id)).isEqualTo("FINAL_CHECK");
        mvc.perform(post("/documents/{id}/register", id).session(drafter).with(csrf()))
                .andExpect(status().isForbidden());
        ok(post("/documents/{id}/register", id).session(checker));
        String number = jdbc.queryForObject("SELECT number_text FROM document WHERE id = ?", String.class, id);
        assertThat(number).isEqualTo("示例府办纪〔" + Year.now().getValue() + "〕1号");
        // Once registered, the text is fixed.
        mvc.perform(edit(id, "再改一次").with(csrf())).andExpect(status().isConflict());

        ok(post("/documents/{id}/issue", id).session(drafter));
        assertThat(stateOf(id)).isEqualTo("ISSUED");
        long matter = jdbc.queryForObject("SELECT matter_id FROM document WHERE id = ?", Long.class, id);
        assertThat(jdbc.queryForList(
                        "SELECT what FROM coordination_measure WHERE matter_id = ? AND adopted_at IS NOT NULL ORDER BY id",
                        String.class,
                        matter))
                .containsExactly("编制老旧小区改造实施方案", "完成小区排水管网摸排");
        // Supervision follows each measure.
        int tasks = 0;
        for (int i = 0; i < 100 && tasks < 2; i++) {
            tasks = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM supervision_task WHERE source_kind = 'MEASURE' AND source_id IN (SELECT"
                            + " id FROM coordination_measure WHERE matter_id = ?)",
                    Integer.class,
                    matter);
            Thread.sleep(100);
        }
        assertThat(tasks).isEqualTo(2);

        String issued = page("/documents/" + id, cgjLiaison);
        assertThat(issued).contains(number, "已印发", "老旧小区改造专题会议纪要");
        mvc.perform(get("/documents/{id}/document.docx", id).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content()
                        .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        mvc.perform(get("/documents/{id}/document.pdf", id).session(drafter))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
        assertThat(issued).contains("下载 OFD", "/documents/" + id + "/document.ofd");
        byte[] ofd = mvc.perform(get("/documents/{id}/document.ofd", id).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/ofd"))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("filename*=UTF-8''" + URLEncoder.encode(number, StandardCharsets.UTF_8)
                                        + ".ofd")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(ofd, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(events.stream(Audited.class)
                        .filter(a -> a.module().equals("documents"))
                        .map(Audited::action))
                .contains(
                        "create",
                        "save",
                        "open-round",
                        "comment",
                        "adopt",
                        "escalate",
                        "rule",
                        "submit",
                        "review",
                        "sign",
                        "register",
                        "issue");
    }
}
