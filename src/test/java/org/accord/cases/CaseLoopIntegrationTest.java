package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A case through the whole loop over HTTP: one lead and two cooperating units, a return and re-dispatch, an
 * extension, the reply approved by the unit's head, an unsatisfied visit, a reopening and a close with a reason;
 * with the refusals on the way (409 with a Chinese message, nothing changed).
 */
@IntegrationTest
class CaseLoopIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    final JsonMapper json = JsonMapper.builder().build();

    MockHttpSession office;
    MockHttpSession zjj;
    MockHttpSession zjjHead;
    MockHttpSession cgj;
    MockHttpSession dcq;
    MockHttpSession slj;

    @BeforeEach
    void signIn() throws Exception {
        office = SignIn.as(mvc, "qianhaitao");
        zjj = SignIn.as(mvc, "weilijuan");
        zjjHead = SignIn.as(mvc, "guzihan");
        cgj = SignIn.as(mvc, "panlei");
        dcq = SignIn.as(mvc, "tianshuzhen");
        slj = SignIn.as(mvc, "yuanying");
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    ResultActions call(MockHttpSession who, String path, Object body) throws Exception {
        return mvc.perform(post(path)
                .session(who)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    String stateOf(long id) {
        return jdbc.sql("SELECT status FROM hotline_case WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    JsonNode share(JsonNode view, String code) {
        long unit = unit(code);
        for (JsonNode s : view.get("shares")) {
            if (s.get("unitId").asLong() == unit && !s.get("status").asText().equals("RETURNED")) {
                return s;
            }
        }
        throw new AssertionError("no share of " + code);
    }

    Map<String, Object> intake(String phone) {
        return Map.of(
                "callerName", "张建国",
                "phone", phone,
                "confidential", true,
                "address", "东城区和平路12号3栋",
                "district", "DCQ",
                "category", "HOUSE-QUALITY",
                "urgent", false,
                "description", "新交付住房外墙渗水，多次找开发商未解决。");
    }

    @Test
    void theSameIdempotencyKeyNeverMakesASecondCase() throws Exception {
        String key = UUID.randomUUID().toString();
        String phone = "1380000" + (1000 + (int) (Math.random() * 8999));
        JsonNode first = read(mvc.perform(post("/api/cases")
                        .session(office)
                        .with(csrf())
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(intake(phone))))
                .andExpect(status().isCreated()));
        JsonNode second = read(mvc.perform(post("/api/cases")
                        .session(office)
                        .with(csrf())
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(intake(phone))))
                .andExpect(status().isCreated()));
        assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(second.get("number").asText()).isEqualTo(first.get("number").asText());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hotline_case WHERE phone = :p")
                        .param("p", phone)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(post("/api/cases")
                        .session(office)
                        .with(csrf())
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(intake("13900001111"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("幂等键")));
        assertThat(first.get("number").asText()).matches("12345-\\d{8}-\\d{6}");
    }

    @Test
    void oneLeadAndTwoCooperatingUnitsThroughTheWholeLoop() throws Exception {
        String phone = "13812341234";
        long id = read(call(office, "/api/cases", intake(phone)).andExpect(status().isCreated()))
                .get("id")
                .asLong();
        assertThat(stateOf(id)).isEqualTo("RECEIVED");

        // Duplicates: the same phone is suggested at the next intake.
        mvc.perform(get("/api/cases/suggestions")
                        .session(office)
                        .param("phone", phone)
                        .param("category", "PROPERTY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicates[0].phone").value("138****1234"))
                .andExpect(jsonPath("$.answers[0].question").exists());

        // A unit sees nothing before dispatch.
        mvc.perform(get("/api/cases/" + id).session(zjj)).andExpect(status().isNotFound());

        JsonNode view = read(call(
                        office,
                        "/api/cases/" + id + "/dispatch",
                        Map.of(
                                "leadUnitId",
                                unit("ZJJ"),
                                "cooperatingUnitIds",
                                new long[] {unit("CGJ"), unit("DCQ-BGS")},
                                "timeLimit",
                                "COMPLAINT"))
                .andExpect(status().isOk()));
        assertThat(view.get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(view.get("matterId").isNull()).isFalse();
        LocalDate deadline = LocalDate.parse(view.get("deadline").asText());
        assertThat(deadline).isEqualTo(calendar.addWorkingDays(calendar.dateOf(Instant.now()), 13));
        assertThat(view.get("shares")).hasSize(3);

        // Dispatching again is refused, and nothing changes.
        call(office, "/api/cases/" + id + "/dispatch", Map.of("leadUnitId", unit("CGJ")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该件已派单，不能再派单或按首呼解决办结。"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_share WHERE case_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        // The lead unit's liaison sees the case, but the caller asked for confidentiality.
        mvc.perform(get("/api/cases/" + id).session(zjj))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.detail.callerName").value("保密来电人"))
                .andExpect(jsonPath("$.detail.phone").value("保密"));
        // Another unit's liaison does not.
        mvc.perform(get("/api/cases/" + id).session(SignIn.as(mvc, "liyanan"))).andExpect(status().isNotFound());

        // Sign-for by the lead and one cooperating unit.
        call(zjj, "/api/cases/" + id + "/sign", Map.of()).andExpect(status().isOk());
        call(zjj, "/api/cases/" + id + "/sign", Map.of())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("本单位已签收该件。"));
        call(dcq, "/api/cases/" + id + "/sign", Map.of()).andExpect(status().isOk());

        // 市城管局 returns its share, suggesting 市水利局; the office accepts and re-dispatches (改派).
        call(cgj, "/api/cases/" + id + "/return", Map.of("reason", "外墙渗水属住房质量，不属城管职责"))
                .andExpect(status().isBadRequest());
        call(
                        cgj,
                        "/api/cases/" + id + "/return",
                        Map.of("reason", "外墙渗水属住房质量，不属城管职责", "basis", "市城管局三定方案", "suggestedUnitId", unit("SLJ")))
                .andExpect(status().isOk());
        long cgjShare = jdbc.sql("SELECT id FROM case_share WHERE case_id = :id AND unit_id = :u")
                .param("id", id)
                .param("u", unit("CGJ"))
                .query(Long.class)
                .single();
        view = read(
                call(office, "/api/cases/" + id + "/shares/" + cgjShare + "/return-decision", Map.of("accept", true))
                        .andExpect(status().isOk()));
        assertThat(share(view, "SLJ").get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(share(view, "SLJ").get("role").asText()).isEqualTo("COOPERATING");
        // 市城管局 no longer has a step on it.
        call(cgj, "/api/cases/" + id + "/sign", Map.of()).andExpect(status().isForbidden());

        // The lead cannot draft its reply while a cooperating unit has not reported.
        call(zjj, "/api/cases/" + id + "/reply", Map.of("text", "已责成开发商维修"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("还有协办单位未报送办理情况，主办单位暂不能答复。"));

        call(slj, "/api/cases/" + id + "/sign", Map.of()).andExpect(status().isOk());
        call(slj, "/api/cases/" + id + "/report", Map.of("text", "已核查周边排水，无影响")).andExpect(status().isOk());
        call(dcq, "/api/cases/" + id + "/report", Map.of("text", "街道已上门查看，情况属实"))
                .andExpect(status().isOk());

        // Extension: asked by the lead unit before the deadline, approved by the office; the citizen is told.
        LocalDate until = calendar.addWorkingDays(deadline, 5);
        call(zjj, "/api/cases/" + id + "/extension", Map.of("until", until.toString(), "reason", "需第三方检测"))
                .andExpect(status().isOk());
        view = read(call(office, "/api/cases/" + id + "/extension-decision", Map.of("approve", true))
                .andExpect(status().isOk()));
        assertThat(view.get("deadline").asText()).isEqualTo(until.toString());
        call(office, "/api/cases/" + id + "/extension-decision", Map.of("approve", true))
                .andExpect(status().isConflict());

        // The liaison drafts; only the unit's head approves it to the office.
        call(zjj, "/api/cases/" + id + "/reply", Map.of("text", "已责成开发商三十日内完成外墙维修"))
                .andExpect(status().isOk());
        call(zjj, "/api/cases/" + id + "/reply-approval", Map.of("approve", true))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("答复须由本单位主要负责人审批。"));
        assertThat(stateOf(id)).isEqualTo("DISPATCHED");
        call(zjjHead, "/api/cases/" + id + "/reply-approval", Map.of("approve", true))
                .andExpect(status().isOk());
        assertThat(stateOf(id)).isEqualTo("REPLIED");

        // Review, an unsatisfied visit, reopening.
        call(office, "/api/cases/" + id + "/visit", Map.of("satisfaction", "SATISFIED", "solved", "SOLVED"))
                .andExpect(status().isConflict());
        call(office, "/api/cases/" + id + "/review", Map.of("accept", true)).andExpect(status().isOk());
        call(office, "/api/cases/" + id + "/visit", Map.of("satisfaction", "UNSATISFIED", "solved", "PARTLY"))
                .andExpect(status().isOk());
        assertThat(stateOf(id)).isEqualTo("UNSATISFIED");
        view = read(call(office, "/api/cases/" + id + "/reopen", Map.of("reason", "群众反映维修未完成"))
                .andExpect(status().isOk()));
        assertThat(view.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(share(view, "ZJJ").get("status").asText()).isEqualTo("SIGNED");

        // Second round: reply, approved, accepted, unsatisfied again, closed with a recorded reason.
        call(zjj, "/api/cases/" + id + "/reply", Map.of("text", "外墙已全部修复，经第三方检测合格"))
                .andExpect(status().isOk());
        call(zjjHead, "/api/cases/" + id + "/reply-approval", Map.of("approve", true))
                .andExpect(status().isOk());
        call(office, "/api/cases/" + id + "/review", Map.of("accept", true)).andExpect(status().isOk());
        call(office, "/api/cases/" + id + "/visit", Map.of("satisfaction", "VERY_UNSATISFIED", "solved", "SOLVED"))
                .andExpect(status().isOk());
        call(office, "/api/cases/" + id + "/close", Map.of()).andExpect(status().isBadRequest());
        view = read(call(office, "/api/cases/" + id + "/close", Map.of("reason", "已修复并经检测合格，群众要求赔偿超出受理范围"))
                .andExpect(status().isOk()));
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("closing").asText()).isEqualTo("WITH_REASON");

        // Closed: every further step is refused with 409, nothing changes.
        call(office, "/api/cases/" + id + "/reopen", Map.of("reason", "x"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该件已办结，不能再办理。"));
        assertThat(stateOf(id)).isEqualTo("CLOSED");

        // The timeline and the audit trail recorded every step.
        JsonNode detail =
                read(mvc.perform(get("/api/cases/" + id).session(office)).andExpect(status().isOk()));
        assertThat(detail.get("timeline").toString()).contains("申请退单", "改派", "延期", "重办", "说明理由办结");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :p")
                        .param("p", "%\"objectId\":\"" + id + "\"%")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(15);

        // The figures: 市城管局 returned its only share; 市住建局's reply was on time.
        JsonNode figures =
                read(mvc.perform(get("/api/cases/figures").session(office).param("by", "unit"))
                        .andExpect(status().isOk()));
        for (JsonNode f : figures) {
            if (f.get("key").asText().equals(String.valueOf(unit("CGJ")))) {
                assertThat(f.get("returnRate").asDouble()).isEqualTo(100.0);
            }
            if (f.get("key").asText().equals(String.valueOf(unit("ZJJ")))) {
                assertThat(f.get("onTimeCompletionRate").asDouble()).isEqualTo(100.0);
                assertThat(f.get("reopenRate").asDouble()).isGreaterThan(0.0);
            }
        }
        assertThat(figures.toString()).contains("市城管局", "市住建局");

        // The citizen's status page shows only the public notes.
        mvc.perform(get("/public/cases/status")
                        .param("number", detail.get("detail").get("number").asText())
                        .param("phone", phone))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("办理期限延至")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("三定方案"))));
    }

    @Test
    void answeredAtOnceFromTheKnowledgeBase() throws Exception {
        long id = read(call(
                                office,
                                "/api/cases",
                                Map.of("phone", "13700001234", "category", "NOISE", "description", "夜间施工几点停止？"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        long answer = jdbc.sql("SELECT MIN(id) FROM case_knowledge WHERE category_code = 'NOISE'")
                .query(Long.class)
                .single();
        JsonNode view = read(call(office, "/api/cases/" + id + "/first-contact", Map.of("answerId", answer))
                .andExpect(status().isOk()));
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("closing").asText()).isEqualTo("FIRST_CONTACT");
        call(office, "/api/cases/" + id + "/dispatch", Map.of()).andExpect(status().isConflict());
    }

    @Test
    void dispatchByTheCatalogueAndMergeAndSuspension() throws Exception {
        long master = read(call(
                                office,
                                "/api/cases",
                                Map.of(
                                        "district",
                                        "DCQ",
                                        "category",
                                        "NOISE",
                                        "address",
                                        "和平路工地",
                                        "description",
                                        "工地夜间施工扰民"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        JsonNode view = read(
                call(office, "/api/cases/" + master + "/dispatch", Map.of()).andExpect(status().isOk()));
        assertThat(view.get("leadUnitId").asLong()).isEqualTo(unit("DCQ-CGJ"));
        assertThat(view.get("timeLimitCode").asText()).isEqualTo("COMPLAINT");

        JsonNode dup = read(call(
                        office,
                        "/api/cases",
                        Map.of("district", "DCQ", "category", "NOISE", "address", "和平路工地", "description", "同一工地夜间施工"))
                .andExpect(status().isCreated()));
        mvc.perform(get("/api/cases/suggestions")
                        .session(office)
                        .param("address", "和平路工地")
                        .param("category", "NOISE"))
                .andExpect(jsonPath("$.duplicates.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        call(
                        office,
                        "/api/cases/" + dup.get("id").asLong() + "/merge",
                        Map.of("master", dup.get("number").asText()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("不能并入自身。"));
        String masterNumber = view.get("number").asText();
        view = read(call(office, "/api/cases/" + dup.get("id").asLong() + "/merge", Map.of("master", masterNumber))
                .andExpect(status().isOk()));
        assertThat(view.get("status").asText()).isEqualTo("MERGED");
        assertThat(view.get("masterNumber").asText()).isEqualTo(masterNumber);

        // Suspension: visible, refused twice, resumed.
        call(office, "/api/cases/" + master + "/suspend", Map.of("reason", "等待群众提供施工时间证据"))
                .andExpect(status().isOk());
        call(office, "/api/cases/" + master + "/suspend", Map.of("reason", "again"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该件已暂停计时。"));
        view = read(call(office, "/api/cases/" + master + "/resume", Map.of()).andExpect(status().isOk()));
        assertThat(view.get("suspendedSince").isNull()).isTrue();
        call(office, "/api/cases/" + master + "/resume", Map.of()).andExpect(status().isConflict());

        // A liaison may not act as the office.
        call(zjj, "/api/cases/" + master + "/suspend", Map.of("reason", "x")).andExpect(status().isForbidden());
    }

    @Test
    void aLeadersDelegationRecordsTheInstructionAndTheAuthority() throws Exception {
        long id = read(call(
                                office,
                                "/api/cases",
                                Map.of("category", "STREET", "district", "XHQ", "description", "夜市占道经营，消防通道被堵"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        long chen = directory.personByCode("P0003").orElseThrow().id();
        call(office, "/api/cases/" + id + "/dispatch", Map.of("delegatedBy", chen, "instruction", "请西湖区牵头整治"))
                .andExpect(status().isBadRequest());
        JsonNode view = read(call(
                        office,
                        "/api/cases/" + id + "/dispatch",
                        Map.of("delegatedBy", chen, "instruction", "请西湖区牵头，一周内整治到位", "authority", "可协调城管、消防联合执法"))
                .andExpect(status().isOk()));
        assertThat(view.get("delegatedByName").asText()).isEqualTo("陈志华");
        assertThat(view.get("delegationScope").asText()).isEqualTo("可协调城管、消防联合执法");
        assertThat(view.get("leadUnitId").asLong()).isEqualTo(unit("XHQ-CGJ"));
        JsonNode detail =
                read(mvc.perform(get("/api/cases/" + id).session(office)).andExpect(status().isOk()));
        assertThat(detail.get("timeline").toString()).contains("领导交办", "一周内整治到位");
    }

    @Test
    void badInputChangesNothing() throws Exception {
        call(office, "/api/cases", Map.of("description", "x".repeat(4001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请填写诉求内容（不超过4000个字符）。"));
        call(office, "/api/cases", Map.of("description", "有事", "category", "NOPE"))
                .andExpect(status().isBadRequest());
    }
}
