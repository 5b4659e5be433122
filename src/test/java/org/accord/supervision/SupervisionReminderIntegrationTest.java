package org.accord.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The office reminds a unit of its supervised task (催办), citing the meeting decision the task rests on: the
 * reminder goes on the history and to the unit's liaisons with the basis named, the liaison reads the basis on the
 * task page; bad input and other roles change nothing.
 */
@IntegrationTest
class SupervisionReminderIntegrationTest {

    /** A decision of the demo's first waterlogging meeting (DemoWaterloggingMeetings). */
    static final String DECISION = "完成中心城区主干排水管网清疏";

    static final AtomicLong SOURCES = new AtomicLong(70_000);
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc mvc;

    @Autowired
    Supervision supervision;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    long zjj;
    MockHttpSession office;
    MockHttpSession liaison;

    @BeforeEach
    void setUp() throws Exception {
        zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        office = SignIn.as(mvc, "huanghaitao");
        liaison = SignIn.as(mvc, "weilijuan");
    }

    long open(String title) {
        LocalDate deadline = calendar.addWorkingDays(calendar.dateOf(Instant.now()), 10);
        return supervision.open(
                new TaskRequest(SourceKind.DELEGATION, SOURCES.incrementAndGet(), title, zjj, Set.of(), deadline));
    }

    @Test
    void theOfficeRemindsCitingADecisionAndTheUnitReadsTheBasis() throws Exception {
        long task = open("推进中心城区主干排水管网清疏，汛前消除管网淤堵");

        String officePage = page(get("/tasks/{id}", task), office);
        assertThat(officePage)
                .contains("action=\"/tasks/" + task + "/remind\"")
                .contains("可援引的依据")
                .contains("name=\"target\" value=\"TASK:" + task + "\"");

        String offered = awaitOffered(task);
        String[] decision = citable(offered, DECISION);
        assertThat(decision[0]).isEqualTo("DECISION");
        mvc.perform(post("/basis/citations")
                        .session(office)
                        .with(csrf())
                        .param("target", "TASK:" + task)
                        .param("kind", decision[0])
                        .param("id", decision[1])
                        .param("back", "/tasks/" + task))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks/" + task + "#basis"));

        mvc.perform(post("/tasks/{id}/remind", task)
                        .session(office)
                        .with(csrf())
                        .param("text", "请于本周五前报送管网清疏进度，并说明淤堵点位整改情况。"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/tasks/" + task + "#history"));

        assertThat(entries(task, "REMINDED")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT by_username FROM supervision_progress WHERE task_id = :t AND kind = 'REMINDED'")
                        .param("t", task)
                        .query(String.class)
                        .single())
                .isEqualTo("huanghaitao");

        List<PersonSummary> liaisons = directory.liaisons(zjj);
        assertThat(liaisons).extracting(PersonSummary::name).contains("魏丽娟");
        for (PersonSummary person : liaisons) {
            List<String> bodies = jdbc.sql(
                            "SELECT body FROM notify_inbox WHERE person_id = :p AND kind = :k AND link = :l")
                    .param("p", person.id())
                    .param("k", "supervision.reminder")
                    .param("l", "/tasks/" + task)
                    .query(String.class)
                    .list();
            assertThat(bodies).as(person.name()).hasSize(1);
            assertThat(bodies.get(0))
                    .contains("本周五前报送管网清疏进度")
                    .contains("依据（会议议定事项）：城市排水防涝工作专题会议——")
                    .contains(DECISION);
        }
        await().atMost(WAIT)
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE module = 'supervision'"
                                        + " AND object_id = :id AND action = 'office-remind' AND actor = 'huanghaitao'")
                                .param("id", String.valueOf(task))
                                .query(Integer.class)
                                .single()
                        == 1);

        String unitPage = page(get("/tasks/{id}", task), liaison);
        assertThat(unitPage)
                .contains("办理时请参照以下依据")
                .contains(DECISION)
                .contains("办公室催办")
                .contains("本周五前报送管网清疏进度")
                .doesNotContain("/remind\"")
                .doesNotContain("可援引的依据");
        String url = jdbc.sql("SELECT source_url FROM basis_citation WHERE target_kind = 'TASK' AND target_id = :t")
                .param("t", task)
                .query(String.class)
                .single();
        assertThat(unitPage).doesNotContain("href=\"" + url + "\"");
        assertThat(page(get("/tasks/{id}", task), office)).contains("href=\"" + url + "\"");

        // Another unit's liaison neither sees the task nor hears of it.
        MockHttpSession otherUnit = SignIn.as(mvc, "panlei");
        mvc.perform(get("/tasks/{id}", task).session(otherUnit)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE link = :l AND person_id NOT IN (:p)")
                        .param("l", "/tasks/" + task)
                        .param("p", liaisons.stream().map(PersonSummary::id).toList())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aReminderWithoutBasisSaysNoneAndEmptyOrOverlongTextChangesNothing() throws Exception {
        long task = open("督促完成老旧小区雨污分流改造");

        for (String text : new String[] {"", "   ", "催".repeat(TaskDesk.REMINDER_MAX + 1)}) {
            String refused = mvc.perform(post("/tasks/{id}/remind", task)
                            .session(office)
                            .with(csrf())
                            .param("text", text))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(refused).contains("请填写催办内容（不超过 1000 字）");
        }
        mvc.perform(post("/tasks/{id}/remind", task).session(office).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(entries(task, "REMINDED")).isZero();
        assertThat(inbox(task)).isZero();

        mvc.perform(post("/tasks/{id}/remind", task)
                        .session(office)
                        .with(csrf())
                        .param("text", "催".repeat(TaskDesk.REMINDER_MAX)))
                .andExpect(status().is3xxRedirection());
        assertThat(entries(task, "REMINDED")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT body FROM notify_inbox WHERE kind = 'supervision.reminder' AND link = :l")
                        .param("l", "/tasks/" + task)
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allSatisfy(body -> assertThat(body).doesNotContain("依据"));
    }

    @Test
    void onlyTheOfficeRemindsAndOnlyWhileTheUnitHasWorkToDo() throws Exception {
        long task = open("推进城市道路积水点改造");
        MockHttpSession leader = SignIn.as(mvc, "chenzhihua");
        for (MockHttpSession session : List.of(liaison, leader)) {
            mvc.perform(post("/tasks/{id}/remind", task)
                            .session(session)
                            .with(csrf())
                            .param("text", "请抓紧办理"))
                    .andExpect(status().isForbidden());
        }
        assertThat(page(get("/tasks/{id}", task), liaison)).doesNotContain("/remind\"");
        assertThat(page(get("/tasks/{id}", task), leader)).doesNotContain("/remind\"");
        mvc.perform(post("/tasks/{id}/remind", 999_999)
                        .session(office)
                        .with(csrf())
                        .param("text", "请抓紧办理"))
                .andExpect(status().isNotFound());

        mvc.perform(post("/tasks/{id}/progress", task)
                        .session(liaison)
                        .with(csrf())
                        .param("text", "已完成积水点排查。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/tasks/{id}/completion", task)
                        .session(liaison)
                        .with(csrf())
                        .param("evidence", "改造完成，附验收记录。"))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/tasks/{id}", task), office)).doesNotContain("/remind\"");
        String refused = mvc.perform(post("/tasks/{id}/remind", task)
                        .session(office)
                        .with(csrf())
                        .param("text", "请抓紧办理"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("已报办结");
        assertThat(entries(task, "REMINDED")).isZero();
        assertThat(inbox(task)).isZero();
    }

    /** The index follows changes after they commit; the page loads the panel after that. */
    String awaitOffered(long task) throws Exception {
        Instant until = Instant.now().plus(WAIT);
        String answer;
        do {
            answer = page(
                    get("/basis/suggestions")
                            .param("target", "TASK:" + task)
                            .param("text", "推进中心城区主干排水管网清疏，汛前消除管网淤堵")
                            .param("units", String.valueOf(zjj))
                            .param("back", "/tasks/" + task),
                    office);
            if (answer.contains(DECISION)) {
                return answer;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("not offered within 20 s: " + answer);
    }

    /** The kind and id of the cite button in the suggestion with this title. */
    static String[] citable(String suggestions, String title) {
        for (String item : suggestions.split("<li ")) {
            if (item.contains(title)) {
                Matcher kind =
                        Pattern.compile("name=\"kind\" value=\"([A-Z]+)\"").matcher(item);
                Matcher id = Pattern.compile("name=\"id\" value=\"([^\"]+)\"").matcher(item);
                assertThat(kind.find() && id.find())
                        .as("a cite button in " + item)
                        .isTrue();
                return new String[] {kind.group(1), id.group(1)};
            }
        }
        throw new AssertionError(title + " not among " + suggestions);
    }

    int entries(long task, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_progress WHERE task_id = :t AND kind = :k")
                .param("t", task)
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    int inbox(long task) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE kind = 'supervision.reminder' AND link = :l")
                .param("l", "/tasks/" + task)
                .query(Integer.class)
                .single();
    }

    String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
