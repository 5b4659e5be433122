package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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

/** 收文 through its pages and API, as the clerk, the sender's liaison and two leaders do it. */
@IntegrationTest
class IncomingIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    IncomingTimers timers;

    @Autowired
    JdbcClient jdbc;

    long zjj;
    long wdk;
    long weilijuan;
    long chenzhihua;
    long liufang;
    long longminghui;
    LocalDate today;

    @BeforeEach
    void setUp() {
        zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        wdk = directory.unitByCode("SZFB-WDK").orElseThrow().id();
        weilijuan = directory.personByCode("P0076").orElseThrow().id();
        chenzhihua = directory.personByCode("P0003").orElseThrow().id();
        liufang = directory.personByCode("P0004").orElseThrow().id();
        longminghui = directory.personByCode("P0022").orElseThrow().id();
        today = calendar.dateOf(Instant.now());
    }

    @Test
    void signedRegisteredReturnedRegisteredAgainRoutedCirculatedRemindedAndAnswered() throws Exception {
        MockHttpSession clerk = SignIn.as(mvc, "huanghaitao");
        MockHttpSession liaison = SignIn.as(mvc, "weilijuan");
        MockHttpSession otherLiaison = SignIn.as(mvc, "yuanying");
        MockHttpSession chen = SignIn.as(mvc, "chenzhihua");
        MockHttpSession liu = SignIn.as(mvc, "liufang");
        String signedAt = LocalDateTime.now(calendar.zone())
                .minusMinutes(5)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);

        // 签收 and 登记 in one go, as the register form does it.
        MvcResult created = mvc.perform(post("/documents/incoming")
                        .session(clerk)
                        .with(csrf())
                        .param("channel", "CONFIDENTIAL_EXCHANGE")
                        .param("signedAt", signedAt)
                        .param("senderUnitId", String.valueOf(zjj))
                        .param("senderNumber", "示例建发〔2026〕41号")
                        .param("title", "关于申请老旧小区改造补助资金和增设停车位的请示")
                        .param("genre", "REQUEST")
                        .param("urgency", "URGENT")
                        .param("copies", "2")
                        .param("pages", "5")
                        .param("attachments", "改造项目清单\r\n资金测算表")
                        .param("receivedOn", today.toString())
                        .param("answerBy", today.plusDays(20).toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = idOf(created);
        String number = receiptNumberOf(id);
        assertThat(number).matches("收文〔" + today.getYear() + "〕[1-9][0-9]*号");
        assertThat(stateOf(id)).isEqualTo("REGISTERED");
        mvc.perform(get("/documents/incoming/" + id).session(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("示例市住房和城乡建设局")))
                .andExpect(content().string(containsString("机要交换")))
                .andExpect(content().string(containsString(signedAt.replace('T', ' '))))
                .andExpect(content().string(containsString("改造项目清单；资金测算表")));

        // Out of order: nothing is routed before the check.
        mvc.perform(post("/documents/incoming/" + id + "/route")
                        .session(clerk)
                        .with(csrf())
                        .param("unitId", String.valueOf(wdk))
                        .param("opinion", "请文电科研办"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("只有初审通过的来文才能交办")));
        assertThat(stateOf(id)).isEqualTo("REGISTERED");

        // 初审: one 请示 asks for two matters, so it goes back; the sender's liaison is told why.
        mvc.perform(post("/documents/incoming/" + id + "/check")
                        .session(clerk)
                        .with(csrf())
                        .param("decision", "return")
                        .param("reasonKind", "SEVERAL_MATTERS")
                        .param("reason", "补助资金与停车位请分别行文"))
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(id)).isEqualTo("RETURNED");
        assertThat(inbox(weilijuan, "documents.incoming.returned", id)).isEqualTo(1);
        mvc.perform(get("/documents/incoming/" + id).session(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已退文")))
                .andExpect(content().string(containsString("一文多事")))
                .andExpect(content().string(containsString("补助资金与停车位请分别行文")));
        mvc.perform(get("/api/documents/incoming/" + id).session(liaison))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.document.state").value("RETURNED"))
                .andExpect(jsonPath("$.document.returnReasonKind").value("SEVERAL_MATTERS"))
                .andExpect(jsonPath("$.document.returnReason").value("补助资金与停车位请分别行文"))
                .andExpect(jsonPath("$.circulation").isEmpty());
        mvc.perform(get("/documents/incoming/" + id).session(otherLiaison)).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/incoming/" + id).session(otherLiaison))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("没有这件来文，或您无权查看。"));
        // Not yet circulated: no leader sees it.
        mvc.perform(get("/documents/incoming/" + id).session(chen)).andExpect(status().isNotFound());

        // The corrected 请示 comes back: registered again under the same receipt number.
        mvc.perform(post("/documents/incoming/" + id + "/register")
                        .session(clerk)
                        .with(csrf())
                        .param("senderUnitId", String.valueOf(zjj))
                        .param("senderNumber", "示例建发〔2026〕45号")
                        .param("title", "关于申请老旧小区改造补助资金的请示")
                        .param("genre", "REQUEST")
                        .param("urgency", "URGENT")
                        .param("copies", "1")
                        .param("attachments", "改造项目清单")
                        .param("receivedOn", today.toString())
                        .param("answerBy", today.plusDays(20).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(id)).isEqualTo("REGISTERED");
        assertThat(receiptNumberOf(id)).isEqualTo(number);

        mvc.perform(post("/documents/incoming/" + id + "/check")
                        .session(clerk)
                        .with(csrf())
                        .param("decision", "accept"))
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(id)).isEqualTo("ACCEPTED");

        // 承办 by 文电科 with a proposed handling and a deadline; the section hears of it.
        LocalDate deadline = calendar.addWorkingDays(today, 5);
        mvc.perform(post("/documents/incoming/" + id + "/route")
                        .session(clerk)
                        .with(csrf())
                        .param("unitId", String.valueOf(wdk))
                        .param("opinion", "请文电科会同市财政局研提意见")
                        .param("deadline", deadline.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(id)).isEqualTo("ROUTED");
        assertThat(inbox(longminghui, "documents.incoming.routed", id)).isEqualTo(1);
        assertThat(scheduled(id + "@" + deadline)).isEqualTo(2);
        String remindAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(timers.dueAt(IncomingTimers.Kind.REMIND, deadline).atZone(calendar.zone()));
        mvc.perform(get("/documents/incoming/" + id).session(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("催办提醒")))
                .andExpect(content().string(containsString(remindAt)))
                .andExpect(content().string(containsString("待发送")))
                .andExpect(content().string(not(containsString("已发送"))));

        // 传阅 to two leaders, in order; each reads it on his page and writes.
        mvc.perform(post("/documents/incoming/" + id + "/circulate")
                        .session(clerk)
                        .with(csrf())
                        .param("leaderId", String.valueOf(chenzhihua))
                        .param("leaderId", String.valueOf(liufang)))
                .andExpect(status().is3xxRedirection());
        assertThat(inbox(chenzhihua, "documents.incoming.circulated", id)).isEqualTo(1);
        assertThat(inbox(liufang, "documents.incoming.circulated", id)).isEqualTo(1);
        mvc.perform(get("/leader").session(chen))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待阅来文")))
                .andExpect(content().string(containsString("关于申请老旧小区改造补助资金的请示")))
                .andExpect(content().string(containsString("/documents/incoming/" + id + "/read")));
        mvc.perform(post("/documents/incoming/" + id + "/read")
                        .session(chen)
                        .with(csrf())
                        .param("kind", "INSTRUCTION")
                        .param("instruction", "请文电科抓紧研究，按时答复市住建局。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/documents/incoming/" + id + "/read")
                        .session(chen)
                        .with(csrf())
                        .param("instruction", "再阅"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("您已阅过此件")));
        // From the leader's page only the text comes: a 批示 by default.
        mvc.perform(post("/documents/incoming/" + id + "/read")
                        .session(liu)
                        .with(csrf())
                        .param("instruction", "同意拟办意见。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/leader").session(chen))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/documents/incoming/" + id + "/read"))));
        List<String> readers = jdbc.sql("SELECT person_name || ':' || read_kind || ':' || remark"
                        + " FROM documents_incoming_reader WHERE document_id = :id ORDER BY position")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(readers).containsExactly("陈志华:INSTRUCTION:请文电科抓紧研究，按时答复市住建局。", "刘芳:INSTRUCTION:同意拟办意见。");
        assertThat(inbox(longminghui, "documents.incoming.read", id)).isEqualTo(2);
        mvc.perform(get("/documents/incoming/" + id).session(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请文电科抓紧研究，按时答复市住建局。")))
                .andExpect(content().string(containsString("同意拟办意见。")));
        // The sender's liaison sees neither the circulation nor the office's proposed handling.
        mvc.perform(get("/documents/incoming/" + id).session(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("承办中")))
                .andExpect(content().string(not(containsString("请文电科会同市财政局研提意见"))))
                .andExpect(content().string(not(containsString("按时答复市住建局"))));

        // 催办: by hand, then the persisted timers (each sends once).
        mvc.perform(post("/documents/incoming/" + id + "/remind")
                        .session(clerk)
                        .with(csrf())
                        .param("note", "请于本周内报送办理意见"))
                .andExpect(status().is3xxRedirection());
        assertThat(inbox(longminghui, "documents.incoming.reminded", id)).isEqualTo(1);
        timers.fire(IncomingTimers.Kind.REMIND, id + "@" + deadline);
        timers.fire(IncomingTimers.Kind.REMIND, id + "@" + deadline);
        timers.fire(IncomingTimers.Kind.OVERDUE, id, deadline);
        timers.fire(IncomingTimers.Kind.REMIND, id, deadline.minusDays(1)); // a deadline no longer current
        assertThat(reminders(id)).containsExactly("REMIND", "OVERDUE");
        assertThat(inbox(longminghui, "documents.incoming.remind", id)).isEqualTo(1);
        assertThat(inbox(longminghui, "documents.incoming.overdue", id)).isEqualTo(1);
        mvc.perform(get("/documents/incoming/" + id).session(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已发送")))
                .andExpect(content().string(not(containsString("待发送"))));

        // 答复, which closes it; the liaison is told and sees how it was answered.
        mvc.perform(post("/documents/incoming/" + id + "/reply")
                        .session(clerk)
                        .with(csrf())
                        .param("kind", "DOCUMENT")
                        .param("on", today.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写文号")));
        assertThat(stateOf(id)).isEqualTo("ROUTED");
        mvc.perform(post("/documents/incoming/" + id + "/reply")
                        .session(clerk)
                        .with(csrf())
                        .param("kind", "DOCUMENT")
                        .param("reference", "示例府办函〔2026〕15号")
                        .param("on", today.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(id)).isEqualTo("CLOSED");
        assertThat(inbox(weilijuan, "documents.incoming.replied", id)).isEqualTo(1);
        mvc.perform(get("/documents/incoming/" + id).session(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已办结")))
                .andExpect(content().string(containsString("示例府办函〔2026〕15号")));
        mvc.perform(post("/documents/incoming/" + id + "/reply")
                        .session(clerk)
                        .with(csrf())
                        .param("kind", "PHONE")
                        .param("on", today.toString()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("只有承办中的来文才能答复办结")));
        mvc.perform(post("/documents/incoming/" + id + "/remind").session(clerk).with(csrf()))
                .andExpect(status().isConflict());
        // A closed document's timers do nothing.
        timers.fire(IncomingTimers.Kind.OVERDUE, id, deadline.plusDays(3));
        assertThat(reminders(id)).containsExactly("REMIND", "OVERDUE");

        assertThat(timeline(id))
                .containsExactly(
                        "SIGNED",
                        "REGISTERED",
                        "RETURNED",
                        "REGISTERED",
                        "ACCEPTED",
                        "ROUTED",
                        "CIRCULATED",
                        "READ",
                        "READ",
                        "REMINDED",
                        "REMIND_NOTICE",
                        "OVERDUE_NOTICE",
                        "REPLIED");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(audited(id))
                        .contains(
                                "sign",
                                "register",
                                "return",
                                "register-again",
                                "accept",
                                "route",
                                "circulate",
                                "read",
                                "remind",
                                "overdue",
                                "reply"));
    }

    @Test
    void theApiRegistersListsWithinTheScopeAndAnswersProblemsInChinese() throws Exception {
        MockHttpSession clerk = SignIn.as(mvc, "huanghaitao");
        MockHttpSession liaison = SignIn.as(mvc, "weilijuan");
        String json = """
                {"channel": "ELECTRONIC", "senderName": "示例省住房和城乡建设厅", "senderNumber": "示例建函〔2026〕7号",
                 "title": "关于报送城市更新工作情况的函", "genre": "LETTER", "attachments": ["报表"],
                 "receivedOn": "%s", "answerBy": "%s"}
                """.formatted(today.minusDays(20), today.minusDays(10));
        MvcResult created = mvc.perform(post("/api/documents/incoming")
                        .session(clerk)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("REGISTERED"))
                .andExpect(jsonPath("$.stateText").value("已登记待初审"))
                .andExpect(jsonPath("$.senderUnitId").doesNotExist())
                .andExpect(jsonPath("$.receiptNumber").value(org.hamcrest.Matchers.startsWith("收文〔")))
                .andExpect(jsonPath("$.due").value("overdue"))
                .andReturn();
        long id = Long.parseLong(
                created.getResponse().getHeader("Location").substring("/api/documents/incoming/".length()));

        mvc.perform(get("/api/documents/incoming").param("overdue", "true").session(clerk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());
        mvc.perform(get("/documents/incoming").param("overdue", "true").session(clerk))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("incoming-due-overdue")))
                .andExpect(content().string(containsString("关于报送城市更新工作情况的函")));
        // An outside sender's document is not the liaison's, and one not circulated is no leader's.
        mvc.perform(get("/api/documents/incoming").session(liaison))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").doesNotExist());
        mvc.perform(get("/api/documents/incoming").session(SignIn.as(mvc, "chenzhihua")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").doesNotExist());

        // Bad input changes nothing.
        long before = count();
        mvc.perform(post("/documents/incoming")
                        .session(clerk)
                        .with(csrf())
                        .param("channel", "POST")
                        .param("senderName", "某单位")
                        .param("title", "关于某事的函")
                        .param("receivedOn", today.plusDays(1).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("收文日期不正确，且不能晚于今天。")));
        mvc.perform(post("/documents/incoming")
                        .session(clerk)
                        .with(csrf())
                        .param("channel", "CARRIER_PIGEON")
                        .param("senderName", "某单位")
                        .param("title", "关于某事的函"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择来文方式。")));
        assertThat(count()).isEqualTo(before);

        mvc.perform(post("/api/documents/incoming")
                        .session(clerk)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\": \"POST\", \"senderName\": \"某单位\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("请填写标题（不超过 300 字）。"));
        mvc.perform(post("/api/documents/incoming/" + id + "/register")
                        .session(clerk)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("只有已签收或已退文的来文才能登记。"));

        // Signed for only, registered later: the number comes with the registration.
        MvcResult signed = mvc.perform(post("/api/documents/incoming")
                        .session(clerk)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\": \"IN_PERSON\", \"senderUnitId\": " + zjj
                                + ", \"title\": \"关于某事的报告\", \"register\": false}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("SIGNED"))
                .andExpect(jsonPath("$.receiptNumber").doesNotExist())
                .andExpect(jsonPath("$.senderName").value("示例市住房和城乡建设局"))
                .andReturn();
        long signedId = Long.parseLong(
                signed.getResponse().getHeader("Location").substring("/api/documents/incoming/".length()));
        mvc.perform(post("/api/documents/incoming/" + signedId + "/register")
                        .session(clerk)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"senderUnitId\": " + zjj + ", \"title\": \"关于某事的报告\", \"genre\": \"REPORT\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("REGISTERED"))
                .andExpect(jsonPath("$.receiptNumber").value(org.hamcrest.Matchers.startsWith("收文〔")));
        mvc.perform(get("/api/documents/incoming/" + signedId).session(liaison))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.document.title").value("关于某事的报告"))
                .andExpect(jsonPath("$.timeline[0].kind").value("SIGNED"));
    }

    long idOf(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/documents/incoming/");
        return Long.parseLong(location.substring("/documents/incoming/".length()));
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM documents_incoming")
                .query(Long.class)
                .single();
    }

    String stateOf(long id) {
        return jdbc.sql("SELECT state FROM documents_incoming WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    String receiptNumberOf(long id) {
        return jdbc.sql(
                        "SELECT '收文〔' || receipt_year || '〕' || receipt_seq || '号' FROM documents_incoming WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    int inbox(long personId, String kind, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND kind = :k AND link = :l")
                .param("p", personId)
                .param("k", kind)
                .param("l", "/documents/incoming/" + id)
                .query(Integer.class)
                .single();
    }

    int scheduled(String instance) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = :i")
                .param("i", instance)
                .query(Integer.class)
                .single();
    }

    List<String> reminders(long id) {
        return jdbc.sql("SELECT kind FROM documents_incoming_reminder WHERE document_id = :id ORDER BY id")
                .param("id", id)
                .query(String.class)
                .list();
    }

    List<String> timeline(long id) {
        return jdbc.sql("SELECT kind FROM documents_incoming_event WHERE document_id = :id ORDER BY id")
                .param("id", id)
                .query(String.class)
                .list();
    }

    List<String> audited(long id) {
        return jdbc.sql("SELECT action FROM audit_record WHERE module = 'documents' AND object_type = 'incoming'"
                        + " AND object_id = :id ORDER BY id")
                .param("id", String.valueOf(id))
                .query(String.class)
                .list();
    }
}
