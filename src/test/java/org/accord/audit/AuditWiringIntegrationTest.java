package org.accord.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Other modules' changes reach the trail. Shares its own application context with
 * {@link AuditTamperIntegrationTest}, so the directory and calendar it changes are not those of other tests.
 */
@IntegrationTest
@TestPropertySource(properties = "accord.audit.test-context=own")
class AuditWiringIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    AuditDatabase db;

    @BeforeEach
    void setUp() {
        db = new AuditDatabase(jdbc, dataSource);
    }

    RequestPostProcessor as(String username, String role) throws Exception {
        return SignIn.as(mvc, username, role);
    }

    @Test
    void aDirectoryImportIsOnTheTrail() throws Exception {
        RequestPostProcessor staff = as("huanghaitao", "STAFF");
        MvcResult preview = mvc.perform(multipart("/directory/import")
                        .file(new MockMultipartFile(
                                "files",
                                "units.csv",
                                "text/csv",
                                ("编码,名称,简称,类别,上级编码,分管领导编码,法定权威单位,值班电话,排序\n"
                                                + "SJAUD,示例市审计测试局,审计测试局,工作部门,SZF,P0002,否,0999-8200998,41\n")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .param("mode", "MERGE")
                        .with(staff)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        String action = preview.getResponse()
                .getContentAsString()
                .replaceAll("(?s).*action=\"(/directory/import/\\d+/confirm)\".*", "$1");
        String importId = action.replaceAll("\\D", "");
        mvc.perform(post(action).with(staff).with(csrf())).andExpect(status().is3xxRedirection());

        AuditDatabase.await(
                "the import's record",
                () -> !db.records("module = 'directory' AND object_id = ?", importId)
                        .isEmpty());
        AuditRecord record =
                db.records("module = 'directory' AND object_id = ?", importId).get(0);
        assertThat(record.actor()).isEqualTo("huanghaitao");
        assertThat(record.objectType()).isEqualTo("import");
        assertThat(record.action()).isEqualTo("apply");
        assertThat(record.after())
                .isEqualTo("mode=MERGE; units added=1, changed=0, unchanged=0, deactivated=0;"
                        + " people added=0, changed=0, unchanged=0, deactivated=0");
    }

    @Test
    void aCalendarDayChangeIsOnTheTrail() throws Exception {
        RequestPostProcessor admin = as("sysadmin", "SYSADMIN");
        mvc.perform(post("/calendar/days/2031-03-06")
                        .param("kind", "HOLIDAY")
                        .param("name", "审计测试日")
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // Back to normal, so that the calendar of other tests in this context stays as shipped.
        mvc.perform(post("/calendar/days/2031-03-06")
                        .param("kind", "NORMAL")
                        .with(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        AuditDatabase.await(
                "the day's two records",
                () -> db.records("module = 'calendar' AND object_id = '2031-03-06'")
                                .size()
                        == 2);
        List<AuditRecord> records = db.records("module = 'calendar' AND object_id = '2031-03-06'");
        records.sort((x, y) -> x.occurredAt().compareTo(y.occurredAt()));
        assertThat(records).extracting(AuditRecord::actor).containsOnly("sysadmin");
        assertThat(records).extracting(AuditRecord::action).containsExactly("mark", "reset");
        assertThat(records.get(0).before()).isNull();
        assertThat(records.get(0).after()).isEqualTo("HOLIDAY 审计测试日");
        assertThat(records.get(1).before()).isEqualTo("HOLIDAY 审计测试日");
        assertThat(records.get(1).after()).isNull();
    }
}
