package org.accord.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.duty.Rows.ToNotify;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The timers of the duty desk, driven deterministically: the persisted executions are checked in the scheduler's
 * table and their handler is run as the scheduler would run it when they fall due.
 */
@IntegrationTest
class DutyEscalationIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    DutyTimers timers;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fanout fanout;

    @Autowired
    Incidents incidents;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DutyProperties properties;

    MockHttpSession officer;

    @BeforeEach
    void setUp() throws Exception {
        officer = SignIn.as(mvc, "caiyuxuan");
    }

    @Test
    void aLeaderWhoDoesNotAcknowledgeIsEscalatedToTheNextLeaderOnce() throws Exception {
        Instant before = Instant.now();
        long id = intake();
        // The escalation is a persisted execution, due after the configured minutes.
        var execution = scheduler.getScheduledExecution(TaskInstanceId.of(DutyTimer.ESCALATE.taskName(), id + ":0"));
        assertThat(execution).isPresent();
        assertThat(execution.get().getExecutionTime())
                .isBetween(
                        before.plus(properties.escalateAfter()).minusSeconds(1),
                        Instant.now().plus(properties.escalateAfter()));

        timers.fire(DutyTimer.ESCALATE, id + ":0");

        PersonSummary secretaryGeneral = directory.personByCode("P0006").orElseThrow();
        List<Long> escalatedTo = jdbc.sql(
                        "SELECT person_id FROM duty_notification WHERE incident_id = :id AND kind = 'ESCALATED_LEADER'")
                .param("id", id)
                .query(Long.class)
                .list();
        assertThat(escalatedTo).containsExactly(secretaryGeneral.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duty_notification WHERE incident_id = :id AND kind IN"
                                + " ('LEADER_ON_DUTY', 'OVERSEEING_LEADER') AND escalated_at IS NULL")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND link = :link AND urgency = 'URGENT'")
                        .param("p", secretaryGeneral.id())
                        .param("link", "/duty/incidents/" + id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // The next round is timed for him; a second firing of the same timer does nothing.
        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of(DutyTimer.ESCALATE.taskName(), id + ":1")))
                .isPresent();
        timers.fire(DutyTimer.ESCALATE, id + ":0");
        assertThat(count(id, "ESCALATED_LEADER")).isEqualTo(1);
        // He does not acknowledge either: the next leader of the chain is told.
        timers.fire(DutyTimer.ESCALATE, id + ":1");
        assertThat(count(id, "ESCALATED_LEADER")).isEqualTo(2);
    }

    @Test
    void leadersWhoAcknowledgeAreNotEscalated() throws Exception {
        long id = intake();
        List<Long> leaderRows = jdbc.sql(
                        "SELECT id FROM duty_notification WHERE incident_id = :id AND person_id IS NOT NULL")
                .param("id", id)
                .query(Long.class)
                .list();
        for (Long row : leaderRows) {
            mvc.perform(post("/duty/notifications/" + row + "/ack")
                            .param("note", "电话确认")
                            .session(officer)
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        timers.fire(DutyTimer.ESCALATE, id + ":0");
        assertThat(count(id, "ESCALATED_LEADER")).isZero();
    }

    @Test
    void unitsThatHaveNotAcknowledgedAreRemindedOnceAndClocksAlarmOnlyWhileTheyRun() throws Exception {
        long id = intake();
        long lupeng = directory.personByCode("P0108").orElseThrow().id();
        MockHttpSession liaison = SignIn.as(mvc, "lupeng");
        long yjjRow = jdbc.sql("SELECT id FROM duty_notification WHERE incident_id = :id AND name = '市应急管理局'")
                .param("id", id)
                .query(Long.class)
                .single();
        mvc.perform(post("/duty/notifications/" + yjjRow + "/ack")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String remind = jdbc.sql(
                        "SELECT task_instance FROM scheduled_tasks WHERE task_name = :name AND task_instance LIKE :prefix")
                .param("name", DutyTimer.REMIND.taskName())
                .param("prefix", id + ":%")
                .query(String.class)
                .single();
        timers.fire(DutyTimer.REMIND, remind);
        List<String> reminded = jdbc.sql(
                        "SELECT name FROM duty_notification WHERE incident_id = :id AND reminded_at IS NOT NULL")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(reminded).contains("市消防救援支队", "市卫健委").doesNotContain("市应急管理局");
        int yjjNotices = jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND link = '/duty/acks'")
                .param("p", lupeng)
                .query(Integer.class)
                .single();
        timers.fire(DutyTimer.REMIND, remind);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND link = '/duty/acks'")
                        .param("p", lupeng)
                        .query(Integer.class)
                        .single())
                .isEqualTo(yjjNotices);

        // The phone clock alarms while it runs; once the phone report is made, it is silent.
        int logBefore = incidents.log(id).size();
        timers.fire(DutyTimer.CLOCK_ALARM, id + ":PHONE:0");
        assertThat(incidents.log(id)).hasSize(logBefore + 1);
        assertThat(incidents.log(id).get(logBefore).text()).contains("已超时").contains("电话报告");
        mvc.perform(post("/duty/incidents/" + id + "/phone-report")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        int afterReport = incidents.log(id).size();
        timers.fire(DutyTimer.CLOCK_WARN, id + ":WRITTEN:0");
        assertThat(incidents.log(id)).hasSize(afterReport + 1);
        timers.fire(DutyTimer.CLOCK_ALARM, id + ":PHONE:1");
        assertThat(incidents.log(id)).hasSize(afterReport + 1);
    }

    @Test
    void threeHundredRecipientsArePersistedInOneTransaction() {
        List<ToNotify> rows = new ArrayList<>();
        List<Long> people = jdbc.sql("SELECT id FROM directory_person ORDER BY id")
                .query(Long.class)
                .list();
        for (int i = 0; i < 300; i++) {
            rows.add(new ToNotify(null, NotificationKind.UNIT, people.get(i % people.size()), null, "收件人 " + i));
        }
        long id = jdbc.sql("SELECT MAX(id) FROM duty_incident")
                .query(Long.class)
                .optional()
                .orElse(0L);
        Incident incident = incidents.find(id).orElseThrow();
        int before = count(id, "UNIT");
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> fanout.tell(incident, rows, "通报", "内容", Instant.now()));
        assertThat(count(id, "UNIT")).isEqualTo(before + 300);
    }

    int count(long id, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_notification WHERE incident_id = :id AND kind = :kind")
                .param("id", id)
                .param("kind", kind)
                .query(Integer.class)
                .single();
    }

    long intake() throws Exception {
        long dcq = directory.unitByCode("DCQ").orElseThrow().id();
        MvcResult result = mvc.perform(post("/duty/incidents")
                        .param("reporterName", "东城区总值班室")
                        .param("eventClass", "ACCIDENT")
                        .param("eventType", "建筑物倒塌")
                        .param("level", "II")
                        .param("districtUnitId", String.valueOf(dcq))
                        .param("place", "东城区人民路")
                        .param("what", "在建厂房倒塌")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return Long.parseLong(result.getResponse().getRedirectedUrl().replace("/duty/incidents/", ""));
    }

    static Duration minutes(int n) {
        return Duration.ofMinutes(n);
    }
}
