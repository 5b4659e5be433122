package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo minutes wait for 陈志华's ruling on the point the units stayed divided on: the page does not offer 送核稿
 * and says why, the service refuses it if asked anyway, and once the ruling is given the page offers it again.
 */
@IntegrationTest
// A database of its own: the ruling given here would end the demo's stopping point that other classes look at.
@TestPropertySource(properties = "accord.test.database-of-its-own=submit-awaiting-ruling")
class SubmitAwaitingRulingIntegrationTest {

    static final String WHY = "分歧已提请领导裁决，裁决后才能送核稿";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    long person(String username) {
        return jdbc.sql("SELECT person_id FROM security_account WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    @Test
    void noReviewIsOfferedUntilTheLeaderHasRuled() throws Exception {
        long id = jdbc.sql("SELECT MIN(document_id) FROM document_revision WHERE title = '城市排水防涝工作专题会议纪要'")
                .query(Long.class)
                .single();
        long point = jdbc.sql("SELECT point_id FROM document_round WHERE document_id = ? ORDER BY number DESC")
                .param(id)
                .query(Long.class)
                .list()
                .get(0);
        String path = "/documents/" + id;
        String submitForm = "action=\"" + path + "/submit\"";
        MockHttpSession drafter = SignIn.as(mvc, "huanghaitao");

        String awaiting = page(drafter, path);
        assertThat(awaiting).contains(WHY).doesNotContain(submitForm).doesNotContain("name=\"reviewer\"");

        String refused = mvc.perform(post(path + "/submit")
                        .session(drafter)
                        .with(csrf())
                        .param("reviewer", String.valueOf(person("yuhongxia"))))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("征求意见尚有分歧未解决");
        assertThat(jdbc.sql("SELECT status FROM document WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFTING");

        mvc.perform(post(path + "/points/{p}/rule", point)
                        .session(SignIn.as(mvc, "chenzhihua"))
                        .with(csrf())
                        .param("ruling", "按资产移交办结时间划分养护责任"))
                .andExpect(status().is3xxRedirection());

        String ruled = page(drafter, path);
        assertThat(ruled).contains(submitForm, "name=\"reviewer\"").doesNotContain(WHY);
    }
}
