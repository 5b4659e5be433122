package org.accord.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
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
import org.springframework.test.web.servlet.MvcResult;

/**
 * The duty desk through its pages and API: a level II building collapse reported by a resident is taken, the
 * leaders and the plan's units are told at once, the first report goes up unverified within its clock, the
 * verification, a leader's instruction relayed, a follow-up and the final report, each as valid CAP 1.2.
 */
@IntegrationTest
class DutyIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    MockHttpSession officer;
    long dcq;

    @BeforeEach
    void setUp() throws Exception {
        officer = SignIn.as(mvc, "caiyuxuan");
        dcq = directory.unitByCode("DCQ").orElseThrow().id();
    }

    @Test
    void fromIntakeToTheFinalReport() throws Exception {
        Instant received = Instant.now().minusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String receivedLocal =
                ZonedDateTime.ofInstant(received, calendar.zone()).format(DutyPages.LOCAL_SECONDS);
        long id = intake(receivedLocal, "II", "", "听说建设路一栋居民楼垮塌，可能有人被困", false);

        // Received to the second; a resident with hedging words: verification advised, still unverified.
        mvc.perform(get("/api/incidents/" + id).session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.receivedAt").value(received.toString()))
                .andExpect(jsonPath("$.verification").value("UNVERIFIED"))
                .andExpect(jsonPath("$.verificationAdvised").value(true))
                .andExpect(jsonPath("$.verificationReasons").value(org.hamcrest.Matchers.containsString("听说")))
                .andExpect(jsonPath("$.clocks[0].channel").value("PHONE"))
                .andExpect(jsonPath("$.clocks[0].due")
                        .value(received.plus(Duration.ofMinutes(30)).toString()))
                .andExpect(jsonPath("$.clocks[1].channel").value("WRITTEN"))
                .andExpect(jsonPath("$.clocks[1].due")
                        .value(received.plus(Duration.ofHours(1)).toString()));

        // Told at once: the leader on duty, the leader overseeing 东城区, and the plan's five units.
        List<String> told = jdbc.sql(
                        "SELECT kind || ':' || name FROM duty_notification WHERE incident_id = :id ORDER BY id")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(told).anyMatch(row -> row.startsWith("LEADER_ON_DUTY:"));
        assertThat(told).anyMatch(row -> row.startsWith("OVERSEEING_LEADER:李明远"));
        assertThat(told).contains("UNIT:市应急管理局", "UNIT:市消防救援支队", "UNIT:市卫健委", "UNIT:东城区政府办公室", "UNIT:东城区应急管理局");
        long leaderOnDuty = jdbc.sql(
                        "SELECT person_id FROM duty_notification WHERE incident_id = :id AND kind = 'LEADER_ON_DUTY'")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND link = :link")
                        .param("p", leaderOnDuty)
                        .param("link", "/duty/incidents/" + id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // The incident is a kernel matter; the first arrangements are supervised tasks.
        long matterId = jdbc.sql("SELECT matter_id FROM duty_incident WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        mvc.perform(get("/api/matters/" + matterId).session(officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("INCIDENT"))
                .andExpect(jsonPath("$.parties.length()").value(5));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_task t JOIN duty_arrangement a ON a.task_id = t.id"
                                + " WHERE a.incident_id = :id AND t.source_kind = 'ARRANGEMENT'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);

        // The liaisons acknowledge on their page; another unit's liaison does not see the incident.
        MockHttpSession lupeng = SignIn.as(mvc, "lupeng");
        String acks = mvc.perform(get("/duty/acks").session(lupeng))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(acks).contains("建设路").contains("确认收悉");
        long yjjRow = notification(id, "市应急管理局");
        mvc.perform(post("/duty/notifications/" + yjjRow + "/ack")
                        .session(lupeng)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/duty/notifications/" + yjjRow + "/ack")
                        .session(lupeng)
                        .with(csrf()))
                .andExpect(status().isConflict());
        long xfzdRow = notification(id, "市消防救援支队");
        // He sees the incident (his unit was told) but cannot acknowledge for another unit.
        mvc.perform(post("/duty/notifications/" + xfzdRow + "/ack")
                        .session(lupeng)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        MockHttpSession weilijuan = SignIn.as(mvc, "weilijuan");
        mvc.perform(get("/duty/incidents/" + id).session(weilijuan)).andExpect(status().isNotFound());
        mvc.perform(get("/api/incidents/" + id + "/cap").session(weilijuan)).andExpect(status().isNotFound());
        // The officer records an acknowledgment taken by phone, with how.
        mvc.perform(post("/duty/notifications/" + xfzdRow + "/ack")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/duty/notifications/" + xfzdRow + "/ack")
                        .param("note", "电话确认，支队值班员")
                        .param("back", "incident")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/duty/incidents/" + id));

        // The first report of a level II incident goes up unverified, within its clock, and is an Alert.
        long first = draft(id, "FIRST");
        String body = mvc.perform(
                        get("/duty/incidents/" + id + "/reports/" + first).session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).contains("【初报】").contains("核实状态：未核实").contains("现场联系人");
        mvc.perform(post("/duty/incidents/" + id + "/phone-report")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        submit(id, first);
        mvc.perform(get("/api/incidents/" + id).session(officer))
                .andExpect(jsonPath("$.clocks[0].state").value("MET"))
                .andExpect(jsonPath("$.clocks[1].state").value("MET"))
                .andExpect(jsonPath("$.clocks[2].channel").value("FOLLOW_UP"));
        String alert = cap(id, first);
        assertThat(alert)
                .contains("<msgType>Alert</msgType>")
                .contains("<certainty>Possible</certainty>")
                .contains("<status>Actual</status>")
                .doesNotContain("<references>");
        submitAgainIsRefused(id, first);

        // Verified: who, how, when.
        verify(id, "VERIFYING", "电话联系东城区总值班室");
        verify(id, "VERIFIED", "区应急局现场确认");
        mvc.perform(post("/duty/incidents/" + id + "/verification")
                        .param("state", "FALSE")
                        .param("how", "x")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_verification WHERE incident_id = :id AND by_name = '蔡雨萱'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // A leader's instruction taken by phone, relayed to the units in one step, beside its original.
        long chenzhihua = directory.personByCode("P0003").orElseThrow().id();
        mvc.perform(post("/duty/incidents/" + id + "/instructions")
                        .param("leaderId", String.valueOf(chenzhihua))
                        .param("text", "全力搜救被困人员，防止次生灾害")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_notification WHERE incident_id = :id AND kind = 'INSTRUCTION'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        mvc.perform(get("/api/matters/" + matterId + "/timeline").session(officer))
                .andExpect(
                        jsonPath("$[?(@.action == 'relayed')].relayedEntryId").isNotEmpty())
                .andExpect(jsonPath("$[?(@.action == 'instruction')].text")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("全力搜救被困人员"))));

        // A follow-up states what changed and updates the alert; then the end and the final report.
        long followUp = draft(id, "FOLLOW_UP");
        String changes = jdbc.sql("SELECT changes FROM duty_report WHERE id = :r")
                .param("r", followUp)
                .query(String.class)
                .single();
        assertThat(changes).contains("情况变化").contains("处置进展").contains("已核实").contains("需要支持");
        submit(id, followUp);
        String update = cap(id, followUp);
        assertThat(update)
                .contains("<msgType>Update</msgType>")
                .contains("<certainty>Observed</certainty>")
                .contains("ACCORD-DUTY-" + id + "-1,");
        mvc.perform(post("/duty/incidents/" + id + "/end").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long last = draft(id, "FINAL");
        submit(id, last);
        assertThat(cap(id, last)).contains("ACCORD-DUTY-" + id + "-2,").contains("<msgType>Update</msgType>");
        mvc.perform(get("/api/incidents/" + id).session(officer))
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/duty/incidents/" + id + "/reports")
                        .param("kind", "FOLLOW_UP")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_report WHERE incident_id = :id AND submitted_to IS NOT NULL")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aLowerLevelDoubtfulReportWaitsForVerificationAndAFalseOneEndsWithACorrection() throws Exception {
        long id = intake("", "III", "", "网传某小区疑似燃气爆炸", true);
        mvc.perform(get("/duty/incidents/" + id).session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("演练")));
        long first = draft(id, "FIRST");
        mvc.perform(post("/duty/incidents/" + id + "/reports/" + first + "/submit")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("核实前不上报")));
        mvc.perform(post("/duty/incidents/" + id + "/phone-report")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isConflict());
        verify(id, "VERIFYING", "联系区值班室");
        verify(id, "FALSE", "区值班室现场查看，无爆炸");
        // Found false: the response ends and the first draft still waits; once it is out, the correction follows.
        submit(id, first);
        long correction = draft(id, "FINAL");
        assertThat(jdbc.sql("SELECT correcting FROM duty_report WHERE id = :r")
                        .param("r", correction)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        submit(id, correction);
        String cancel = cap(id, correction);
        assertThat(cancel)
                .contains("<msgType>Cancel</msgType>")
                .contains("<status>Exercise</status>")
                .contains("<certainty>Unlikely</certainty>");
        mvc.perform(get("/api/incidents/" + id + "/cap").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<msgType>Cancel</msgType>")));
    }

    @Test
    void badInputChangesNothing() throws Exception {
        int before = jdbc.sql("SELECT COUNT(*) FROM duty_incident")
                .query(Integer.class)
                .single();
        mvc.perform(post("/duty/incidents")
                        .param("place", "x")
                        .param("reporterName", "王")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请填写事件类型")));
        mvc.perform(post("/api/incidents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"reporterName\":\"王\",\"eventType\":\"火灾\",\"place\":\"x\",\"what\":\"y\",\"receivedAt\":\"yesterday\"}")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("格式不正确")));
        mvc.perform(post("/api/incidents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"V\"}")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_incident")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void theApiTakesAnIncidentFromAnAuthoritativeUnitWithoutAdvisingVerification() throws Exception {
        long yjj = directory.unitByCode("YJJ").orElseThrow().id();
        MvcResult result = mvc.perform(post("/api/incidents")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reporterUnitId\":" + yjj + ",\"reporterName\":\"值班员\",\"eventType\":\"道路交通事故\","
                                + "\"level\":\"IV\",\"place\":\"环城路\",\"what\":\"两车相撞，一人受伤\",\"injured\":1}")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andReturn();
        long id = Long.parseLong(result.getResponse().getContentAsString().replaceAll("\\D", ""));
        mvc.perform(get("/api/incidents/" + id).session(officer))
                .andExpect(jsonPath("$.verificationAdvised").value(false))
                .andExpect(jsonPath("$.clocks[0].due").exists());
        String preview = mvc.perform(get("/api/incidents/" + id + "/cap").session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        CapSchema.validate(preview);
        assertThat(preview).contains("<certainty>Likely</certainty>").contains("<category>Transport</category>");
    }

    @Test
    void theOverseeingLeaderGivesAnInstructionInTheAppAndItIsRelayedToTheUnits() throws Exception {
        long zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        MvcResult result = mvc.perform(post("/duty/incidents")
                        .param(
                                "reporterUnitId",
                                String.valueOf(directory
                                        .unitByCode("YJJ")
                                        .orElseThrow()
                                        .id()))
                        .param("eventType", "房屋垮塌")
                        .param("level", "II")
                        .param("districtUnitId", String.valueOf(dcq))
                        .param("concernedUnitId", String.valueOf(zjj))
                        .param("place", "和平路8号")
                        .param("what", "一栋老旧住宅楼局部垮塌")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().replace("/duty/incidents/", ""));
        // 市住建局 is the unit concerned: 陈志华, who oversees it, is told and sees the incident.
        MockHttpSession chenzhihua = SignIn.as(mvc, "chenzhihua");
        mvc.perform(get("/duty/incidents/" + id).session(chenzhihua))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("和平路8号房屋垮塌")));
        mvc.perform(post("/duty/incidents/" + id + "/instructions")
                        .param("text", "立即组织排查周边同类房屋")
                        .session(chenzhihua)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT by_phone FROM duty_instruction WHERE incident_id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_notification WHERE incident_id = :id AND kind = 'INSTRUCTION'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        // A leader cannot take the officer's steps.
        mvc.perform(post("/duty/incidents/" + id + "/verification")
                        .param("state", "VERIFIED")
                        .param("how", "x")
                        .session(chenzhihua)
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theRosterNeedsTwoOfficersOnAHolidayAndKeepsHandoversInTheLog() throws Exception {
        long leader = directory.personByCode("P0004").orElseThrow().id();
        // 2026-10-01 is National Day.
        mvc.perform(post("/duty/roster")
                        .param("day", "2026-10-01")
                        .param("leaderId", String.valueOf(leader))
                        .param("staff", "P0031")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("须安排两名值班人员")));
        mvc.perform(post("/duty/roster")
                        .param("day", "2026-10-01")
                        .param("leaderId", String.valueOf(leader))
                        .param("staff", "P0031, P0011")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT double_staffed FROM duty_shift WHERE leader_id = :l AND staff_ids = :s")
                        .param("l", leader)
                        .param(
                                "s",
                                directory.personByCode("P0031").orElseThrow().id() + ","
                                        + directory
                                                .personByCode("P0011")
                                                .orElseThrow()
                                                .id())
                        .query(Boolean.class)
                        .list())
                .contains(true);
        mvc.perform(post("/duty/handovers")
                        .param("to", "P0011")
                        .param("openItems", "建设路垮塌事件待终报")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/duty/roster").session(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("建设路垮塌事件待终报")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("蔡雨萱 向 黄海涛 交班")));
    }

    long intake(String receivedAt, String level, String reporterUnit, String what, boolean drill) throws Exception {
        MvcResult result = mvc.perform(post("/duty/incidents")
                        .param("receivedAt", receivedAt)
                        .param("reporterUnitId", reporterUnit)
                        .param("reporterName", "王女士")
                        .param("reporterPhone", "13800001111")
                        .param("channel", "PHONE")
                        .param("eventClass", "ACCIDENT")
                        .param("eventType", "房屋垮塌")
                        .param("level", level)
                        .param("districtUnitId", String.valueOf(dcq))
                        .param("place", "建设路12号")
                        .param("what", what)
                        .param("injured", "2")
                        .param("missing", "3")
                        .param("drill", String.valueOf(drill))
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return Long.parseLong(result.getResponse().getRedirectedUrl().replace("/duty/incidents/", ""));
    }

    long notification(long incident, String name) {
        return jdbc.sql("SELECT id FROM duty_notification WHERE incident_id = :id AND name = :name AND kind = 'UNIT'")
                .param("id", incident)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    long draft(long id, String kind) throws Exception {
        MvcResult result = mvc.perform(post("/duty/incidents/" + id + "/reports")
                        .param("kind", kind)
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    void submit(long id, long report) throws Exception {
        mvc.perform(post("/duty/incidents/" + id + "/reports/" + report + "/submit")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    void submitAgainIsRefused(long id, long report) throws Exception {
        mvc.perform(post("/duty/incidents/" + id + "/reports/" + report + "/submit")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isConflict());
    }

    void verify(long id, String state, String how) throws Exception {
        mvc.perform(post("/duty/incidents/" + id + "/verification")
                        .param("state", state)
                        .param("how", how)
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    String cap(long id, long report) throws Exception {
        String xml = mvc.perform(get("/api/incidents/" + id + "/reports/" + report + "/cap")
                        .session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        CapSchema.validate(xml);
        return xml;
    }
}
