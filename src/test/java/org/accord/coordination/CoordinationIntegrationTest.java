package org.accord.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.accord.audit.Audited;
import org.accord.directory.Directory;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A matter from start to close over HTTP: four units, two rounds (the second blind), an escalation and a ruling
 * with a written instruction, three measures adopted; and the data scope around it.
 */
@IntegrationTest
@RecordApplicationEvents
@TestPropertySource(properties = "db-scheduler.polling-interval=1s")
class CoordinationIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    MockHttpSession staff;
    MockHttpSession zjjLiaison;
    MockHttpSession leader;
    long zjj;
    long slj;
    long cgj;
    long fgw;
    long chen;

    @BeforeEach
    void signIn() throws Exception {
        staff = SignIn.as(mvc, "huanghaitao");
        zjjLiaison = SignIn.as(mvc, "weilijuan");
        leader = SignIn.as(mvc, "chenzhihua");
        zjj = unit("ZJJ");
        slj = unit("SLJ");
        cgj = unit("CGJ");
        fgw = unit("FGW");
        chen = directory.personByCode("P0003").orElseThrow().id();
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    /** A liaison of another unit, signed in without an account row: the principal is all the scope needs. */
    RequestPostProcessor liaisonOf(String unitCode, String personCode) {
        long person = directory.personByCode(personCode).orElseThrow().id();
        return user(new SignedInAccount(
                9000 + person, "liaison-" + personCode, personCode, Role.LIAISON, person, unit(unitCode), "x", true));
    }

    RequestPostProcessor leaderOf(String personCode) {
        long person = directory.personByCode(personCode).orElseThrow().id();
        return user(new SignedInAccount(
                9500 + person, "leader-" + personCode, personCode, Role.LEADER, person, null, "x", true));
    }

    long create(String title) throws Exception {
        String location = mvc.perform(post("/matters")
                        .session(staff)
                        .with(csrf())
                        .param("title", title)
                        .param("kind", "MEETING")
                        .param("background", "市长在专题会上要求统筹推进")
                        .param("purpose", "月底前形成分工方案")
                        .param("basisKind", "INSTRUCTION")
                        .param("basisText", "陈志华副市长批示（2026年11月20日）"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    void ok(MockHttpServletRequestBuilder request) throws Exception {
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
    }

    void addUnit(long matter, String code, String role) throws Exception {
        ok(post("/matters/{id}/parties", matter)
                .session(staff)
                .param("unitCode", code)
                .param("role", role));
    }

    long pointId(long matter, String text) {
        return jdbc.queryForObject(
                "SELECT id FROM coordination_point WHERE matter_id = ? AND text = ?", Long.class, matter, text);
    }

    long openRoundId(long matter) {
        return jdbc.queryForObject(
                "SELECT id FROM coordination_round WHERE matter_id = ? AND status = 'OPEN'", Long.class, matter);
    }

    MockHttpServletRequestBuilder answer(long matter, long round, long point, String stance, String reason) {
        MockHttpServletRequestBuilder request = post("/matters/{id}/positions", matter)
                .param("roundId", String.valueOf(round))
                .param("pointId", String.valueOf(point))
                .param("stance", stance);
        if (stance.equals("DISAGREE")) {
            request.param("reason", reason);
        }
        if (stance.equals("AGREE_WITH_CONDITIONS")) {
            request.param("condition", reason);
        }
        return request;
    }

    void answerAs(RequestPostProcessor who, long matter, long round, long point, String stance, String reason)
            throws Exception {
        ok(answer(matter, round, point, stance, reason).with(who));
    }

    void answerAsZjj(long matter, long round, long point, String stance, String reason) throws Exception {
        ok(answer(matter, round, point, stance, reason).session(zjjLiaison));
    }

    @Test
    void aMatterFromFourUnitsThroughTwoRoundsARulingAndThreeMeasuresToClose() throws Exception {
        RequestPostProcessor sljLiaison = liaisonOf("SLJ", "P0088");
        RequestPostProcessor cgjLiaison = liaisonOf("CGJ", "P0080");
        RequestPostProcessor fgwLiaison = liaisonOf("FGW", "P0041");
        // The demo city has rounds and escalations of its own: count this matter's notices from here.
        long weilijuan = directory.personByCode("P0076").orElseThrow().id();
        int roundNotices = inbox(weilijuan, "coordination.round");
        int escalationNotices = inbox(chen, "coordination.escalation");
        long matter = create("老旧小区改造协调会");
        addUnit(matter, "ZJJ", "LEAD");
        addUnit(matter, "SLJ", "COOPERATING");
        addUnit(matter, "cgj", "CONSULTED");
        addUnit(matter, "FGW", "CONSULTED");
        ok(post("/matters/{id}/parties", matter)
                .session(staff)
                .param("role", "DECIDING_LEADER")
                .param("personId", String.valueOf(chen)));
        mvc.perform(post("/matters/{id}/parties", matter)
                        .session(staff)
                        .with(csrf())
                        .param("unitCode", "ZJJ")
                        .param("role", "INFORMED"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已是参与方")));
        assertThat(jdbc.queryForObject(
                        "SELECT direction FROM coordination_party WHERE matter_id = ? AND person_id = ?",
                        String.class,
                        matter,
                        chen))
                .isEqualTo("UP");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM coordination_party WHERE matter_id = ? AND direction IS NOT NULL",
                        Integer.class,
                        matter))
                .isEqualTo(5);

        for (String text : List.of("资金分担比例", "管网改造牵头单位", "施工期间占道审批")) {
            ok(post("/matters/{id}/points", matter).session(staff).param("text", text));
        }
        long funds = pointId(matter, "资金分担比例");
        long pipes = pointId(matter, "管网改造牵头单位");
        long roads = pointId(matter, "施工期间占道审批");

        // Round 1: open to all four units, every point.
        ok(post("/matters/{id}/rounds", matter)
                .session(staff)
                .param("workingDays", "3")
                .param("visibility", "OPEN"));
        long first = openRoundId(matter);
        // The matrix has a column per asked unit, headed with its name.
        mvc.perform(get("/matters/{id}", matter).session(staff))
                .andExpect(
                        content().string(org.hamcrest.Matchers.matchesPattern("(?s).*<th[^>]*>\\s*市水利局\\s*</th>.*")));
        assertThat(jdbc.queryForObject("SELECT deadline FROM coordination_round WHERE id = ?", LocalDate.class, first))
                .isAfter(LocalDate.now().minusDays(1));
        assertThat(inbox(weilijuan, "coordination.round")).isEqualTo(roundNotices + 1);
        mvc.perform(get("/matters/answer").session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("资金分担比例")));

        answerAsZjj(matter, first, funds, "AGREE", "");
        mvc.perform(get("/matters/answer").session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("本单位已答复：同意")));
        answerAs(sljLiaison, matter, first, funds, "AGREE_WITH_CONDITIONS", "按三七分担");
        answerAs(cgjLiaison, matter, first, funds, "AGREE", "");
        answerAs(fgwLiaison, matter, first, funds, "AGREE", "");
        answerAsZjj(matter, first, pipes, "AGREE", "");
        answerAs(sljLiaison, matter, first, pipes, "DISAGREE", "管网应由住建牵头");
        answerAs(cgjLiaison, matter, first, pipes, "DISAGREE", "非本局职能");
        answerAs(fgwLiaison, matter, first, pipes, "AGREE", "");
        answerAsZjj(matter, first, roads, "DISAGREE", "审批时限过长");
        answerAs(sljLiaison, matter, first, roads, "DISAGREE", "影响汛期");
        answerAs(cgjLiaison, matter, first, roads, "AGREE", "");
        answerAs(fgwLiaison, matter, first, roads, "NO_OPINION", "");
        // A disagreement without a reason is refused, and nothing changes.
        mvc.perform(answer(matter, first, roads, "DISAGREE", " ")
                        .with(fgwLiaison)
                        .with(csrf()))
                .andExpect(status().isConflict());
        ok(post("/matters/{id}/rounds/close", matter).session(staff));
        assertThat(pointStatus(funds)).isEqualTo("AGREED");
        assertThat(pointStatus(pipes)).isEqualTo("DIVIDED");
        assertThat(pointStatus(roads)).isEqualTo("DIVIDED");

        // Closing is refused while points are divided; nothing changes.
        mvc.perform(post("/matters/{id}/close", matter).session(staff).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("尚未达成一致")));
        assertThat(matterStatus(matter)).isEqualTo("CONSULTING");
        // An agreed point is not asked again.
        mvc.perform(post("/matters/{id}/rounds", matter)
                        .session(staff)
                        .with(csrf())
                        .param("pointId", String.valueOf(funds)))
                .andExpect(status().isConflict());

        // Round 2, blind, on the remaining divergences only.
        ok(post("/matters/{id}/rounds", matter)
                .session(staff)
                .param("workingDays", "2")
                .param("visibility", "BLIND"));
        long second = openRoundId(matter);
        assertThat(jdbc.queryForObject("SELECT point_ids FROM coordination_round WHERE id = ?", String.class, second))
                .isEqualTo(pipes + "," + roads);
        answerAs(sljLiaison, matter, second, pipes, "AGREE", "");
        answerAs(sljLiaison, matter, second, roads, "DISAGREE", "汛期前不宜开挖-BLIND");
        answerAsZjj(matter, second, roads, "DISAGREE", "审批时限仍过长");
        // While the blind round is open, ZJJ's liaison sees only ZJJ's own answers; the owner sees all.
        mvc.perform(get("/matters/{id}", matter).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("审批时限仍过长")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("汛期前不宜开挖-BLIND"))));
        mvc.perform(get("/api/matters/{id}", matter).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("汛期前不宜开挖-BLIND"))));
        mvc.perform(get("/matters/{id}", matter).session(staff))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("汛期前不宜开挖-BLIND")));
        answerAsZjj(matter, second, pipes, "AGREE", "");
        answerAs(cgjLiaison, matter, second, pipes, "AGREE", "");
        answerAs(fgwLiaison, matter, second, pipes, "AGREE", "");
        answerAs(cgjLiaison, matter, second, roads, "AGREE", "");
        answerAs(fgwLiaison, matter, second, roads, "AGREE", "");
        ok(post("/matters/{id}/rounds/close", matter).session(staff));
        assertThat(pointStatus(pipes)).isEqualTo("AGREED");
        assertThat(pointStatus(roads)).isEqualTo("DIVIDED");
        // After the round closes, everyone in it sees everyone's answers, and the matrix shows the narrowing.
        mvc.perform(get("/matters/{id}", matter).session(zjjLiaison))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("汛期前不宜开挖-BLIND")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("分歧缩小")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("共同点")));

        // Escalation with a brief, and the ruling from the leader's page.
        ok(post("/matters/{id}/points/{p}/escalate", matter, roads)
                .session(staff)
                .param("recommendation", "建议汛后施工"));
        assertThat(pointStatus(roads)).isEqualTo("ESCALATED");
        String brief = jdbc.queryForObject("SELECT brief FROM coordination_point WHERE id = ?", String.class, roads);
        assertThat(brief).contains("施工期间占道审批", "市水利局", "汛期前不宜开挖-BLIND", "建议汛后施工");
        assertThat(inbox(chen, "coordination.escalation")).isEqualTo(escalationNotices + 1);
        mvc.perform(get("/leader").session(leader))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("老旧小区改造协调会")))
                // The ruling is one form on the leader's page, and on the matter's page for him too.
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "action=\"/matters/" + matter + "/points/" + roads + "/rule\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"fromLeaderPage\"")));
        mvc.perform(get("/matters/{id}", matter).session(leader))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "action=\"/matters/" + matter + "/points/" + roads + "/rule\"")));
        // Only the deciding leader rules; the owner cannot.
        mvc.perform(post("/matters/{id}/points/{p}/rule", matter, roads)
                        .session(staff)
                        .with(csrf())
                        .param("ruling", "x"))
                .andExpect(status().isForbidden());
        ok(post("/matters/{id}/points/{p}/rule", matter, roads)
                .session(leader)
                .param("ruling", "汛后开工，住建局牵头办理占道审批")
                .param("instruction", "请各单位按裁定抓紧落实。")
                .param("fromLeaderPage", "true"));
        assertThat(pointStatus(roads)).isEqualTo("RULED");
        Long relayOf = jdbc.queryForObject(
                "SELECT relayed_entry_id FROM coordination_timeline WHERE matter_id = ? AND action = 'relayed'",
                Long.class,
                matter);
        assertThat(jdbc.queryForObject("SELECT action FROM coordination_timeline WHERE id = ?", String.class, relayOf))
                .isEqualTo("instruction");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM notify_inbox WHERE kind = 'coordination.ruling' AND person_id = ?",
                        Integer.class,
                        directory.personByCode("P0076").orElseThrow().id()))
                .isEqualTo(1);
        mvc.perform(get("/leader").session(leader))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                                "action=\"/matters/" + matter + "/points/" + roads + "/rule\""))));

        // Three measures, adopted together: one MeasureAdopted each.
        String deadline = LocalDate.now().plusDays(30).toString();
        ok(post("/matters/{id}/measures", matter)
                .session(staff)
                .param("what", "制定资金分担方案")
                .param("leadUnitId", String.valueOf(fgw))
                .param("deadline", deadline));
        ok(post("/matters/{id}/measures", matter)
                .session(staff)
                .param("what", "牵头实施管网改造")
                .param("leadUnitId", String.valueOf(zjj))
                .param("cooperatingUnitId", String.valueOf(slj), String.valueOf(cgj))
                .param("deadline", deadline));
        // This one's deadline lies in the past, so that its supervised task is overdue from the start.
        String pastDeadline = LocalDate.now().minusDays(14).toString();
        ok(post("/matters/{id}/measures", matter)
                .session(staff)
                .param("what", "汛后办理占道审批")
                .param("leadUnitId", String.valueOf(cgj))
                .param("deadline", pastDeadline));
        long before = events.stream(MeasureAdopted.class).count();
        ok(post("/matters/{id}/measures/adopt", matter).session(staff));
        List<MeasureAdopted> adopted =
                events.stream(MeasureAdopted.class).skip(before).toList();
        assertThat(adopted).hasSize(3);
        assertThat(adopted)
                .allMatch(
                        event -> event.matterId() == matter && event.adoptedBy().equals("huanghaitao"));
        assertThat(adopted)
                .filteredOn(event -> event.what().equals("牵头实施管网改造"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.leadUnitId()).isEqualTo(zjj);
                    assertThat(event.cooperatingUnitIds()).isEqualTo(Set.of(slj, cgj));
                    assertThat(event.deadline()).isEqualTo(LocalDate.parse(deadline));
                });
        // Adopting again finds nothing to adopt.
        mvc.perform(post("/matters/{id}/measures/adopt", matter).session(staff).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(events.stream(MeasureAdopted.class).skip(before)).hasSize(3);

        // The page shows the relayed instruction beside its original, and the measures with their units.
        mvc.perform(get("/matters/{id}", matter).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("原文")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请各单位按裁定抓紧落实。")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("牵头实施管网改造")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已确定")));

        ok(post("/matters/{id}/close", matter).session(staff));
        assertThat(matterStatus(matter)).isEqualTo("CLOSED");
        mvc.perform(post("/matters/{id}/points", matter)
                        .session(staff)
                        .with(csrf())
                        .param("text", "再加一个"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已办结")));
        assertThat(events.stream(Audited.class).filter(event -> event.module().equals("coordination")))
                .extracting(Audited::action)
                .contains(
                        "create",
                        "add-party",
                        "open-round",
                        "answer",
                        "close-round",
                        "escalate",
                        "rule",
                        "adopt-measures",
                        "close");

        // Each measure becomes a supervised task; two are carried to completion by their lead units.
        long funding = taskOf("制定资金分担方案");
        long network = taskOf("牵头实施管网改造");
        long permits = taskOf("汛后办理占道审批");
        carryToCompletion(funding, fgwLiaison);
        carryToCompletion(network, liaisonOf("ZJJ", "P0076"));

        // The third is overdue: it is escalated to the leader overseeing 城管局 by its timer, shows on
        // his page, and he urges it in one step with an instruction that reaches the unit's liaison.
        awaitInbox(chen, "supervision.escalate");
        mvc.perform(get("/leader").session(leader))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("汛后办理占道审批")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已逾期")));
        ok(post("/tasks/{id}/urge", permits).session(leader).param("instruction", "请城管局本周内办结。"));
        long cgjLiaisonPerson = directory.personByCode("P0080").orElseThrow().id();
        awaitInbox(cgjLiaisonPerson, "supervision.urged");
        mvc.perform(get("/tasks/{id}", permits).with(cgjLiaison))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请城管局本周内办结。")));
        carryToCompletion(permits, cgjLiaison);
    }

    /** The supervised task opened for a measure (the listener runs after the adopting commit). */
    long taskOf(String what) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (java.time.Instant.now().isBefore(deadline)) {
            List<Long> found = jdbc.queryForList("SELECT id FROM supervision_task WHERE title = ?", Long.class, what);
            if (!found.isEmpty()) {
                assertThat(found).hasSize(1);
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No supervised task for the measure " + what);
    }

    /** Progress and completion by the lead unit's liaison, then the office accepts it (办结). */
    void carryToCompletion(long task, RequestPostProcessor liaison) throws Exception {
        ok(post("/tasks/{id}/progress", task).with(liaison).param("text", "已部署，正在推进。"));
        ok(post("/tasks/{id}/completion", task).with(liaison).param("evidence", "已完成，附验收记录。"));
        ok(post("/tasks/{id}/review", task).session(staff).param("decision", "accept"));
        assertThat(jdbc.queryForObject("SELECT status FROM supervision_task WHERE id = ?", String.class, task))
                .isEqualTo("COMPLETED");
    }

    int inbox(long person, String kind) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM notify_inbox WHERE person_id = ? AND kind = ?", Integer.class, person, kind);
    }

    void awaitInbox(long person, String kind) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (java.time.Instant.now().isBefore(deadline)) {
            Integer count = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM notify_inbox WHERE person_id = ? AND kind = ?", Integer.class, person, kind);
            if (count != null && count > 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No " + kind + " notice for person " + person);
    }

    @Test
    void aMatterOfOtherUnitsDoesNotExistForAConfinedViewer() throws Exception {
        long matter = create("水利专项协调-SCOPE");
        addUnit(matter, "SLJ", "LEAD");
        ok(post("/matters/{id}/points", matter).session(staff).param("text", "议题"));
        ok(post("/matters/{id}/rounds", matter).session(staff));

        // ZJJ's liaison: not in the list, 404 by direct URL, page and API, and no answering into it.
        mvc.perform(get("/matters").session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("水利专项协调-SCOPE"))));
        mvc.perform(get("/matters/{id}", matter).session(zjjLiaison)).andExpect(status().isNotFound());
        mvc.perform(get("/api/matters/{id}", matter).session(zjjLiaison))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("事项不存在或无权查看"));
        mvc.perform(get("/api/matters").session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("水利专项协调-SCOPE"))));
        long round = openRoundId(matter);
        mvc.perform(answer(matter, round, pointId(matter, "议题"), "AGREE", "")
                        .session(zjjLiaison)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/matters/answer").session(zjjLiaison))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("水利专项协调-SCOPE"))));

        // SLJ's liaison and the leader SLJ routes to see it; a leader of other units does not.
        mvc.perform(get("/matters/{id}", matter).with(liaisonOf("SLJ", "P0088")))
                .andExpect(status().isOk());
        mvc.perform(get("/matters/answer").with(liaisonOf("SLJ", "P0088")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("水利专项协调-SCOPE")));
        mvc.perform(get("/matters/{id}", matter).session(leader)).andExpect(status().isOk());
        mvc.perform(get("/matters").session(leader))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("水利专项协调-SCOPE")));
        mvc.perform(get("/matters/{id}", matter).with(leaderOf("P0002"))).andExpect(status().isNotFound());
        mvc.perform(get("/matters").with(leaderOf("P0002")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("水利专项协调-SCOPE"))));

        // Administrators see no business data at all.
        mvc.perform(get("/matters/{id}", matter)
                        .with(user(new SignedInAccount(9999, "sysadmin-x", "x", Role.SYSADMIN, null, null, "x", true))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiCreatesListsAndAnswersUnderTheSameRules() throws Exception {
        String body = mvc.perform(
                        post("/api/matters")
                                .session(staff)
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"title\":\"接口新建事项\",\"kind\":\"DOCUMENT\",\"basis\":[{\"kind\":\"DOCUMENT\",\"text\":\"示政办发〔2026〕12号\"}]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long matter = Long.parseLong(body.replaceAll("\\D", ""));
        mvc.perform(post("/api/matters")
                        .session(staff)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("标题")));
        addUnit(matter, "ZJJ", "LEAD");
        ok(post("/matters/{id}/points", matter).session(staff).param("text", "会签意见"));
        ok(post("/matters/{id}/rounds", matter).session(staff));
        long round = openRoundId(matter);
        long point = pointId(matter, "会签意见");
        mvc.perform(post("/api/matters/{id}/positions", matter)
                        .session(zjjLiaison)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"pointId\":" + point + ",\"stance\":\"DISAGREE\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("不同意时请写明理由。"));
        mvc.perform(post("/api/matters/{id}/positions", matter)
                        .session(zjjLiaison)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"pointId\":" + point + ",\"stance\":\"AGREE\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/matters/{id}", matter).session(zjjLiaison))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("接口新建事项"))
                .andExpect(jsonPath("$.positions[0].stance").value("AGREE"))
                .andExpect(jsonPath("$.basis[0].text").value("示政办发〔2026〕12号"));
        mvc.perform(get("/api/matters").session(zjjLiaison))
                .andExpect(jsonPath("$[?(@.id == " + matter + ")].title").value("接口新建事项"));
        mvc.perform(get("/v3/api-docs").session(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/matters/{id}/positions")));
    }

    String pointStatus(long point) {
        return jdbc.queryForObject("SELECT status FROM coordination_point WHERE id = ?", String.class, point);
    }

    String matterStatus(long matter) {
        return jdbc.queryForObject("SELECT status FROM coordination_matter WHERE id = ?", String.class, matter);
    }
}
