package org.accord.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A situation request to five units, over HTTP: one unit answers late with the office's permission, one
 * withdraws and submits again, one is refused with its typed values kept; the aggregate and the .xlsx add up
 * to what is computed here by hand.
 */
@IntegrationTest
class SituationRequestIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    /** Opens the five-unit request as the office and returns its id. */
    long openRequest(MockHttpSession office, String title) throws Exception {
        String deadline = LocalDateTime.now(calendar.zone())
                .plusDays(2)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        MockHttpServletRequestBuilder create = post("/information/requests")
                .session(office)
                .with(csrf())
                .param("title", title)
                .param("description", "请报送在建工地安全检查情况")
                .param("basis", "陈志华副市长批示")
                .param("example", "在建工地数：12")
                .param("deadline", deadline)
                .param("field.0.label", "在建工地数")
                .param("field.0.type", "NUMBER")
                .param("field.0.required", "true")
                .param("field.0.min", "0")
                .param("field.1.label", "风险等级")
                .param("field.1.type", "SINGLE")
                .param("field.1.required", "true")
                .param("field.1.options", "高\n中\n低")
                .param("field.2.label", "重点工地")
                .param("field.2.type", "TABLE")
                .param("field.2.columns", "工地名称*:文本\n在建面积:数字")
                .param("field.3.label", "情况说明")
                .param("field.3.type", "TEXT")
                .param("field.4.label", "")
                .param("field.4.type", "TEXT");
        for (String code : List.of("ZJJ", "CGJ", "SLJ", "WJW", "YJJ")) {
            create.param("units", String.valueOf(unit(code)));
        }
        MvcResult result =
                mvc.perform(create).andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/information/requests/");
        return Long.parseLong(location.substring("/information/requests/".length()));
    }

    MockMultipartHttpServletRequestBuilder answer(
            long id, MockHttpSession liaison, String action, String count, String level, String... sites) {
        MockMultipartHttpServletRequestBuilder request = multipart("/information/requests/{id}/answer", id);
        request.session(liaison).with(csrf());
        request.param("action", action)
                .param("f.f1", count)
                .param("f.f2", level)
                .param("f.f4", "检查已完成");
        request.param("rows.f3", String.valueOf(sites.length / 2));
        for (int i = 0; i < sites.length / 2; i++) {
            request.param("t.f3." + i + ".c1", sites[2 * i]).param("t.f3." + i + ".c2", sites[2 * i + 1]);
        }
        return request;
    }

    @Test
    void fiveUnitsAnswerOneLateOneResubmittedAndTheAggregateAddsUp() throws Exception {
        MockHttpSession office = SignIn.as(mvc, "huanghaitao");
        long id = openRequest(office, "在建工地安全检查情况");
        MockHttpSession zjj = SignIn.as(mvc, "weilijuan");
        MockHttpSession cgj = SignIn.as(mvc, "panlei");
        MockHttpSession slj = SignIn.as(mvc, "yuanying");
        MockHttpSession wjw = SignIn.as(mvc, "liyanan");
        MockHttpSession yjj = SignIn.as(mvc, "lupeng");

        // Each liaison was told, with a link to the form.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE link = :l")
                        .param("l", "/information/requests/" + id)
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(5);

        // A unit not asked does not see the request at all.
        mvc.perform(get("/information/requests/{id}", id).session(SignIn.as(mvc, "tianshuzhen")))
                .andExpect(status().isNotFound());

        mvc.perform(answer(id, zjj, "submit", "12", "高", "东城工地", "1000", "西城工地", "500.5"))
                .andExpect(status().is3xxRedirection());

        // A wrong number is refused; what was typed comes back with a Chinese message, and nothing is stored.
        mvc.perform(answer(id, cgj, "submit", "三个", "中", "城管工地", "200"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“在建工地数”应填写数字。")))
                .andExpect(content().string(containsString("value=\"三个\"")))
                .andExpect(content().string(containsString("value=\"城管工地\"")));
        assertThat(answerStatus(id, unit("CGJ"))).isNull();
        // A table row without its required name is refused with the row named.
        mvc.perform(answer(id, cgj, "submit", "3", "中", "", "200"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“重点工地”第 1 行：请填写“工地名称”。")));
        mvc.perform(answer(id, cgj, "submit", "3", "中", "城管工地", "200")).andExpect(status().is3xxRedirection());

        // SLJ saves a draft, submits, withdraws and submits again with other figures.
        mvc.perform(answer(id, slj, "draft", "7", "", "水库工地", "250")).andExpect(status().is3xxRedirection());
        assertThat(answerStatus(id, unit("SLJ"))).isEqualTo("DRAFT");
        mvc.perform(get("/information/requests/{id}", id).session(slj))
                .andExpect(content().string(containsString("value=\"水库工地\"")));
        mvc.perform(answer(id, slj, "submit", "7", "高", "水库工地", "250")).andExpect(status().is3xxRedirection());
        mvc.perform(answer(id, slj, "submit", "7", "高", "水库工地", "250")).andExpect(status().isConflict());
        mvc.perform(post("/information/requests/{id}/withdraw", id).session(slj).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(answerStatus(id, unit("SLJ"))).isEqualTo("WITHDRAWN");
        mvc.perform(answer(id, slj, "submit", "8", "低", "水库工地", "300")).andExpect(status().is3xxRedirection());

        mvc.perform(answer(id, wjw, "submit", "0", "低")).andExpect(status().is3xxRedirection());

        // A liaison sees only their own unit's answer.
        mvc.perform(get("/information/requests/{id}", id).session(zjj))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("东城工地")))
                .andExpect(content().string(not(containsString("水库工地"))));
        // The office's board is the office's only.
        mvc.perform(get("/information/requests/{id}/board", id).session(zjj)).andExpect(status().isForbidden());

        // The deadline passes; YJJ has not answered and may not until the office allows it.
        jdbc.sql("UPDATE info_request SET deadline = :d WHERE id = :id")
                .param("d", Instant.now().minusSeconds(3600).atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        mvc.perform(get("/information/requests/{id}/board", id).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-state=\"LATE\"")));
        mvc.perform(answer(id, yjj, "submit", "5", "中", "应急仓库", "100")).andExpect(status().isConflict());
        assertThat(answerStatus(id, unit("YJJ"))).isNull();
        mvc.perform(post("/information/requests/{id}/withdraw", id).session(zjj).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post("/information/requests/{id}/units/{u}/allow-late", id, unit("YJJ"))
                        .session(office)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(answer(id, yjj, "submit", "5", "中", "应急仓库", "100")).andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT late FROM info_answer WHERE request_id = :r AND unit_id = :u")
                        .param("r", id)
                        .param("u", unit("YJJ"))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT times_submitted FROM info_answer WHERE request_id = :r AND unit_id = :u")
                        .param("r", id)
                        .param("u", unit("SLJ"))
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(get("/information/requests/{id}", id).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("逾期报送")))
                .andExpect(content().string(containsString("第 2 次报送")))
                .andExpect(content().string(not(containsString("data-state=\"LATE\""))));

        // By hand: 12 + 3 + 8 + 0 + 5 = 28 sites; 高 1 (ZJJ), 中 2 (CGJ, YJJ), 低 2 (SLJ, WJW);
        // rows 2 + 1 + 1 + 0 + 1 = 5, area 1000 + 500.5 + 200 + 300 + 100 = 2100.5. SLJ's first figures are gone.
        mvc.perform(get("/api/information/requests/{id}/aggregate", id).session(office))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asked").value(5))
                .andExpect(jsonPath("$.submitted").value(5))
                .andExpect(jsonPath("$.late").value(1))
                .andExpect(jsonPath("$.numbers['在建工地数'].sum").value(28))
                .andExpect(jsonPath("$.numbers['在建工地数'].count").value(5))
                .andExpect(jsonPath("$.choices['风险等级']['高']").value(1))
                .andExpect(jsonPath("$.choices['风险等级']['中']").value(2))
                .andExpect(jsonPath("$.choices['风险等级']['低']").value(2))
                .andExpect(jsonPath("$.tables['重点工地'].rows.length()").value(5))
                .andExpect(jsonPath("$.tables['重点工地'].rows[4].unit").value("市应急管理局"))
                .andExpect(jsonPath("$.tables['重点工地'].sums['在建面积']").value(2100.5));
        mvc.perform(get("/information/requests/{id}/aggregate", id).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("在建工地数合计 28（5 个单位填报）")))
                .andExpect(content().string(containsString("2100.5")));

        // The workbook, opened as a user would.
        byte[] xlsx = mvc.perform(
                        get("/information/requests/{id}/aggregate.xlsx", id).session(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet answers = workbook.getSheet("各单位报送");
            assertThat(answers.getLastRowNum()).isEqualTo(5);
            int countColumn = column(answers.getRow(0), "在建工地数");
            double sum = 0;
            List<String> units = new ArrayList<>();
            for (int r = 1; r <= 5; r++) {
                sum += answers.getRow(r).getCell(countColumn).getNumericCellValue();
                units.add(answers.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(sum).isEqualTo(28.0);
            assertThat(units).contains("市住建局", "市城管局", "市水利局", "市卫健委", "市应急管理局");
            Sheet totals = workbook.getSheet("合计与分布");
            assertThat(value(totals, "在建工地数", "合计")).isEqualTo(28.0);
            assertThat(value(totals, "风险等级", "中")).isEqualTo(2.0);
            Sheet sites = workbook.getSheetAt(2);
            assertThat(sites.getSheetName()).contains("重点工地");
            assertThat(sites.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位");
            assertThat(sites.getLastRowNum()).isEqualTo(6);
            double area = 0;
            for (int r = 1; r <= 5; r++) {
                area += sites.getRow(r).getCell(2).getNumericCellValue();
            }
            assertThat(area).isEqualTo(2100.5);
            assertThat(sites.getRow(6).getCell(2).getNumericCellValue()).isEqualTo(2100.5);
        }
    }

    @Test
    void theOfficeRemindsTheUnitsThatHaveNotAnsweredInOneStep() throws Exception {
        MockHttpSession office = SignIn.as(mvc, "huanghaitao");
        long id = openRequest(office, "催报测试");
        mvc.perform(answer(id, SignIn.as(mvc, "weilijuan"), "submit", "1", "低")).andExpect(status().is3xxRedirection());
        long panlei = personId("panlei");
        int before = reminders(panlei);
        mvc.perform(post("/information/requests/{id}/remind", id)
                        .session(office)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(reminders(panlei)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM info_request_unit WHERE request_id = :r AND reminded_at IS NOT NULL")
                        .param("r", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void anAttachmentFieldTakesAllowedFilesOnlyAndTheDesignerKeepsWhatWasTyped() throws Exception {
        MockHttpSession office = SignIn.as(mvc, "huanghaitao");
        // A choice without options: the designer comes back with everything typed.
        mvc.perform(post("/information/requests")
                        .session(office)
                        .with(csrf())
                        .param("title", "附件测试")
                        .param(
                                "deadline",
                                LocalDateTime.now(calendar.zone())
                                        .plusDays(1)
                                        .truncatedTo(ChronoUnit.MINUTES)
                                        .toString())
                        .param("units", String.valueOf(unit("ZJJ")))
                        .param("field.0.label", "是否完成")
                        .param("field.0.type", "SINGLE"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("单选、多选字段至少要有两个选项。")))
                .andExpect(content().string(containsString("value=\"附件测试\"")))
                .andExpect(content().string(containsString("value=\"是否完成\"")));
        MvcResult created = mvc.perform(post("/information/requests")
                        .session(office)
                        .with(csrf())
                        .param("title", "附件测试")
                        .param("workingDays", "2")
                        .param("units", String.valueOf(unit("ZJJ")))
                        .param("field.0.label", "检查报告")
                        .param("field.0.type", "ATTACHMENT")
                        .param("field.0.required", "true"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().substring("/information/requests/".length()));
        MockHttpSession zjj = SignIn.as(mvc, "weilijuan");
        mvc.perform(multipart("/information/requests/{id}/answer", id)
                        .session(zjj)
                        .with(csrf())
                        .param("action", "submit"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请上传“检查报告”。")));
        mvc.perform(multipart("/information/requests/{id}/answer", id)
                        .file(new MockMultipartFile("file.f1", "run.exe", "application/octet-stream", new byte[] {1}))
                        .session(zjj)
                        .with(csrf())
                        .param("action", "submit"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("附件类型不支持")));
        byte[] pdf = "%PDF-1.4 检查报告".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/information/requests/{id}/answer", id)
                        .file(new MockMultipartFile("file.f1", "检查报告.pdf", "application/pdf", pdf))
                        .session(zjj)
                        .with(csrf())
                        .param("action", "submit"))
                .andExpect(status().is3xxRedirection());
        long fileId = jdbc.sql("SELECT f.id FROM info_answer_file f JOIN info_answer a ON a.id = f.answer_id"
                        + " WHERE a.request_id = :r")
                .param("r", id)
                .query(Long.class)
                .single();
        mvc.perform(get("/information/requests/{id}/files/{f}", id, fileId).session(zjj))
                .andExpect(status().isOk())
                .andExpect(content().bytes(pdf));
        mvc.perform(get("/information/requests/{id}/files/{f}", id, fileId).session(office))
                .andExpect(status().isOk());
        mvc.perform(get("/information/requests/{id}/files/{f}", id, fileId).session(SignIn.as(mvc, "panlei")))
                .andExpect(status().isNotFound());
    }

    long personId(String username) {
        return jdbc.sql("SELECT person_id FROM security_account WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }

    int reminders(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND kind = 'information.remind'")
                .param("p", personId)
                .query(Integer.class)
                .single();
    }

    String answerStatus(long request, long unit) {
        return jdbc.sql("SELECT status FROM info_answer WHERE request_id = :r AND unit_id = :u")
                .param("r", request)
                .param("u", unit)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static int column(Row header, String label) {
        for (int i = 0; i < header.getLastCellNum(); i++) {
            if (label.equals(header.getCell(i).getStringCellValue())) {
                return i;
            }
        }
        throw new AssertionError("No column " + label);
    }

    static double value(Sheet sheet, String field, String item) {
        for (Row row : sheet) {
            if (field.equals(row.getCell(0).getStringCellValue())
                    && item.equals(row.getCell(1).getStringCellValue())) {
                return row.getCell(2).getNumericCellValue();
            }
        }
        throw new AssertionError("No row " + field + " / " + item);
    }
}
