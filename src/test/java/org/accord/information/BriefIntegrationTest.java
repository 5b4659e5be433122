package org.accord.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A brief composed from an aggregate, numbered, read by a leader in his inbox grouped by his concerns, commented
 * and instructed on: the instruction opens a supervised task for the units and reaches their liaisons word for
 * word; another becomes a matter opened by the office. Suggestions are answered.
 */
@IntegrationTest
class BriefIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InformationFigures figures;

    long[] figuresOf(String author) {
        int year = calendar.dateOf(Instant.now()).getYear();
        return figures.briefsByAuthor(year).stream()
                .filter(f -> f.name().equals(author))
                .map(f -> new long[] {f.sent(), f.read(), f.commented(), f.instructed()})
                .findFirst()
                .orElse(new long[4]);
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    long person(String username) {
        return jdbc.sql("SELECT person_id FROM security_account WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    static long idFrom(MvcResult result, String prefix) {
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(prefix);
        return Long.parseLong(location.substring(prefix.length()));
    }

    String leaderPage(MockHttpSession leader) throws Exception {
        return mvc.perform(get("/leader").session(leader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    long send(MockHttpSession office, String title, String body, Long concern, String... leaders) throws Exception {
        var request = post("/information/briefs")
                .session(office)
                .with(csrf())
                .param("kind", "SPECIAL")
                .param("title", title)
                .param("body", body)
                .param("sourceKind", "FREE");
        if (concern != null) {
            request.param("concernId", String.valueOf(concern));
        }
        for (String leader : leaders) {
            request.param("leaders", String.valueOf(person(leader)));
        }
        return idFrom(
                mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn(), "/information/briefs/");
    }

    @Test
    void aLeaderReadsCommentsAndInstructsOnABriefAndTheInstructionBecomesATask() throws Exception {
        MockHttpSession office = SignIn.as(mvc, "huanghaitao");
        MockHttpSession leader = SignIn.as(mvc, "chenzhihua");

        // A request answered by ZJJ; the brief starts from its aggregate, in the UP tone.
        long request = idFrom(
                mvc.perform(post("/information/requests")
                                .session(office)
                                .with(csrf())
                                .param("title", "汛前水库检查")
                                .param(
                                        "deadline",
                                        LocalDateTime.now(calendar.zone())
                                                .plusDays(1)
                                                .truncatedTo(ChronoUnit.MINUTES)
                                                .toString())
                                .param("units", String.valueOf(unit("ZJJ")))
                                .param("field.0.label", "检查水库数")
                                .param("field.0.type", "NUMBER"))
                        .andExpect(status().is3xxRedirection())
                        .andReturn(),
                "/information/requests/");
        mvc.perform(post("/information/requests/{id}/answer", request)
                        .session(SignIn.as(mvc, "weilijuan"))
                        .with(csrf())
                        .param("action", "submit")
                        .param("f.f1", "6"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/information/briefs/new")
                        .param("request", String.valueOf(request))
                        .session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("现将有关情况报告如下：")))
                .andExpect(content().string(containsString("检查水库数合计 6（1 个单位填报）")))
                .andExpect(content().string(containsString("妥否，请批示。")));

        // The office keeps the leader's current concern; the brief is tagged to it.
        mvc.perform(post("/information/concerns")
                        .session(office)
                        .with(csrf())
                        .param("leaderId", String.valueOf(person("chenzhihua")))
                        .param("title", "汛期水库安全度汛"))
                .andExpect(status().is3xxRedirection());
        long concern = jdbc.sql("SELECT id FROM info_concern WHERE title = '汛期水库安全度汛'")
                .query(Long.class)
                .single();

        long[] before = figuresOf("黄海涛");
        long first = send(office, "水库安全检查情况", "现将有关情况报告如下：检查水库 6 座。", concern, "chenzhihua");
        long second = send(office, "另一份专报", "正文", null, "chenzhihua", "liufang");
        List<Integer> numbers = jdbc.sql("SELECT number FROM info_brief WHERE id IN (:a, :b) ORDER BY id")
                .param("a", first)
                .param("b", second)
                .query(Integer.class)
                .list();
        assertThat(numbers.get(1)).isEqualTo(numbers.get(0) + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM info_brief GROUP BY brief_year, kind, number HAVING COUNT(*) > 1")
                        .query(Integer.class)
                        .list())
                .isEmpty();

        // Only the leaders it was sent to see it; liaisons have no briefs at all.
        mvc.perform(get("/information/briefs/{id}", first).session(SignIn.as(mvc, "liufang")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/information/briefs/{id}", first).session(SignIn.as(mvc, "weilijuan")))
                .andExpect(status().isForbidden());

        // The leader's inbox groups it under his concern.
        String inbox = mvc.perform(get("/information/inbox").session(leader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(inbox).contains("汛期水库安全度汛", "水库安全检查情况", "另一份专报");
        assertThat(inbox.indexOf("水库安全检查情况")).isLessThan(inbox.indexOf("其他"));
        assertThat(inbox.indexOf("另一份专报")).isGreaterThan(inbox.indexOf("其他"));

        // His page lists the briefs he has not read yet; one read leaves it.
        assertThat(leaderPage(leader)).contains("水库安全检查情况", "另一份专报");
        mvc.perform(post("/information/briefs/{id}/read", first).session(leader).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(leaderPage(leader)).contains("另一份专报").doesNotContain("水库安全检查情况");
        mvc.perform(post("/information/briefs/{id}/comment", first)
                        .session(leader)
                        .with(csrf())
                        .param("comment", "请持续关注"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT comment FROM info_brief_reader WHERE brief_id = :b AND leader_id = :l AND read_at"
                                + " IS NOT NULL")
                        .param("b", first)
                        .param("l", person("chenzhihua"))
                        .query(String.class)
                        .single())
                .isEqualTo("请持续关注");

        // A task needs a deadline: refused, nothing changed.
        mvc.perform(post("/information/briefs/{id}/instruction", first)
                        .session(leader)
                        .with(csrf())
                        .param("text", "请市住建局牵头")
                        .param("outcome", "TASK")
                        .param("leadUnit", String.valueOf(unit("ZJJ"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("办理期限")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM info_instruction WHERE brief_id = :b")
                        .param("b", first)
                        .query(Integer.class)
                        .single())
                .isZero();

        String words = "请市住建局牵头、市水利局配合，十日内完成病险水库排查整改。";
        mvc.perform(post("/information/briefs/{id}/instruction", first)
                        .session(leader)
                        .with(csrf())
                        .param("text", words)
                        .param("outcome", "TASK")
                        .param("leadUnit", String.valueOf(unit("ZJJ")))
                        .param("units", String.valueOf(unit("SLJ")))
                        .param(
                                "deadline",
                                calendar.dateOf(Instant.now()).plusDays(10).toString()))
                .andExpect(status().is3xxRedirection());
        long instruction = jdbc.sql("SELECT id FROM info_instruction WHERE brief_id = :b")
                .param("b", first)
                .query(Long.class)
                .single();
        var task = jdbc.sql("SELECT id, lead_unit_id, title FROM supervision_task WHERE source_kind = 'INSTRUCTION'"
                        + " AND source_id = :s")
                .param("s", instruction)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .single();
        long taskId = (Long) task[0];
        assertThat(task[1]).isEqualTo(unit("ZJJ"));
        assertThat((String) task[2]).contains("陈志华", "水库安全检查情况");
        assertThat(jdbc.sql("SELECT task_id FROM info_instruction WHERE id = :i")
                        .param("i", instruction)
                        .query(Long.class)
                        .single())
                .isEqualTo(taskId);
        // Relayed to the liaisons of both units with the original words, linking to the task.
        for (String liaison : List.of("weilijuan", "yuanying")) {
            assertThat(jdbc.sql(
                                    "SELECT body FROM notify_inbox WHERE person_id = :p AND kind = 'information.instruction'"
                                            + " AND link = :l")
                            .param("p", person(liaison))
                            .param("l", "/tasks/" + taskId)
                            .query(String.class)
                            .list())
                    .anySatisfy(body -> assertThat(body).contains(words));
        }
        mvc.perform(get("/tasks/{id}", taskId).session(SignIn.as(mvc, "weilijuan")))
                .andExpect(status().isOk());
        mvc.perform(get("/information/briefs/{id}", first).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(words)))
                .andExpect(content().string(containsString("已转：市住建局、市水利局")));

        // An instruction that becomes a matter: the office opens it and it is relayed.
        mvc.perform(post("/information/briefs/{id}/instruction", second)
                        .session(leader)
                        .with(csrf())
                        .param("text", "请办公室牵头协调")
                        .param("outcome", "MATTER")
                        .param("leadUnit", String.valueOf(unit("CGJ"))))
                .andExpect(status().is3xxRedirection());
        long matterInstruction = jdbc.sql("SELECT id FROM info_instruction WHERE brief_id = :b")
                .param("b", second)
                .query(Long.class)
                .single();
        long matter = idFrom(
                mvc.perform(post("/information/instructions/{id}/matter", matterInstruction)
                                .session(office)
                                .with(csrf()))
                        .andExpect(status().is3xxRedirection())
                        .andReturn(),
                "/matters/");
        mvc.perform(get("/matters/{id}", matter).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请办公室牵头协调")));
        mvc.perform(post("/information/instructions/{id}/matter", matterInstruction)
                        .session(office)
                        .with(csrf()))
                .andExpect(status().isConflict());

        // Figures: two more briefs sent, both read (an instruction marks read), one commented, both instructed on.
        long[] after = figuresOf("黄海涛");
        assertThat(after[0] - before[0]).isEqualTo(2);
        assertThat(after[1] - before[1]).isEqualTo(2);
        assertThat(after[2] - before[2]).isEqualTo(1);
        assertThat(after[3] - before[3]).isEqualTo(2);
        mvc.perform(get("/information/figures").session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("黄海涛")));

        // A suggestion to the leader, answered.
        long suggestion = idFrom(
                mvc.perform(post("/information/suggestions")
                                .session(office)
                                .with(csrf())
                                .param("leaderId", String.valueOf(person("chenzhihua")))
                                .param("concernId", String.valueOf(concern))
                                .param("title", "建议提前转移低洼地带群众")
                                .param("body", "建议在强降雨前转移")
                                .param("basis", "气象台预报"))
                        .andExpect(status().is3xxRedirection())
                        .andReturn(),
                "/information/suggestions/");
        mvc.perform(get("/information/inbox").session(leader))
                .andExpect(content().string(containsString("建议提前转移低洼地带群众")));
        mvc.perform(post("/information/suggestions/{id}/answer", suggestion)
                        .session(leader)
                        .with(csrf())
                        .param("answer", "同意"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/information/suggestions/{id}", suggestion).session(office))
                .andExpect(content().string(containsString("同意")));
        mvc.perform(get("/information/suggestions/{id}", suggestion).session(SignIn.as(mvc, "liufang")))
                .andExpect(status().isNotFound());
    }
}
