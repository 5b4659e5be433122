package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without {@code accord.demo.waterlogging-minutes} the demo still drafts the first waterlogging meeting's minutes and
 * leaves them escalated: the scenario test switches the runner off, so this is what keeps the demo's stopping point.
 */
@IntegrationTest
class DemoWaterloggingMinutesIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String page(String username, String path) throws Exception {
        return mvc.perform(get(path).session(SignIn.as(mvc, username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemoMinutesAwaitTheVicemayorsRuling() throws Exception {
        assertThat(page("chenzhihua", "/leader")).contains("城市排水防涝工作专题会议纪要", "建议以资产移交办结时间为界划分养护责任", "资产移交已于2024年完成");
        assertThat(page("huanghaitao", "/documents/minutes-seeds")).contains("已起草，查看");
    }

    @Test
    void whileTheRulingIsAwaitedNoFurtherRoundIsSent() throws Exception {
        long id = jdbc.sql("SELECT MIN(document_id) FROM document_revision WHERE title = '城市排水防涝工作专题会议纪要'")
                .query(Long.class)
                .single();
        String path = "/documents/" + id;
        String before = page("huanghaitao", path);
        assertThat(before).contains("分歧已提请领导裁决，裁决后才能送下一稿征求意见").doesNotContain("送第3稿征求意见");

        String refused = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path + "/rounds")
                                .param("units", "1")
                                .param("workingDays", "3")
                                .session(SignIn.as(mvc, "huanghaitao"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("裁决后才能送下一稿征求意见");
        assertThat(page("huanghaitao", path)).doesNotContain("第3轮");
    }
}
