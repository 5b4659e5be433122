package org.accord.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The averages among the review figures (documents' rounds and days, duty's acknowledgment times) and the documents'
 * rate of comments adopted, against the values worked out by hand in {@link AveragesFixture}; then as the dashboard,
 * its drill-down and the summary's .xlsx show them.
 */
@IntegrationTest
class ReviewAveragesIntegrationTest {

    @Autowired
    ReviewFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    SummaryGenerator generator;

    AveragesFixture fixture;
    Period may;

    @BeforeEach
    void load() {
        fixture = AveragesFixture.load(jdbc, directory);
        may = new Period(Period.Kind.CUSTOM, AveragesFixture.FROM, AveragesFixture.TO);
    }

    @Test
    void documentsFiguresOverTheOfficeAndPerSection() {
        ReviewFigures.Figures f = figures.figures(may, (Set<Long>) null, "UNIT");

        assertAverage(f.total("documents.ROUNDS_TO_CONSENSUS"), 2, 2.0);
        assertRate(f.total("documents.COMMENTS_ADOPTED"), 4, 3, 75.0);
        assertAverage(f.total("documents.DAYS_TO_ISSUANCE"), 3, 5.8);

        String secretariat = String.valueOf(fixture.secretariat);
        String documentsSection = String.valueOf(fixture.documentsSection);
        assertAverage(f.value("documents.DAYS_TO_ISSUANCE", secretariat), 2, 3.8);
        assertAverage(f.value("documents.DAYS_TO_ISSUANCE", documentsSection), 1, 10.0);
        assertAverage(f.value("documents.ROUNDS_TO_CONSENSUS", secretariat), 1, 1.0);
        assertAverage(f.value("documents.ROUNDS_TO_CONSENSUS", documentsSection), 1, 3.0);
        assertRate(f.value("documents.COMMENTS_ADOPTED", secretariat), 2, 1, 50.0);
        assertRate(f.value("documents.COMMENTS_ADOPTED", documentsSection), 2, 2, 100.0);
        assertThat(f.value("documents.DAYS_TO_ISSUANCE", secretariat).name())
                .isEqualTo(directory.unit(fixture.secretariat).orElseThrow().displayName());
        // The total is the summed days over the summed documents, not the mean of the sections' 3.75 and 10.0.
        assertThat(f.total("documents.DAYS_TO_ISSUANCE").sum()).isCloseTo(17.5, within(1e-6));
    }

    @Test
    void documentsFiguresByGenreByDrafterAndWithoutDistrict() {
        ReviewFigures.Figures byGenre = figures.figures(may, (Set<Long>) null, "CATEGORY");
        assertAverage(byGenre.value("documents.DAYS_TO_ISSUANCE", "NOTICE"), 2, 3.8);
        assertAverage(byGenre.value("documents.DAYS_TO_ISSUANCE", "OPINION"), 1, 10.0);
        assertThat(byGenre.value("documents.DAYS_TO_ISSUANCE", "OPINION").name())
                .isEqualTo("意见");

        ReviewFigures.Figures byDrafter = figures.figures(may, (Set<Long>) null, "PERSON");
        long huang = directory.personByCode("P0011").orElseThrow().id();
        assertAverage(byDrafter.value("documents.DAYS_TO_ISSUANCE", String.valueOf(huang)), 2, 3.8);
        assertThat(byDrafter
                        .value("documents.DAYS_TO_ISSUANCE", String.valueOf(huang))
                        .name())
                .isEqualTo("黄海涛");

        ReviewFigures.Figures byDistrict = figures.figures(may, (Set<Long>) null, "DISTRICT");
        assertAverage(byDistrict.value("documents.DAYS_TO_ISSUANCE", "-"), 3, 5.8);
        assertRate(byDistrict.value("documents.COMMENTS_ADOPTED", "-"), 4, 3, 75.0);
    }

    @Test
    void aUnitCountsTheDocumentsItWasConsultedOnAndItsOwnComments() {
        // SLJ was asked on A and B; its comments: A adopted, A not adopted, B adopted.
        ReviewFigures.Figures slj = figures.figures(may, Set.of(fixture.slj), "UNIT");
        assertAverage(slj.total("documents.ROUNDS_TO_CONSENSUS"), 2, 2.0);
        assertAverage(slj.total("documents.DAYS_TO_ISSUANCE"), 2, 7.0);
        assertRate(slj.total("documents.COMMENTS_ADOPTED"), 3, 2, 66.7);
        // ZJJ was asked on B only; its answered comment was partly adopted.
        ReviewFigures.Figures zjj = figures.figures(may, Set.of(fixture.zjj), "UNIT");
        assertAverage(zjj.total("documents.ROUNDS_TO_CONSENSUS"), 1, 3.0);
        assertAverage(zjj.total("documents.DAYS_TO_ISSUANCE"), 1, 10.0);
        assertRate(zjj.total("documents.COMMENTS_ADOPTED"), 1, 1, 100.0);
    }

    @Test
    void theDocumentsDrillDownListsTheDocumentsCountedWithTheirValues() {
        List<ReviewFigures.Item> days = figures.items("documents.DAYS_TO_ISSUANCE", "UNIT", null, may, null, 0, 100);
        assertThat(days).extracting(ReviewFigures.Item::label).containsExactly("RA 公文A", "RA 公文B", "RA 公文C");
        assertThat(days).extracting(ReviewFigures.Item::value).containsExactly(4.0, 10.0, 3.5);
        assertThat(days.get(0).href()).startsWith("/documents/");
        assertThat(days.get(0).date()).isEqualTo(AveragesFixture.FROM.plusDays(8));
        assertThat(mean(days))
                .isCloseTo(
                        figures.figures(may, (Set<Long>) null, "UNIT")
                                .total("documents.DAYS_TO_ISSUANCE")
                                .average(),
                        within(0.05));

        assertThat(figures.items(
                        "documents.DAYS_TO_ISSUANCE", "UNIT", String.valueOf(fixture.secretariat), may, null, 0, 100))
                .extracting(ReviewFigures.Item::label)
                .containsExactly("RA 公文A", "RA 公文C");
        assertThat(figures.items("documents.ROUNDS_TO_CONSENSUS", "UNIT", null, may, null, 0, 100))
                .extracting(ReviewFigures.Item::value)
                .containsExactly(1.0, 3.0);

        List<ReviewFigures.Item> comments =
                figures.items("documents.COMMENTS_ADOPTED", "UNIT", null, may, null, 0, 100);
        assertThat(comments).hasSize(4);
        assertThat(comments).extracting(ReviewFigures.Item::met).containsExactly(true, true, true, false);
        assertThat(comments.get(3).detail()).contains("未采纳");
    }

    @Test
    void dutyAcknowledgmentTimes() {
        ReviewFigures.Figures f = figures.figures(may, (Set<Long>) null, "UNIT");

        assertAverage(f.total("duty.LEADER_ACK_MINUTES"), 3, 20.0);
        assertAverage(f.total("duty.ALL_UNITS_ACK_MINUTES"), 2, 21.0);
        String yjj = String.valueOf(fixture.yjj);
        String slj = String.valueOf(fixture.slj);
        assertAverage(f.value("duty.LEADER_ACK_MINUTES", yjj), 2, 15.0);
        assertAverage(f.value("duty.LEADER_ACK_MINUTES", slj), 1, 30.0);
        assertAverage(f.value("duty.ALL_UNITS_ACK_MINUTES", yjj), 1, 30.0);
        assertAverage(f.value("duty.ALL_UNITS_ACK_MINUTES", slj), 1, 12.0);
        assertAverage(figures.figures(may, Set.of(fixture.slj), "UNIT").total("duty.LEADER_ACK_MINUTES"), 1, 30.0);

        List<ReviewFigures.Item> leaders = figures.items("duty.LEADER_ACK_MINUTES", "UNIT", null, may, null, 0, 100);
        assertThat(leaders).extracting(ReviewFigures.Item::label).containsExactly("RA 事件1", "RA 事件2", "RA 事件3");
        assertThat(leaders).extracting(ReviewFigures.Item::value).containsExactly(6.0, 24.0, 30.0);
        // Incident 2 still waits for a unit: it is neither counted nor listed.
        assertThat(figures.items("duty.ALL_UNITS_ACK_MINUTES", "UNIT", null, may, null, 0, 100))
                .extracting(ReviewFigures.Item::label, ReviewFigures.Item::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RA 事件1", 30.0),
                        org.assertj.core.groups.Tuple.tuple("RA 事件3", 12.0));
        // The rate beside them is still a rate.
        assertThat(f.total("duty.REPORT_CLOCKS").isAverage()).isFalse();
        assertThat(f.total("duty.REPORT_CLOCKS").average()).isNull();
    }

    @Test
    void theDashboardShowsAveragesAsAveragesAndRatesAsRates() throws Exception {
        MockHttpSession staff = SignIn.as(mvc, "huanghaitao");
        String page = page(staff, "/review/director?" + AveragesFixture.MAY);

        assertThat(page).contains("办文", "起草至印发用时", "领导确认用时");
        assertThat(tileValue(page, "documents.DAYS_TO_ISSUANCE")).isEqualTo("平均 5.8 天");
        assertThat(tileCount(page, "documents.DAYS_TO_ISSUANCE")).isEqualTo("共 3 项");
        assertThat(tileValue(page, "documents.ROUNDS_TO_CONSENSUS")).isEqualTo("平均 2.0 轮");
        assertThat(tileValue(page, "documents.COMMENTS_ADOPTED")).isEqualTo("75.0%");
        assertThat(tileCount(page, "documents.COMMENTS_ADOPTED")).isEqualTo("3 / 4");
        assertThat(tileValue(page, "duty.LEADER_ACK_MINUTES")).isEqualTo("平均 20.0 分钟");
        assertThat(tileValue(page, "duty.ALL_UNITS_ACK_MINUTES")).isEqualTo("平均 21.0 分钟");
        assertThat(tileValue(page, "duty.REPORT_CLOCKS")).endsWith("%");
        assertThat(page).contains("平均 3.8 天 (共 2 项)", "平均 10.0 天 (共 1 项)").doesNotContain("5.8%");

        // Each chart holds one scale: the rate's chart has no average in it, and each average has its own.
        List<String> charts = charts(section(page, "documents"));
        assertThat(charts).hasSize(3);
        assertThat(charts.get(0)).contains("\"percent\":true", "意见采纳率").doesNotContain("起草至印发用时");
        assertThat(charts.get(1)).contains("\"percent\":false", "征求意见轮次").doesNotContain("意见采纳率");
        assertThat(charts.get(2)).contains("\"percent\":false", "\"unit\":\"天\"", "起草至印发用时", "10.0");

        // The drill-down: as many rows as the figure counts, each with its days, and the definition.
        String items = page(staff, tileHref(page, "documents.DAYS_TO_ISSUANCE"));
        assertThat(rows(items)).isEqualTo(3);
        assertThat(items).contains("共 3 项，平均 5.8 天", "4.0 天", "10.0 天", "3.5 天", "从第一稿保存到印发");
        String units = page(staff, tileHref(page, "duty.ALL_UNITS_ACK_MINUTES"));
        assertThat(rows(units)).isEqualTo(2);
        assertThat(units).contains("还有单位未确认的事件不计入平均", "30.0 分钟", "12.0 分钟");
    }

    @Test
    void theSummarysSpreadsheetCarriesTheAveragesAsNumbers() throws Exception {
        SummaryPeriod month = SummaryPeriod.containing(SummaryPeriod.Kind.MONTH, AveragesFixture.FROM);
        long id = generator
                .generate(Summary.Subject.UNIT, fixture.slj, month, "huanghaitao")
                .id();
        MockHttpSession staff = SignIn.as(mvc, "huanghaitao");
        String summary = page(staff, "/review/summaries/" + id);
        assertThat(summary).contains("起草至印发用时 平均 7.0 天（2 项）", "领导确认用时 平均 30.0 分钟（1 项）");

        byte[] xlsx = mvc.perform(get("/review/summaries/{id}/figures.xlsx", id).session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row days = row(sheet, "起草至印发用时");
            assertThat(days.getCell(1).getNumericCellValue()).isEqualTo(7.0);
            assertThat(formatter.formatCellValue(days.getCell(1))).isEqualTo("平均 7.0 天");
            assertThat(days.getCell(2).getNumericCellValue()).isEqualTo(2.0);
            Row minutes = row(sheet, "各单位全部确认用时");
            assertThat(minutes.getCell(1).getNumericCellValue()).isEqualTo(12.0);
            assertThat(formatter.formatCellValue(minutes.getCell(1))).isEqualTo("平均 12.0 分钟");
            assertThat(row(sheet, "意见采纳率").getCell(1).getStringCellValue()).isEqualTo("2/3（66.7%）");
        }
    }

    private static Row row(org.apache.poi.ss.usermodel.Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static double mean(List<ReviewFigures.Item> items) {
        return items.stream()
                .map(ReviewFigures.Item::value)
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
    }

    private static void assertAverage(ReviewFigures.Value v, long base, double average) {
        assertThat(v).isNotNull();
        assertThat(v.isAverage()).as(v.figure()).isTrue();
        assertThat(v.base()).as(v.figure() + " " + v.key()).isEqualTo(base);
        assertThat(v.average()).as(v.figure() + " " + v.key()).isEqualTo(average);
        assertThat(v.rate()).as(v.figure()).isNull();
    }

    private static void assertRate(ReviewFigures.Value v, long base, long met, double rate) {
        assertThat(v).isNotNull();
        assertThat(v.isAverage()).as(v.figure()).isFalse();
        assertThat(new long[] {v.base(), v.met()})
                .as(v.figure() + " " + v.key())
                .containsExactly(base, met);
        assertThat(v.rate()).as(v.figure() + " " + v.key()).isEqualTo(rate);
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static Matcher tile(String page, String figure) {
        Matcher m = Pattern.compile(
                        "<a class=\"review-tile\" href=\"([^\"]+)\" data-figure=\"" + Pattern.quote(figure)
                                + "\">.*?<strong class=\"[^\"]*\">([^<]+)</strong>"
                                + ".*?<span class=\"review-tile-count\">([^<]+)</span>",
                        Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("tile " + figure).isTrue();
        return m;
    }

    private static String tileValue(String page, String figure) {
        return tile(page, figure).group(2).strip();
    }

    private static String tileCount(String page, String figure) {
        return tile(page, figure).group(3).strip();
    }

    private static String tileHref(String page, String figure) {
        return tile(page, figure).group(1).replace("&amp;", "&");
    }

    private static String section(String page, String kind) {
        int start = page.indexOf("id=\"review-" + kind + "\"");
        assertThat(start).as("section " + kind).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    private static List<String> charts(String section) {
        List<String> charts = new ArrayList<>();
        Matcher m = Pattern.compile("data-chart=\"([^\"]+)\"").matcher(section);
        while (m.find()) {
            charts.add(m.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return charts;
    }

    private static int rows(String itemsPage) {
        int tbody = itemsPage.indexOf("<tbody>");
        if (tbody < 0) {
            return 0;
        }
        String body = itemsPage.substring(tbody, itemsPage.indexOf("</tbody>", tbody));
        int n = 0;
        for (int i = body.indexOf("<tr"); i >= 0; i = body.indexOf("<tr", i + 1)) {
            n++;
        }
        return n;
    }
}
