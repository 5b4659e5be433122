package org.accord.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Scenario 4 of docs/tour.md, replayed in Chromium as each person in turn: a resident phones the duty room about a
 * collapsed building with people possibly trapped; the report is taken with the time of the call to the second,
 * the leader on duty, the overseeing vice-mayor and four units are told at once and acknowledge, the first report
 * goes up unverified within its clock while the district verifies, the vice-mayor's instruction is relayed, then
 * follow-up and final reports and their CAP messages.
 *
 * <p>The demo's incident came in at 02:10; here the call came in a few minutes before the test runs, so that the
 * report clocks run as they would that night. Screenshots {@code tour-4-*} go to docs/tour/ when run by
 * {@code bin/tour}.
 */
@BrowserTest
class NightEmergencyScenarioBrowserTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalTime SHIFT_START = LocalTime.of(8, 30);
    private static final String TITLE = "幸福里小区7号楼房屋垮塌";

    @Test
    void collapsedBuildingAtNight(Browser browser) {
        LocalDateTime call = LocalDateTime.now(ZONE).minusMinutes(4).withNano(0);
        String callTime = call.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));

        // 0. The duty officer checks tonight's shift: 刘芳 leads it (the overseeing vice-mayor is 陈志华).
        as(browser, "caiyuxuan");
        browser.open("/duty/roster");
        LocalDateTime shiftDay = call.toLocalTime().isBefore(SHIFT_START) ? call.minusDays(1) : call;
        setValue(browser, By.id("day"), shiftDay.toLocalDate().toString());
        new Select(browser.find(By.id("leaderId"))).selectByVisibleText("刘芳（副市长）");
        browser.find(By.id("staff")).sendKeys("P0031");
        browser.find(By.cssSelector("form[action$='/duty/roster'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.urlMatches(".*/duty/roster$"));

        // 1. Intake: a resident, not an authoritative reporter; the time of the call as the caller gave it.
        browser.open("/duty/incidents/new");
        setValue(browser, By.id("receivedAt"), call.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
        browser.find(By.id("reporterName")).sendKeys("周先生（居民）");
        browser.find(By.id("reporterPhone")).sendKeys("13566667777");
        browser.find(By.id("eventType")).sendKeys("房屋垮塌");
        new Select(browser.find(By.id("level"))).selectByValue("II");
        new Select(browser.find(By.id("districtUnitId"))).selectByVisibleText("东城区政府");
        new Select(browser.find(By.id("concernedUnitId"))).selectByVisibleText("市住建局");
        browser.find(By.id("place")).sendKeys("幸福里小区7号楼");
        browser.find(By.id("what")).sendKeys("来电人称楼北侧一个单元塌下来一半，听到废墟里有人喊救命，可能有人被困，具体人数不清楚。");
        WebElement missing = browser.find(By.id("missing"));
        missing.clear();
        missing.sendKeys("3");
        browser.find(By.id("doubtful")).sendKeys("被困人数未经现场确认");
        browser.find(By.id("intake-submit")).click();
        browser.await(ExpectedConditions.urlMatches(".*/duty/incidents/\\d+$"));
        String incidentPath = browser.currentPath();
        String page = main(browser);
        assertThat(browser.find(By.tagName("h1")).getText()).contains(TITLE, "重大", "未核实");
        assertThat(page).contains(callTime).contains("建议核实", "报告人非法定权威单位或职能部门").contains("I、II 级事件不等核实");
        String notified = browser.find(By.cssSelector("table.duty-notified")).getText();
        assertThat(notified)
                .contains("带班领导", "刘芳")
                .contains("分管领导", "陈志华")
                .contains("市应急管理局", "市消防救援支队", "市卫健委", "东城区政府办公室")
                .doesNotContain("已确认");
        browser.screenshot("tour-4-1-intake");

        // 2. The first report goes up at once, marked unverified, while the district is asked to verify.
        select(browser, "state", "VERIFYING");
        browser.find(By.id("how")).sendKeys("电话请东城区政府办公室田淑珍赶赴现场核实");
        browser.find(By.cssSelector("form[action$='/verification'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "核实中"));
        browser.find(By.cssSelector("form[action$='/phone-report'] button")).click();
        browser.await(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[action$='/phone-report']")));
        assertThat(reportsSection(browser)).contains("已于", "电话报告");
        browser.find(By.xpath("//form[contains(@action,'/reports')]//button[normalize-space()='生成初报']"))
                .click();
        browser.await(ExpectedConditions.urlMatches(".*/reports/\\d+$"));
        assertThat(browser.find(By.id("body")).getAttribute("value")).contains("幸福里小区7号楼");
        submitReport(browser);
        assertThat(reportsSection(browser)).contains("初报 #1", "已报送", "核实中");
        assertThat(browser.find(By.cssSelector(".duty-clocks")).getText()).contains("已按时报告");
        browser.screenshot("tour-4-2-first-report");

        // 3. The leader on duty acknowledges on her phone.
        as(browser, "liufang");
        phone(browser);
        browser.open("/duty/acks");
        assertThat(main(browser)).contains(TITLE, "带班领导");
        acknowledgeFirst(browser);
        browser.screenshot("tour-4-3-leader-on-duty-phone");
        desktop(browser);

        // 4. The four units acknowledge, each on its own page.
        for (String liaison : List.of("lupeng", "caixiaoyan", "liyanan", "tianshuzhen")) {
            as(browser, liaison);
            browser.open("/duty/acks");
            assertThat(main(browser)).contains(TITLE, "通报单位");
            acknowledgeFirst(browser);
        }

        // 5. The overseeing vice-mayor acknowledges and gives an instruction, relayed to every unit told.
        as(browser, "chenzhihua");
        phone(browser);
        browser.open(incidentPath);
        browser.find(By.cssSelector("#duty-notified button.btn-primary")).click();
        browser.await(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#duty-notified button.btn-primary")));
        browser.find(By.id("instruction-text")).sendKeys("全力搜救被困人员，救人第一；做好周边楼栋排查和群众疏散，防止次生灾害，及时续报。");
        browser.find(By.cssSelector("form[action$='/instructions'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//section[h2[normalize-space()='领导批示']]//p[contains(., '全力搜救被困人员')]")));
        assertThat(main(browser)).contains("原文", "转达");
        scrollTo(browser, By.xpath("//section[h2[normalize-space()='领导批示']]"));
        browser.screenshot("tour-4-4-instruction-phone");
        desktop(browser);

        // 6. A unit sees the instruction relayed to it and acknowledges it.
        as(browser, "caixiaoyan");
        browser.open("/duty/acks");
        assertThat(main(browser)).contains("批示转达");
        acknowledgeFirst(browser);

        // 7. The district verifies on site; the officer records it and sends the follow-up report.
        as(browser, "caiyuxuan");
        browser.open(incidentPath);
        assertThat(browser.find(By.cssSelector("table.duty-notified")).getText())
                .contains("已确认");
        select(browser, "state", "VERIFIED");
        browser.find(By.id("how")).sendKeys("东城区政府办公室田淑珍现场核实：7号楼北单元局部垮塌，消防已救出2人，仍有1人失联");
        browser.find(By.cssSelector("form[action$='/verification'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "已核实"));
        browser.find(By.xpath("//form[contains(@action,'/reports')]//button[normalize-space()='生成续报']"))
                .click();
        browser.await(ExpectedConditions.urlMatches(".*/reports/\\d+$"));
        submitReport(browser);
        assertThat(reportsSection(browser)).contains("续报 #2", "已核实");
        browser.screenshot("tour-4-5-verified-follow-up");

        // 8. The response ends; the final report closes the incident.
        browser.find(By.cssSelector("form[action$='/end'] button")).click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "处置结束"));
        browser.find(By.xpath("//form[contains(@action,'/reports')]//button[normalize-space()='生成终报']"))
                .click();
        browser.await(ExpectedConditions.urlMatches(".*/reports/\\d+$"));
        submitReport(browser);
        assertThat(browser.find(By.tagName("h1")).getText()).contains("已终报");
        assertThat(reportsSection(browser)).contains("初报 #1", "续报 #2", "终报 #3");

        // 9. The CAP messages of the three reports: an Alert, then Updates referring to the earlier ones.
        List<String> caps = new ArrayList<>();
        for (WebElement link : browser.findAll(By.cssSelector("a[href$='/cap']"))) {
            caps.add(fetch(browser, link.getAttribute("href")));
        }
        assertThat(caps).hasSize(3);
        assertThat(caps.get(0)).contains("<msgType>Alert</msgType>").contains("<certainty>Possible</certainty>");
        assertThat(caps.get(1))
                .contains("<msgType>Update</msgType>", "<certainty>Observed</certainty>", "<references>");
        assertThat(caps.get(2)).contains("<msgType>Update</msgType>");
        scrollTo(browser, By.xpath("//section[h2[normalize-space()='报告']]"));
        browser.screenshot("tour-4-6-final-report");
    }

    private static void submitReport(Browser browser) {
        browser.find(By.cssSelector("form[action$='/submit'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.urlMatches(".*/duty/incidents/\\d+$"));
    }

    private static void acknowledgeFirst(Browser browser) {
        int before = browser.findAll(By.cssSelector(".duty-ack-button")).size();
        assertThat(before).isPositive();
        browser.find(By.cssSelector(".duty-ack-button")).click();
        browser.await(driver ->
                driver.findElements(By.cssSelector(".duty-ack-button")).size() < before);
        assertThat(main(browser)).contains("已确认");
    }

    private static String reportsSection(Browser browser) {
        return browser.find(By.xpath("//section[h2[normalize-space()='报告']]")).getText();
    }

    private static String fetch(Browser browser, String url) {
        Object text = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('ERROR ' + e));",
                        url);
        return String.valueOf(text);
    }

    private static void scrollTo(Browser browser, By section) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.find(section));
    }

    private static void select(Browser browser, String id, String value) {
        new Select(browser.find(By.id(id))).selectByValue(value);
    }

    private static void setValue(Browser browser, By field, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", browser.find(field), value);
    }

    private static void phone(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    private static void desktop(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    private static String main(Browser browser) {
        return browser.find(By.tagName("main")).getText();
    }

    private static void as(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        SignIn.as(browser, username);
    }
}
