package org.accord.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The calendar through HTTP, on a fresh database seeded with the shipped holiday list. */
@IntegrationTest
class CalendarIntegrationTest {

    static final String GOOD_2027 = """
            date,kind,name
            2027-01-01,HOLIDAY,元旦
            2027-02-06,HOLIDAY,春节
            2027-02-07,HOLIDAY,春节
            2027-02-08,HOLIDAY,春节
            2027-02-20,WORKDAY,春节
            """;

    static final String BAD_2028 = """
            date,kind,name
            2028-01-01,HOLIDAY,元旦
            2028-13-01,HOLIDAY,元旦
            2028-01-29,FOO,春节
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    CalendarSeed seed;

    @Autowired
    JdbcTemplate jdbc;

    static RequestPostProcessor staff() {
        return user("staff-test").roles("STAFF");
    }

    static RequestPostProcessor sysadmin() {
        return user("sysadmin-test").roles("SYSADMIN");
    }

    static RequestPostProcessor liaison() {
        return user("liaison-test").roles("LIAISON");
    }

    @Test
    void everyoneSignedInSeesTheMonthWithItsHolidays() throws Exception {
        mvc.perform(get("/calendar").param("year", "2026").param("month", "2").with(liaison()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("2026年2月"),
                                containsString("春节"),
                                containsString(">班<"),
                                containsString("cal-holiday"),
                                containsString("2026年节假日安排"))))
                // A liaison gets no links to change the calendar.
                .andExpect(content().string(not(containsString("/calendar/import"))));
        mvc.perform(get("/calendar").param("year", "2026").param("month", "2").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/calendar/import")));
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/calendar"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", endsWith("/signin")));
    }

    @Test
    void badParametersAreRefusedInChinese() throws Exception {
        mvc.perform(get("/calendar").param("year", "abc").with(liaison()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("年份“abc”无效")));
        mvc.perform(get("/calendar/days/2026-02-30").with(staff()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("日期“2026-02-30”无效")));
    }

    @Test
    void theShippedListIsSeededOnce() {
        assertThat(calendar.day(LocalDate.of(2026, 2, 17)).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        Integer before = jdbc.queryForObject("select count(*) from calendar_special_day", Integer.class);
        seed.seedIfNeeded(); // as on a restart
        assertThat(jdbc.queryForObject("select count(*) from calendar_special_day", Integer.class))
                .isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from calendar_import where source = ?", Integer.class, CalendarSeed.SOURCE))
                .isEqualTo(1);
    }

    @Test
    void importingAGoodListShowsAPreviewAndAppliesItOnConfirmation() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", "holidays-2027.csv", "text/csv", GOOD_2027.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/calendar/import").file(file).with(staff()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("确认导入：holidays-2027.csv"),
                                containsString("新增5天，修改0天，恢复正常0天，不变0天"),
                                containsString("2027-02-20"),
                                containsString("data-confirm="))));
        // Nothing changes before confirmation.
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue();

        mvc.perform(post("/calendar/import/confirm")
                        .param("csv", GOOD_2027)
                        .param("filename", "holidays-2027.csv")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/calendar?year=2027&month=1"))
                .andExpect(flash().attribute("notice", containsString("2027年节假日安排已导入：新增5天")));

        assertThat(calendar.day(LocalDate.of(2027, 2, 8)))
                .isEqualTo(new CalendarDay(LocalDate.of(2027, 2, 8), DayKind.HOLIDAY, "春节"));
        assertThat(calendar.day(LocalDate.of(2027, 2, 20)).kind()).isEqualTo(DayKind.MAKE_UP_WORKING_DAY);
        assertThat(calendar.addWorkingDays(LocalDate.of(2027, 2, 5), 1)).isEqualTo("2027-02-09");
        assertThat(jdbc.queryForObject(
                        "select count(*) from calendar_special_day where day_date between ? and ?",
                        Integer.class,
                        LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 12, 31)))
                .isEqualTo(5);
        mvc.perform(get("/calendar").param("year", "2027").param("month", "2").with(liaison()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("春节")));

        // The same file again changes nothing.
        mvc.perform(multipart("/calendar/import").file(file).with(staff()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件与现有日历完全一致")));
    }

    @Test
    void aBadListIsRefusedRowByRowAndChangesNothing() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", "holidays-2028.csv", "text/csv", BAD_2028.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/calendar/import").file(file).with(sysadmin()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("未作任何修改"),
                                containsString("第3行：日期“2028-13-01”无效"),
                                containsString("第4行：类型“FOO”无效"))));
        mvc.perform(post("/calendar/import/confirm")
                        .param("csv", BAD_2028)
                        .param("filename", "holidays-2028.csv")
                        .with(sysadmin())
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/calendar/import").with(sysadmin()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择要导入的 CSV 文件")));
        assertThat(calendar.specialDays(2028)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from calendar_special_day where day_date >= ?",
                        Integer.class,
                        LocalDate.of(2028, 1, 1)))
                .isZero();
    }

    @Test
    void anEditorChangesASingleDay() throws Exception {
        LocalDate monday = LocalDate.of(2029, 3, 5);
        mvc.perform(get("/calendar/days/2029-03-05").with(sysadmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2029-03-05 的设置"), containsString("data-confirm="))));

        mvc.perform(post("/calendar/days/2029-03-05")
                        .param("kind", "HOLIDAY")
                        .param("name", "测试假日")
                        .with(sysadmin())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/calendar?year=2029&month=3"));
        assertThat(calendar.day(monday)).isEqualTo(new CalendarDay(monday, DayKind.HOLIDAY, "测试假日"));
        assertThat(calendar.addWorkingDays(LocalDate.of(2029, 3, 2), 1)).isEqualTo("2029-03-06");

        // Saturday 2029-03-03 as a make-up working day, then back to normal.
        mvc.perform(post("/calendar/days/2029-03-03")
                        .param("kind", "MAKE_UP_WORKING_DAY")
                        .param("name", "")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 3, 3))).isTrue();

        mvc.perform(post("/calendar/days/2029-03-03")
                        .param("kind", "NORMAL")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/calendar/days/2029-03-05")
                        .param("kind", "NORMAL")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 3, 3))).isFalse();
        assertThat(calendar.day(monday).kind()).isEqualTo(DayKind.WORKING_DAY);
    }

    @Test
    void badDayEditsAreRefusedInChineseAndChangeNothing() throws Exception {
        // A make-up working day on a Monday.
        mvc.perform(post("/calendar/days/2029-04-02")
                        .param("kind", "MAKE_UP_WORKING_DAY")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不是周六或周日，不能设为调休上班")));
        // A holiday without a name.
        mvc.perform(post("/calendar/days/2029-04-02")
                        .param("kind", "HOLIDAY")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("须填写节日名称")));
        mvc.perform(post("/calendar/days/2029-04-02")
                        .param("kind", "SOMETHING")
                        .with(staff())
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择这一天的类型")));
        assertThat(calendar.day(LocalDate.of(2029, 4, 2)).kind()).isEqualTo(DayKind.WORKING_DAY);
    }

    @Test
    void aLiaisonMayNotChangeTheCalendar() throws Exception {
        mvc.perform(post("/calendar/days/2029-05-07")
                        .param("kind", "HOLIDAY")
                        .param("name", "无权")
                        .with(liaison())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/calendar/import").with(liaison())).andExpect(status().isForbidden());
        mvc.perform(multipart("/calendar/import")
                        .file(new MockMultipartFile(
                                "file", "x.csv", "text/csv", GOOD_2027.getBytes(StandardCharsets.UTF_8)))
                        .with(liaison())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // Without the CSRF token even an editor is refused.
        mvc.perform(post("/calendar/days/2029-05-07")
                        .param("kind", "HOLIDAY")
                        .param("name", "无令牌")
                        .with(staff()))
                .andExpect(status().isForbidden());
        assertThat(calendar.day(LocalDate.of(2029, 5, 7)).kind()).isEqualTo(DayKind.WORKING_DAY);
    }

    @Test
    void theApiListsDaysAndRefusesBadInputInChinese() throws Exception {
        mvc.perform(get("/api/calendar/days")
                        .param("from", "2026-02-14")
                        .param("to", "2026-02-15")
                        .with(liaison()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].date").value("2026-02-14"))
                .andExpect(jsonPath("$[0].kind").value("MAKE_UP_WORKING_DAY"))
                .andExpect(jsonPath("$[1].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$[1].name").value("春节"));
        mvc.perform(get("/api/calendar/deadline")
                        .param("start", "2026-02-21")
                        .param("workingDays", "3")
                        .with(liaison()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.due").value("2026-02-26"));
        mvc.perform(get("/api/calendar/days")
                        .param("from", "2026-02-30")
                        .param("to", "2026-03-01")
                        .with(liaison()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("日期“2026-02-30”无效")));
        mvc.perform(get("/api/calendar/days")
                        .param("from", "2026-01-01")
                        .param("to", "2028-01-01")
                        .with(liaison()))
                .andExpect(status().isBadRequest());
    }
}
