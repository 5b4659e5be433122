package org.accord.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A daily zero-report request: today's occurrence opens at once, one unit answers 无 in one click, and when the
 * deadline's persisted timer fires the units that did not report are flagged and told, once; the next day's
 * occurrence is opened by its own timer with its own calendar-day deadline.
 */
@IntegrationTest
@TestPropertySource(properties = "db-scheduler.polling-interval=1s")
class RecurringRequestIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SituationRequests requests;

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    void fireNow(String task, String instance) {
        int updated = jdbc.sql(
                        "UPDATE scheduled_tasks SET execution_time = :now WHERE task_name = :t AND task_instance = :i")
                .param("now", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC))
                .param("t", task)
                .param("i", instance)
                .update();
        assertThat(updated).as("timer %s %s is scheduled", task, instance).isEqualTo(1);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("Timed out waiting for the timer");
            }
            Thread.sleep(250);
        }
    }

    @Test
    void aMissingDailyReportIsFlaggedTheSameDayByItsTimer() throws Exception {
        MockHttpSession office = SignIn.as(mvc, "huanghaitao");
        LocalDate today = calendar.dateOf(Instant.now());
        var create = post("/information/requests")
                .session(office)
                .with(csrf())
                .param("title", "汛期每日零报告")
                .param("recurrence", "DAILY")
                .param("zeroReport", "true")
                .param("firstDate", today.toString())
                .param("dueTime", "23:59")
                .param("field.0.label", "险情")
                .param("field.0.type", "TEXT")
                .param("field.0.required", "true");
        for (String code : List.of("ZJJ", "SLJ", "YJJ")) {
            create.param("units", String.valueOf(unit(code)));
        }
        String location = mvc.perform(create)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long series = Long.parseLong(location.substring("/information/series/".length()));
        long request = jdbc.sql("SELECT id FROM info_request WHERE series_id = :s AND occurrence_date = :d")
                .param("s", series)
                .param("d", today)
                .query(Long.class)
                .single();
        // Due the same calendar day at 23:59 in the office's zone, whatever kind of day it is.
        Instant deadline = jdbc.sql("SELECT deadline FROM info_request WHERE id = :id")
                .param("id", request)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(deadline)
                .isEqualTo(today.atTime(LocalTime.of(23, 59))
                        .atZone(calendar.zone())
                        .toInstant());

        // ZJJ has nothing to report: one click.
        MockHttpSession zjj = SignIn.as(mvc, "weilijuan");
        mvc.perform(get("/information/requests/{id}", request).session(zjj))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("报“无”")));
        mvc.perform(post("/information/requests/{id}/zero", request)
                        .session(zjj)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // SLJ leaves a draft only; YJJ nothing.
        mvc.perform(post("/information/requests/{id}/answer", request)
                        .session(SignIn.as(mvc, "yuanying"))
                        .with(csrf())
                        .param("action", "draft")
                        .param("f.f1", "正在核实"))
                .andExpect(status().is3xxRedirection());

        // The deadline comes: the persisted timer fires and flags the two units that did not submit.
        jdbc.sql("UPDATE info_request SET deadline = :d WHERE id = :id")
                .param("d", Instant.now().minusSeconds(60).atOffset(ZoneOffset.UTC))
                .param("id", request)
                .update();
        fireNow(InformationTimers.MISSING, String.valueOf(request));
        await(() -> flagged(request).size() == 2);
        assertThat(flagged(request)).containsExactlyInAnyOrder(unit("SLJ"), unit("YJJ"));
        long creator = jdbc.sql("SELECT person_id FROM security_account WHERE username = 'huanghaitao'")
                .query(Long.class)
                .single();
        int officeNotices = missingNotices(creator);
        assertThat(officeNotices).isEqualTo(1);
        long yjjLiaison = jdbc.sql("SELECT person_id FROM security_account WHERE username = 'lupeng'")
                .query(Long.class)
                .single();
        assertThat(missingNotices(yjjLiaison)).isEqualTo(1);
        mvc.perform(get("/information/requests/{id}", request).session(office))
                .andExpect(content().string(containsString("已标记缺报")));
        // Firing again tells nobody twice.
        requests.flagMissing(request);
        assertThat(missingNotices(creator)).isEqualTo(1);
        assertThat(missingNotices(yjjLiaison)).isEqualTo(1);

        // Tomorrow's occurrence is opened by its own timer, due tomorrow at 23:59.
        LocalDate tomorrow = today.plusDays(1);
        fireNow(InformationTimers.OCCURRENCE, series + "@" + tomorrow);
        await(() -> jdbc.sql("SELECT COUNT(*) FROM info_request WHERE series_id = :s AND occurrence_date = :d")
                        .param("s", series)
                        .param("d", tomorrow)
                        .query(Integer.class)
                        .single()
                == 1);
        Instant next = jdbc.sql("SELECT deadline FROM info_request WHERE series_id = :s AND occurrence_date = :d")
                .param("s", series)
                .param("d", tomorrow)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(next)
                .isEqualTo(tomorrow.atTime(LocalTime.of(23, 59))
                        .atZone(calendar.zone())
                        .toInstant());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = :t AND task_instance = :i")
                        .param("t", InformationTimers.OCCURRENCE)
                        .param("i", series + "@" + tomorrow.plusDays(1))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/information/series/{id}", series).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tomorrow.toString())));
    }

    List<Long> flagged(long request) {
        return jdbc.sql("SELECT unit_id FROM info_request_unit WHERE request_id = :r AND flagged_missing = TRUE")
                .param("r", request)
                .query(Long.class)
                .list();
    }

    int missingNotices(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND kind = 'information.missing'")
                .param("p", personId)
                .query(Integer.class)
                .single();
    }
}
