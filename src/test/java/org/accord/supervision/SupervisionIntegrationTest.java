package org.accord.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.MeasureAdopted;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** 督办 through its pages, its API, the MeasureAdopted event and its timers. */
@IntegrationTest
@TestPropertySource(properties = "db-scheduler.polling-interval=1s")
class SupervisionIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final AtomicLong SOURCES = new AtomicLong(50_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    Supervision supervision;

    @Autowired
    SupervisionTimers timers;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    long zjj;
    long slj;
    long weilijuan;
    long chenzhihua;
    LocalDate today;

    @BeforeEach
    void setUp() {
        zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        slj = directory.unitByCode("SLJ").orElseThrow().id();
        weilijuan = directory.personByCode("P0076").orElseThrow().id();
        chenzhihua = directory.personByCode("P0003").orElseThrow().id();
        today = calendar.dateOf(Instant.now());
    }

    long open(long lead, Set<Long> cooperating, LocalDate deadline) {
        return supervision.open(new TaskRequest(
                SourceKind.DELEGATION, SOURCES.incrementAndGet(), "推进老旧小区改造", lead, cooperating, deadline));
    }

    String statusOf(long taskId) {
        return jdbc.sql("SELECT status FROM supervision_task WHERE id = :id")
                .param("id", taskId)
                .query(String.class)
                .single();
    }

    int reminders(long taskId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_reminder WHERE task_id = :id AND kind = :kind")
                .param("id", taskId)
                .param("kind", kind)
                .query(Integer.class)
                .single();
    }

    int inbox(long personId, String kind, long taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND kind = :k AND link = :l")
                .param("p", personId)
                .param("k", kind)
                .param("l", "/tasks/" + taskId)
                .query(Integer.class)
                .single();
    }

    @Test
    void anAdoptedMeasureOpensOneTaskEvenWhenTheEventComesTwice() {
        long measureId = 880_001;
        MeasureAdopted adopted =
                new MeasureAdopted(12, measureId, "对违建开展联合执法", zjj, Set.of(slj), today.plusDays(30), "huanghaitao");
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> events.publishEvent(adopted));
        await().atMost(WAIT).until(() -> measureTasks(measureId) == 1);
        transaction.executeWithoutResult(status -> events.publishEvent(adopted));
        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
                                        + " WHERE event_type LIKE '%MeasureAdopted' AND completion_date IS NULL")
                                .query(Integer.class)
                                .single()
                        == 0);
        assertThat(measureTasks(measureId)).isEqualTo(1);
        Long taskId = jdbc.sql("SELECT id FROM supervision_task WHERE source_kind = 'MEASURE' AND source_id = :m")
                .param("m", measureId)
                .query(Long.class)
                .single();
        assertThat(statusOf(taskId)).isEqualTo("OPEN");
        // Audited as opened by whoever adopted the measure.
        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE module = 'supervision'"
                                        + " AND object_id = :id AND action = 'open' AND actor = 'huanghaitao'")
                                .param("id", String.valueOf(taskId))
                                .query(Integer.class)
                                .single()
                        == 1);
        // The same source through the facade gives the same task.
        assertThat(supervision.open(
                        new TaskRequest(SourceKind.MEASURE, measureId, "再次", zjj, Set.of(), today.plusDays(5))))
                .isEqualTo(taskId);
    }

    int measureTasks(long measureId) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_task WHERE source_kind = 'MEASURE' AND source_id = :m")
                .param("m", measureId)
                .query(Integer.class)
                .single();
    }

    @Test
    void theLiaisonReportsTheOfficeRejectsThenAccepts() throws Exception {
        long id = open(zjj, Set.of(slj), today.plusDays(30));
        MockHttpSession liaison = SignIn.as(mvc, "weilijuan");
        MockHttpSession staff = SignIn.as(mvc, "huanghaitao");

        mvc.perform(get("/tasks").session(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/tasks/" + id)));
        mvc.perform(post("/tasks/{id}/progress", id)
                        .param("text", "已完成摸底")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
        mvc.perform(post("/tasks/{id}/completion", id)
                        .param("evidence", "已全部完成，验收记录见附件")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("COMPLETION_REPORTED");
        mvc.perform(get("/tasks/{id}", id).session(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已完成摸底")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("同意办结")));

        // Rejecting without a reason changes nothing.
        mvc.perform(post("/tasks/{id}/review", id)
                        .param("decision", "reject")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(statusOf(id)).isEqualTo("COMPLETION_REPORTED");
        mvc.perform(post("/tasks/{id}/review", id)
                        .param("decision", "reject")
                        .param("reason", "缺少验收材料")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
        assertThat(inbox(weilijuan, "supervision.review", id)).isEqualTo(1);

        mvc.perform(post("/tasks/{id}/completion", id)
                        .param("evidence", "补充验收材料")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // The liaison may not review.
        mvc.perform(post("/tasks/{id}/review", id)
                        .param("decision", "accept")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/{id}/review", id)
                        .param("decision", "accept")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(id)).isEqualTo("COMPLETED");

        // Nothing more after 办结: 409 with a Chinese message, nothing changed.
        mvc.perform(post("/tasks/{id}/progress", id)
                        .param("text", "再报")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("该事项已办结")));
        assertThat(statusOf(id)).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_progress WHERE task_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);

        // A completed task gets no timer notices, whatever fires.
        timers.fire(TimerKind.OVERDUE, id);
        timers.fire(TimerKind.ESCALATE, id);
        assertThat(reminders(id, "OVERDUE") + reminders(id, "ESCALATE")).isZero();
    }

    @Test
    void theApiFollowsTheSameRulesWithProblemDetails() throws Exception {
        long id = open(zjj, Set.of(), today.plusDays(30));
        MockHttpSession liaison = SignIn.as(mvc, "weilijuan");
        MockHttpSession staff = SignIn.as(mvc, "huanghaitao");

        mvc.perform(post("/api/tasks/{id}/completion", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence\":\"完成\"}")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("尚未报告任何进展，不能直接报告办结。"));
        mvc.perform(post("/api/tasks/{id}/review", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accept\":true}")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该事项尚未报告办结，无可审核的内容。"));
        assertThat(statusOf(id)).isEqualTo("OPEN");

        mvc.perform(post("/api/tasks/{id}/progress", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"进展一\"}")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        mvc.perform(post("/api/tasks/{id}/completion", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence\":\"完成\"}")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(jsonPath("$.status").value("COMPLETION_REPORTED"));
        mvc.perform(post("/api/tasks/{id}/progress", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"进展二\"}")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/tasks/{id}/review", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accept\":false,\"reason\":\"不充分\"}")
                        .session(staff)
                        .with(csrf()))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.reviewNote").value("不充分"));
        mvc.perform(get("/api/tasks/{id}", id).session(staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.task.leadUnitName").value("示例市住房和城乡建设局"))
                .andExpect(jsonPath("$.history.length()").value(3));
        // The vice-mayor overseeing ZJJ sees its tasks.
        mvc.perform(get("/api/tasks", id).session(SignIn.as(mvc, "chenzhihua")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());
        mvc.perform(get("/v3/api-docs").session(staff))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/tasks/{id}/review")));
    }

    @Test
    void anotherUnitsTaskIsNotThereForTheLiaison() throws Exception {
        long other = open(slj, Set.of(), today.plusDays(30));
        long cooperating = open(slj, Set.of(zjj), today.plusDays(30));
        MockHttpSession liaison = SignIn.as(mvc, "weilijuan");

        mvc.perform(get("/tasks/{id}", other).session(liaison)).andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks/{id}", other).session(liaison))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("没有找到该督办事项。"));
        mvc.perform(post("/tasks/{id}/progress", other)
                        .param("text", "x")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tasks").session(liaison))
                .andExpect(jsonPath("$[?(@.id == " + other + ")]").doesNotExist())
                .andExpect(jsonPath("$[?(@.id == " + cooperating + ")]").exists());
        mvc.perform(get("/api/tasks")
                        .param("mine", "true")
                        .param("status", "OPEN")
                        .session(liaison))
                .andExpect(jsonPath("$[?(@.id == " + cooperating + ")]").exists());
        mvc.perform(get("/tasks/{id}", other).session(SignIn.as(mvc, "huanghaitao")))
                .andExpect(status().isOk());
        mvc.perform(get("/tasks").param("status", "NONSENSE").session(liaison))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("状态筛选条件无效")));

        // A cooperating unit's liaison adds a note; the status stays; completion is the lead's.
        mvc.perform(post("/tasks/{id}/progress", cooperating)
                        .param("text", "协办意见")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(cooperating)).isEqualTo("OPEN");
        mvc.perform(post("/tasks/{id}/completion", cooperating)
                        .param("evidence", "x")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void remindersAndOverdueNoticesThatArePastFireOnceEach() {
        long id = open(zjj, Set.of(), today.minusDays(1));
        await().atMost(WAIT).until(() -> reminders(id, "REMIND") == 1 && reminders(id, "OVERDUE") == 1);
        // The escalation is not due yet: three working days after the deadline.
        assertThat(reminders(id, "ESCALATE")).isZero();
        assertThat(inbox(weilijuan, "supervision.remind", id)).isEqualTo(1);
        assertThat(inbox(weilijuan, "supervision.overdue", id)).isEqualTo(1);

        // A duplicate firing sends nothing twice.
        timers.fire(TimerKind.REMIND, id);
        timers.fire(TimerKind.OVERDUE, id);
        assertThat(reminders(id, "REMIND")).isEqualTo(1);
        assertThat(inbox(weilijuan, "supervision.remind", id)).isEqualTo(1);
        assertThat(inbox(weilijuan, "supervision.overdue", id)).isEqualTo(1);
    }

    @Test
    void twoFiringsAtOnceSendOnce() throws Exception {
        long id = open(zjj, Set.of(), today.plusDays(60));
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        Runnable fire = () -> {
            try {
                start.await();
                timers.fire(TimerKind.REMIND, id);
            } catch (Exception e) {
                // The loser of the race fails on the unique key; db-scheduler would retry it and find the row.
            }
        };
        Thread a = new Thread(fire);
        Thread b = new Thread(fire);
        a.start();
        b.start();
        a.join(WAIT.toMillis());
        b.join(WAIT.toMillis());
        timers.fire(TimerKind.REMIND, id);
        assertThat(reminders(id, "REMIND")).isEqualTo(1);
        assertThat(inbox(weilijuan, "supervision.remind", id)).isEqualTo(1);
    }

    @Test
    void aLongOverdueTaskIsEscalatedToTheOverseeingLeader() throws Exception {
        long id = open(zjj, Set.of(), today.minusDays(30));
        await().atMost(WAIT).until(() -> reminders(id, "ESCALATE") == 1);
        assertThat(inbox(chenzhihua, "supervision.escalate", id)).isEqualTo(1);
        mvc.perform(get("/inbox").session(SignIn.as(mvc, "chenzhihua")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("督办事项逾期未办结")));
        mvc.perform(get("/api/tasks").param("overdue", "true").session(SignIn.as(mvc, "huanghaitao")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].overdue").value(true));
    }
}
