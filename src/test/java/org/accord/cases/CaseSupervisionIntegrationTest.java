package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
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
 * Supervision of a case: the timers are persisted executions; each notice goes out once and only while it still
 * applies; 催办 is copied to the overseeing leader; three reopenings escalate the case.
 */
@IntegrationTest
class CaseSupervisionIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    CaseTimers timers;

    final JsonMapper json = JsonMapper.builder().build();

    MockHttpSession office;
    MockHttpSession zjj;
    MockHttpSession head;

    @BeforeEach
    void signIn() throws Exception {
        office = SignIn.as(mvc, "qianhaitao");
        zjj = SignIn.as(mvc, "weilijuan");
        head = SignIn.as(mvc, "guzihan");
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

    long dispatchedToZjj() throws Exception {
        long id = read(call(office, "/api/cases", Map.of("category", "PROPERTY", "description", "物业不作为，电梯长期故障"))
                        .andExpect(status().isCreated()))
                .get("id")
                .asLong();
        call(
                        office,
                        "/api/cases/" + id + "/dispatch",
                        Map.of(
                                "leadUnitId",
                                directory.unitByCode("ZJJ").orElseThrow().id(),
                                "timeLimit",
                                "REQUEST"))
                .andExpect(status().isOk());
        return id;
    }

    LocalDate deadline(long id) {
        return jdbc.sql("SELECT deadline FROM hotline_case WHERE id = :id")
                .param("id", id)
                .query(LocalDate.class)
                .single();
    }

    int inbox(String personCode, String kind, long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND kind = :k AND link = :l")
                .param("p", directory.personByCode(personCode).orElseThrow().id())
                .param("k", kind)
                .param("l", "/cases/" + caseId)
                .query(Integer.class)
                .single();
    }

    @Test
    void deadlineTimersArePersistedAndFireOnceWhileTheyApply() throws Exception {
        long id = dispatchedToZjj();
        LocalDate deadline = deadline(id);
        assertThat(jdbc.sql("SELECT task_name FROM scheduled_tasks WHERE task_instance = :i ORDER BY task_name")
                        .param("i", id + ":" + deadline)
                        .query(String.class)
                        .list())
                .contains("cases-bulletin", "cases-urge");

        // 催办: to the lead unit's liaisons, copied to the overseeing leader (陈志华 oversees 市住建局); once.
        timers.fire(CaseTimers.Kind.URGE, id + ":" + deadline);
        timers.fire(CaseTimers.Kind.URGE, id + ":" + deadline);
        assertThat(inbox("P0076", "cases.urge", id)).isEqualTo(1);
        assertThat(inbox("P0003", "cases.urge", id)).isEqualTo(1);
        timers.fire(CaseTimers.Kind.BULLETIN, id + ":" + deadline);
        assertThat(inbox("P0003", "cases.bulletin", id)).isEqualTo(1);

        // A timer set for an earlier deadline does nothing once the deadline moved.
        timers.fire(CaseTimers.Kind.REMIND, id + ":" + deadline.minusDays(3));
        assertThat(inbox("P0076", "cases.remind", id)).isZero();

        // Sign-for: reminded while not signed, not once it is.
        long share = jdbc.sql("SELECT id FROM case_share WHERE case_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'cases-sign-late' AND task_instance = :i")
                        .param("i", String.valueOf(share))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        timers.fire(CaseTimers.Kind.SIGN, String.valueOf(share));
        assertThat(inbox("P0076", "cases.sign", id)).isEqualTo(1);

        // Suspended: no reminder goes out.
        call(office, "/api/cases/" + id + "/suspend", Map.of("reason", "等待业主提供维修记录"))
                .andExpect(status().isOk());
        timers.fire(CaseTimers.Kind.REMIND, id + ":" + deadline);
        assertThat(inbox("P0076", "cases.remind", id)).isZero();
        call(office, "/api/cases/" + id + "/resume", Map.of()).andExpect(status().isOk());
    }

    @Test
    void threeReopeningsEscalateTheCaseToTheOverseeingLeader() throws Exception {
        long id = dispatchedToZjj();
        call(zjj, "/api/cases/" + id + "/sign", Map.of()).andExpect(status().isOk());
        for (int round = 1; round <= 3; round++) {
            call(zjj, "/api/cases/" + id + "/reply", Map.of("text", "已督促物业维修电梯（第" + round + "次）"))
                    .andExpect(status().isOk());
            call(head, "/api/cases/" + id + "/reply-approval", Map.of("approve", true))
                    .andExpect(status().isOk());
            call(office, "/api/cases/" + id + "/review", Map.of("accept", true)).andExpect(status().isOk());
            call(office, "/api/cases/" + id + "/visit", Map.of("satisfaction", "UNSATISFIED", "solved", "NOT_SOLVED"))
                    .andExpect(status().isOk());
            JsonNode view = read(call(office, "/api/cases/" + id + "/reopen", Map.of("reason", "电梯仍未修好"))
                    .andExpect(status().isOk()));
            assertThat(view.get("escalated").asBoolean()).isEqualTo(round == 3);
            assertThat(inbox("P0003", "cases.escalate", id)).isEqualTo(round == 3 ? 1 : 0);
        }
    }
}
