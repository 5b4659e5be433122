package org.accord.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.accord.testing.IntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The auditor's page, its export and its verify button; nobody else's; and the modules writing to it. */
@IntegrationTest
class AuditPageIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

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

    /** Three records of one made-up actor, two on the object {@code type}/{@code a}, one in unit 4242. */
    String someRecords() {
        String actor = "actor-" + UUID.randomUUID().toString().substring(0, 8);
        trail.record(Audited.by(actor, "testing", "type", "a", "create", null, "first"));
        trail.record(Audited.by(actor, "testing", "type", "a", "change", "first", "second"));
        trail.record(new Audited(Instant.now(), actor, null, "testing", "type", "b", "create", 4242L, null, "third"));
        AuditDatabase.await(
                "three records", () -> db.count("SELECT COUNT(*) FROM audit_record WHERE actor = ?", actor) == 3);
        return actor;
    }

    @Test
    void theAuditorFiltersTheTrail() throws Exception {
        String actor = someRecords();
        RequestPostProcessor auditor = as("auditor", "AUDITOR");

        mvc.perform(get("/audit").with(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计日志")))
                .andExpect(content().string(containsString("校验")))
                .andExpect(content().string(containsString(actor)));
        mvc.perform(get("/audit").param("actor", actor).param("objectId", "a").with(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("second")))
                .andExpect(content().string(not(containsString("third"))));
        mvc.perform(get("/audit").param("unitId", "4242").with(auditor))
                .andExpect(content().string(containsString("third")))
                .andExpect(content().string(not(containsString("second"))));
        mvc.perform(get("/audit")
                        .param("actor", actor)
                        .param("action", "change")
                        .with(auditor))
                .andExpect(content().string(containsString("second")))
                .andExpect(content().string(not(containsString("third"))));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        mvc.perform(get("/audit")
                        .param("actor", actor)
                        .param("from", today.minusDays(1).toString())
                        .param("to", today.plusDays(1).toString())
                        .with(auditor))
                .andExpect(content().string(containsString("third")));
        mvc.perform(get("/audit")
                        .param("actor", actor)
                        .param("to", today.minusDays(2).toString())
                        .with(auditor))
                .andExpect(content().string(containsString("没有符合条件的审计记录")));
    }

    @Test
    void theListIsPagedNewestFirstWithoutCounting() throws Exception {
        String actor = "pager-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < AuditController.PAGE_SIZE + 1; i++) {
            trail.record(Audited.by(actor, "testing", "type", "n" + i, "page", null, "row-" + i + "-end"));
        }
        AuditDatabase.await(
                "all rows",
                () -> db.count("SELECT COUNT(*) FROM audit_record WHERE actor = ?", actor)
                        == AuditController.PAGE_SIZE + 1);
        RequestPostProcessor auditor = as("auditor", "AUDITOR");
        String first = mvc.perform(get("/audit").param("actor", actor).with(auditor))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String second = mvc.perform(
                        get("/audit").param("actor", actor).param("page", "1").with(auditor))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(first).contains("下一页").doesNotContain("上一页");
        assertThat(second).contains("上一页").doesNotContain("下一页");
        // Records are listed by the time they happened; the first published is the oldest.
        List<AuditRecord> rows = db.records("actor = ?", actor);
        AuditRecord oldest = rows.stream()
                .min((x, y) -> x.occurredAt().compareTo(y.occurredAt()))
                .orElseThrow();
        assertThat(second).contains(oldest.after());
        assertThat(first).doesNotContain(oldest.after());
    }

    @Test
    void theExportHoldsTheFilteredRowsOnly() throws Exception {
        String actor = someRecords();
        byte[] xlsx = mvc.perform(get("/audit/export.xlsx")
                        .param("actor", actor)
                        .param("objectId", "a")
                        .with(as("auditor", "AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", AuditController.XLSX))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("审计记录");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("操作人");
            List<String> afters = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(actor);
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("a");
                    afters.add(row.getCell(10).getStringCellValue());
                }
            }
            assertThat(afters).containsExactly("second", "first");
        }
        // The export itself is on the trail.
        AuditDatabase.await(
                "the export's own record",
                () -> db.count(
                                "SELECT COUNT(*) FROM audit_record WHERE module = 'audit' AND action = 'export'"
                                        + " AND after_text LIKE ?",
                                "%" + actor + "%")
                        == 1);
    }

    @Test
    void theVerifyButtonShowsTheResult() throws Exception {
        someRecords();
        db.awaitAllSealed();
        mvc.perform(post("/audit/verify").with(as("auditor", "AUDITOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("哈希链完整")))
                .andExpect(content().string(containsString("链尾哈希")));
    }

    @Test
    void nobodyButTheAuditorSeesTheTrail() throws Exception {
        String[][] others = {
            {"chenzhihua", "LEADER"},
            {"huanghaitao", "STAFF"},
            {"weilijuan", "LIAISON"},
            {"sysadmin", "SYSADMIN"},
            {"secadmin", "SECADMIN"}
        };
        for (String[] other : others) {
            RequestPostProcessor who = as(other[0], other[1]);
            mvc.perform(get("/audit").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/audit/export.xlsx").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/audit/verify").with(who).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
    }
}
