package org.accord.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboards through HTTP as each role sees them, on {@link ReviewFixture}'s March 2025 data: what each may
 * open, what is refused with a Chinese message, and that a figure's count equals the rows of its drill-down.
 */
@IntegrationTest
class DashboardIntegrationTest {

    static final String MARCH = "period=CUSTOM&from=2025-03-01&to=2025-03-31";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    ReviewFixture fixture;

    @BeforeEach
    void load() {
        fixture = ReviewFixture.load(jdbc, directory);
    }

    @Test
    void theDirectorSeesTheWholeOfficeAndEachCountLeadsToAsManyItems() throws Exception {
        MockHttpSession staff = SignIn.as(mvc, "huanghaitao");
        String page = page(staff, "/review/director?" + MARCH);

        assertThat(page).contains("办公室主任看板", "按时签收率", "热线工单", "督办", "data-chart=");
        // On-time sign-for over the whole office: 2 of 3 signed shares (see ReviewFiguresIntegrationTest).
        assertThat(tileCount(page, "cases.ON_TIME_SIGN")).isEqualTo("2 / 3");
        assertThat(tileCount(page, "supervision.OVERDUE")).isEqualTo("2 / 3");

        for (String figure : new String[] {"cases.ON_TIME_SIGN", "cases.RETURN", "supervision.OVERDUE"}) {
            String count = tileCount(page, figure);
            int base = Integer.parseInt(count.substring(count.indexOf('/') + 1).strip());
            int met = Integer.parseInt(count.substring(0, count.indexOf('/')).strip());
            String items = page(staff, tileHref(page, figure));
            assertThat(rows(items)).as(figure).isEqualTo(base);
            assertThat(metRows(items)).as(figure).isEqualTo(met);
        }
    }

    @Test
    void aLiaisonSeesOnlyItsOwnUnit() throws Exception {
        MockHttpSession liaison = SignIn.as(mvc, "weilijuan");
        String page = page(liaison, "/review/unit?" + MARCH);

        assertThat(page).contains("市住建局看板");
        // ZJJ alone: its two signed shares, both on time; no other unit's row.
        assertThat(tileCount(page, "cases.ON_TIME_SIGN")).isEqualTo("2 / 2");
        assertThat(page).doesNotContain("市水利局");
        assertThat(rows(page(liaison, tileHref(page, "cases.RETURN")))).isEqualTo(2);

        String other = mvc.perform(get("/review/unit?unit=" + fixture.slj).session(liaison))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(other).contains("无权查看");
        mvc.perform(get("/review/items?figure=cases.RETURN&unit=" + fixture.slj + "&" + MARCH)
                        .session(liaison))
                .andExpect(status().isNotFound());
        mvc.perform(get("/review/director").session(liaison)).andExpect(status().isForbidden());
        mvc.perform(get("/review/leader").session(liaison)).andExpect(status().isForbidden());
    }

    @Test
    void aLeaderSeesTheUnitsRoutedToHimOnly() throws Exception {
        MockHttpSession leader = SignIn.as(mvc, "chenzhihua");
        String page = page(leader, "/review/leader?" + MARCH);

        assertThat(page).contains("陈志华分管单位看板", "市住建局", "市水利局");
        // ZJJ and SLJ are both routed to him; the case closed at first contact has no unit and stays out.
        assertThat(tileCount(page, "cases.FIRST_CONTACT")).isEqualTo("0 / 2");

        long wjw = directory.unitByCode("WJW").orElseThrow().id();
        long liufang = directory.leaders().stream()
                .filter(p -> p.name().equals("刘芳"))
                .findFirst()
                .orElseThrow()
                .id();
        mvc.perform(get("/review/unit?unit=" + wjw).session(leader)).andExpect(status().isNotFound());
        mvc.perform(get("/review/leader?leader=" + liufang).session(leader)).andExpect(status().isNotFound());
        mvc.perform(get("/review/director").session(leader)).andExpect(status().isForbidden());
    }

    @Test
    void aBadPeriodIsRefusedInChinese() throws Exception {
        MockHttpSession staff = SignIn.as(mvc, "huanghaitao");
        String page = mvc.perform(get("/review/director?period=CUSTOM&from=2025-03-31&to=2025-03-01")
                        .session(staff))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("时间段不正确");
        mvc.perform(get("/review/items?figure=cases.NOTHING").session(staff)).andExpect(status().isBadRequest());
        mvc.perform(get("/review/director?by=COLOUR").session(staff)).andExpect(status().isBadRequest());
    }

    @Test
    void administratorsSeeNothing() throws Exception {
        MockHttpSession admin = SignIn.as(mvc, "sysadmin");
        mvc.perform(get("/review").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/review/items?figure=cases.RETURN").session(admin)).andExpect(status().isForbidden());
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
                                + "\">.*?<span class=\"review-tile-count\">([^<]+)</span>",
                        Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("tile " + figure).isTrue();
        return m;
    }

    private static String tileCount(String page, String figure) {
        return tile(page, figure).group(2).strip();
    }

    private static String tileHref(String page, String figure) {
        return tile(page, figure).group(1).replace("&amp;", "&");
    }

    private static int rows(String itemsPage) {
        int tbody = itemsPage.indexOf("<tbody>");
        return tbody < 0 ? 0 : count(itemsPage.substring(tbody), "<tr");
    }

    private static int metRows(String itemsPage) {
        return count(itemsPage, "class=\"review-met\"");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
