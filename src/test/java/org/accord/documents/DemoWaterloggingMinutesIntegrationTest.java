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
}
