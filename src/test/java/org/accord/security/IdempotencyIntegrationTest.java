package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every create of the API takes an {@code Idempotency-Key}: a retry gets the first answer, never a second
 * record (the guarantee the crash tests in {@code FaultsTest} rely on).
 */
@IntegrationTest
class IdempotencyIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    MockHttpSession officer;

    @BeforeEach
    void signIn() throws Exception {
        officer = SignIn.as(mvc, "caiyuxuan");
    }

    MockHttpServletRequestBuilder incident(String key, String what) {
        return post("/api/incidents")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reporterName\":\"值班员\",\"eventType\":\"道路交通事故\",\"level\":\"IV\","
                        + "\"place\":\"环城路\",\"what\":\"" + what + "\"}")
                .session(officer)
                .with(csrf());
    }

    int incidents(String what) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_incident WHERE what = :what")
                .param("what", what)
                .query(Integer.class)
                .single();
    }

    @Test
    void aRetriedIncidentGetsTheFirstAnswerAndIsTakenOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        MockHttpServletResponse first = mvc.perform(incident(key, "两车相撞-重试"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotentRequests.REPLAYED))
                .andReturn()
                .getResponse();
        MockHttpServletResponse again = mvc.perform(incident(key, "两车相撞-重试"))
                .andExpect(status().isCreated())
                .andExpect(header().string(IdempotentRequests.REPLAYED, "true"))
                .andReturn()
                .getResponse();

        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(again.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(incidents("两车相撞-重试")).isEqualTo(1);
    }

    @Test
    void aMatterCreatedThroughTheApiIsIdempotentToo() throws Exception {
        String key = "matter-" + UUID.randomUUID();
        String body = "{\"title\":\"幂等-排水管网协调\",\"kind\":\"GENERAL\"}";
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(mvc.perform(post("/api/matters")
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body)
                            .session(officer)
                            .with(csrf()))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
        }
        assertThat(answers).containsOnly(answers.get(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coordination_matter WHERE title = '幂等-排水管网协调'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndChangesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(incident(key, "塌方-第一次")).andExpect(status().isCreated());
        mvc.perform(incident(key, "塌方-另一件"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已用于另一个内容不同的请求")));
        assertThat(incidents("塌方-另一件")).isZero();
    }

    @Test
    void aRefusedRequestKeepsNothingSoTheCorrectedOneMayUseTheKey() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/api/incidents")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"level\":\"V\"}")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(incident(key, "更正后的报告")).andExpect(status().isCreated());
        assertThat(incidents("更正后的报告")).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(incident(key, "各自的键")).andExpect(status().isCreated());
        MockHttpSession another = SignIn.as(mvc, "huanghaitao");
        mvc.perform(post("/api/incidents")
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reporterName\":\"值班员\",\"eventType\":\"道路交通事故\",\"level\":\"IV\","
                                + "\"place\":\"环城路\",\"what\":\"各自的键\"}")
                        .session(another)
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotentRequests.REPLAYED));
        assertThat(incidents("各自的键")).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsRefused() throws Exception {
        mvc.perform(incident("x".repeat(201), "键太长"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(incidents("键太长")).isZero();
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneIncident() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<MockHttpServletResponse> call =
                        () -> mvc.perform(incident(key, "同时重试")).andReturn().getResponse();
                answers.add(pool.submit(call));
            }
            // Each caller gets the one answer, or (where the database stops waiting for the first request's
            // lock, as H2 does) 409 with Retry-After: a retry after that gets the one answer.
            List<String> bodies = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get();
                if (response.getStatus() == 409) {
                    assertThat(response.getHeader("Retry-After")).isEqualTo("1");
                    response = mvc.perform(incident(key, "同时重试")).andReturn().getResponse();
                }
                assertThat(response.getStatus()).isEqualTo(201);
                bodies.add(response.getContentAsString());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(incidents("同时重试")).isEqualTo(1);
    }
}
