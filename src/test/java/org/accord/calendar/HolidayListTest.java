package org.accord.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading holiday lists and planning their import, no Spring. */
class HolidayListTest {

    @Test
    void readsAGoodList() {
        HolidayList list = HolidayList.parse("""
                date,kind,name
                2027-01-01,HOLIDAY,元旦

                2027-02-07,WORKDAY,春节
                "2027-02-06",HOLIDAY,"春节"
                """);
        assertThat(list.problems()).isEmpty();
        assertThat(list.days())
                .containsExactly(
                        SpecialDay.holiday(LocalDate.of(2027, 1, 1), "元旦"),
                        SpecialDay.holiday(LocalDate.of(2027, 2, 6), "春节"),
                        SpecialDay.makeUpWorkingDay(LocalDate.of(2027, 2, 7), "春节"));
        assertThat(list.years()).containsExactly(2027);
    }

    @Test
    void reportsEveryBadRowWithItsLineNumber() {
        HolidayList list = HolidayList.parse("""
                date,kind,name
                2027-13-01,HOLIDAY,元旦
                2027-02-07,WEEKEND,春节
                2027-02-08,WORKDAY,春节
                2027-02-09,HOLIDAY,
                2027-02-10,HOLIDAY
                2027-01-01,HOLIDAY,元旦
                2027-01-01,HOLIDAY,元旦
                1999-01-01,HOLIDAY,元旦
                2027-02-30,HOLIDAY,春节
                """);
        assertThat(list.problems())
                .extracting(ImportProblem::line, ImportProblem::messageKey)
                .containsExactly(
                        tuple(2, "calendar.import.error.date"),
                        tuple(3, "calendar.import.error.kind"),
                        tuple(4, "calendar.import.error.not-weekend"),
                        tuple(5, "calendar.import.error.name-missing"),
                        tuple(6, "calendar.import.error.columns"),
                        tuple(8, "calendar.import.error.duplicate"),
                        tuple(9, "calendar.import.error.year"),
                        tuple(10, "calendar.import.error.date"));
        assertThat(list.isValid()).isFalse();
        assertThat(list.problems().get(5).arguments()).containsExactly(8, "2027-01-01", 7);
    }

    @Test
    void refusesFilesWithoutTheHeaderOrWithoutRows() {
        assertThat(HolidayList.parse("2027-01-01,HOLIDAY,元旦\n").problems())
                .extracting(ImportProblem::messageKey)
                .containsExactly("calendar.import.error.header");
        assertThat(HolidayList.parse("date,kind,name\n").problems())
                .extracting(ImportProblem::messageKey)
                .containsExactly("calendar.import.error.no-rows");
        assertThat(HolidayList.parse("  \n").problems())
                .extracting(ImportProblem::messageKey)
                .containsExactly("calendar.import.error.empty");
        assertThat(HolidayList.parse("date,kind,name\n\"2027-01-01,HOLIDAY,元旦\n")
                        .problems())
                .extracting(ImportProblem::messageKey)
                .containsExactly("calendar.import.error.malformed");
    }

    @Test
    void decodesUtf8WithBomAndGbkFromExcel() {
        String text = "date,kind,name\r\n2027-01-01,HOLIDAY,元旦\r\n";
        byte[] withBom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        byte[] gbk = text.getBytes(Charset.forName("GBK"));
        assertThat(HolidayList.parse(HolidayList.decode(withBom)).days())
                .containsExactly(SpecialDay.holiday(LocalDate.of(2027, 1, 1), "元旦"));
        assertThat(HolidayList.parse(HolidayList.decode(gbk)).days())
                .containsExactly(SpecialDay.holiday(LocalDate.of(2027, 1, 1), "元旦"));
    }

    @Test
    void anImportReplacesTheYearsItCovers() {
        List<SpecialDay> current = List.of(
                SpecialDay.holiday(LocalDate.of(2026, 10, 1), "国庆节"), // other year: untouched
                SpecialDay.holiday(LocalDate.of(2027, 1, 1), "元旦"), // unchanged
                SpecialDay.holiday(LocalDate.of(2027, 2, 5), "春节"), // renamed
                SpecialDay.holiday(LocalDate.of(2027, 2, 13), "春节")); // not in the list: back to normal
        HolidayList list = HolidayList.parse("""
                date,kind,name
                2027-01-01,HOLIDAY,元旦
                2027-02-05,HOLIDAY,除夕
                2027-02-06,HOLIDAY,春节
                """);
        ImportPlan plan = ImportPlan.of(list, current);
        assertThat(plan.years()).containsExactly(2027);
        assertThat(plan.added()).containsExactly(SpecialDay.holiday(LocalDate.of(2027, 2, 6), "春节"));
        assertThat(plan.changed())
                .containsExactly(new ImportPlan.Change(
                        SpecialDay.holiday(LocalDate.of(2027, 2, 5), "春节"),
                        SpecialDay.holiday(LocalDate.of(2027, 2, 5), "除夕")));
        assertThat(plan.removed()).containsExactly(SpecialDay.holiday(LocalDate.of(2027, 2, 13), "春节"));
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.changesNothing()).isFalse();
        assertThat(ImportPlan.of(
                                list,
                                List.of(
                                        SpecialDay.holiday(LocalDate.of(2027, 1, 1), "元旦"),
                                        SpecialDay.holiday(LocalDate.of(2027, 2, 5), "除夕"),
                                        SpecialDay.holiday(LocalDate.of(2027, 2, 6), "春节")))
                        .changesNothing())
                .isTrue();
    }
}
