package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A citizen reports through the public web form without signing in, gets a case number and looks the case up
 * with it; a script that fills the hidden field, and one address that submits too often, are turned away with a
 * Chinese message and no case.
 */
@IntegrationTest
class PublicCaseFormIntegrationTest {

    private static final Pattern NUMBER = Pattern.compile("12345-\\d{8}-\\d{6}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCitizenReportsAndFollowsTheCase() throws Exception {
        String form = mvc.perform(get("/public/cases/new"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("name=\"description\"");

        String taken = mvc.perform(report("10.1.0.1", "13800001111", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(taken).contains("您的诉求已受理");
        Matcher number = NUMBER.matcher(taken);
        assertThat(number.find()).as("a case number on the page").isTrue();

        String status = mvc.perform(get("/public/cases/status")
                        .param("number", number.group())
                        .param("phone", "13800001111")
                        .with(from("10.1.0.1")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(status).contains(number.group());
        assertThat(casesFrom("13800001111")).isEqualTo(1);
    }

    @Test
    void theHiddenFieldAndTooManySubmissionsAreTurnedAway() throws Exception {
        String refused = mvc.perform(report("10.1.0.2", "13800002222", "http://spam.example"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("提交过于频繁");
        assertThat(casesFrom("13800002222")).isZero();

        for (int i = 0; i < 5; i++) {
            mvc.perform(report("10.1.0.3", "13800003333", "")).andExpect(status().isOk());
        }
        mvc.perform(report("10.1.0.3", "13800003333", "")).andExpect(status().isTooManyRequests());
        assertThat(casesFrom("13800003333")).isEqualTo(5);
    }

    private static MockHttpServletRequestBuilder report(String address, String phone, String hiddenField) {
        return post("/public/cases")
                .with(csrf())
                .with(from(address))
                .param("callerName", "市民")
                .param("phone", phone)
                .param("address", "幸福路3号")
                .param("description", "路灯不亮。")
                .param("website", hiddenField);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private int casesFrom(String phone) {
        return jdbc.sql("SELECT COUNT(*) FROM hotline_case WHERE phone = :phone")
                .param("phone", phone)
                .query(Integer.class)
                .single();
    }
}
