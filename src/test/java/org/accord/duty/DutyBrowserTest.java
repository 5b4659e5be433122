package org.accord.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.accord.directory.Directory;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The duty room: the wall screen is open; an officer takes a call on the intake form; the screen shows the incident
 * with its running clocks at once; the leader on duty and a unit's liaison acknowledge on their pages, and the
 * screen follows without a reload.
 */
@BrowserTest
class DutyBrowserTest {

    @Autowired
    Roster roster;

    @Autowired
    Directory directory;

    static void signIn(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        browser.open("/signin");
        browser.find(By.name("username")).sendKeys(username);
        browser.find(By.name("password")).sendKeys("Demo@2026");
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.urlMatches(".*/$"));
    }

    @Test
    void intakeLeaderNotifiedUnitsAcknowledgedAndTheScreenFollowsLive(Browser screen) {
        signIn(screen, "huanghaitao");
        screen.open("/duty/screen");
        screen.await(ExpectedConditions.attributeToBe(By.id("inbox-link"), "data-live", "on"));
        ((JavascriptExecutor) screen.driver()).executeScript("window.__stillTheSamePage = true;");

        String leader = directory
                        .person(roster.at(Instant.now()).orElseThrow().leaderId())
                        .orElseThrow()
                        .code()
                        .equals("P0003")
                ? "chenzhihua"
                : "liufang";
        try (Browser desk = Browser.start(screen.baseUrl())) {
            // The officer records the call on one screen, mostly from the keyboard.
            signIn(desk, "caiyuxuan");
            desk.open("/duty/incidents/new");
            assertThat(desk.find(By.id("receivedAt")).getAttribute("value"))
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
            desk.find(By.id("reporterName")).sendKeys("王女士");
            desk.find(By.id("reporterPhone")).sendKeys("13800001111");
            desk.find(By.id("eventType")).sendKeys("房屋垮塌");
            new Select(desk.find(By.id("level"))).selectByValue("II");
            new Select(desk.find(By.id("districtUnitId"))).selectByVisibleText("东城区政府");
            desk.find(By.id("place")).sendKeys("建设路12号");
            desk.find(By.id("what")).sendKeys("听说一栋三层居民楼垮塌，可能有人被困");
            WebElement injured = desk.find(By.id("injured"));
            injured.clear();
            injured.sendKeys("2");
            desk.screenshot("duty-intake");
            desk.find(By.id("place")).sendKeys(Keys.ENTER);
            desk.await(ExpectedConditions.urlMatches(".*/duty/incidents/\\d+$"));
            String incidentPath = desk.currentPath();
            assertThat(desk.find(By.cssSelector("h1")).getText()).contains("建设路12号房屋垮塌", "未核实");
            assertThat(desk.find(By.cssSelector("main")).getText()).contains("建议核实", "听说");
            desk.screenshot("duty-incident");

            // The wall screen shows it without a reload: clocks counting down, nobody has acknowledged yet.
            screen.await(ExpectedConditions.textToBePresentInElementLocated(By.id("duty-live"), "建设路12号房屋垮塌"));
            WebElement card = screen.find(By.cssSelector(".duty-incident"));
            assertThat(card.findElements(By.cssSelector(".duty-countdown"))).hasSize(2);
            assertThat(card.findElement(By.cssSelector(".duty-ack-count")).getText())
                    .isEqualTo("0/7");
            String countdown =
                    card.findElement(By.cssSelector(".duty-countdown")).getText();
            assertThat(countdown).matches("\\d+:\\d\\d");

            // The leader on duty was told: the notice is in his list, and he acknowledges.
            signIn(desk, leader);
            desk.open("/duty/acks");
            assertThat(desk.find(By.cssSelector("table")).getText()).contains("建设路12号房屋垮塌", "带班领导");
            desk.find(By.cssSelector(".duty-ack-button")).click();
            desk.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table"), "已确认"));
            screen.await(ExpectedConditions.textToBe(By.cssSelector(".duty-ack-count"), "1/7"));

            // Two units' liaisons acknowledge on their page.
            for (String liaison : new String[] {"lupeng", "caixiaoyan"}) {
                signIn(desk, liaison);
                desk.open("/duty/acks");
                assertThat(desk.find(By.cssSelector("table")).getText()).contains("建设路12号房屋垮塌", "通报单位");
                desk.find(By.cssSelector(".duty-ack-button")).click();
                desk.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table"), "已确认"));
            }
            screen.await(ExpectedConditions.textToBe(By.cssSelector(".duty-ack-count"), "3/7"));
            assertThat(screen.find(By.cssSelector(".duty-ack-list")).getText()).contains("市应急管理局", "市消防救援支队");
            // The newest incident's card comes first; the demo's own incident has a card of its own below it.
            assertThat(screen.find(By.cssSelector(".duty-incident"))
                            .findElements(By.cssSelector(".duty-ack-list li.duty-acked")))
                    .hasSize(3);
            assertThat(((JavascriptExecutor) screen.driver())
                            .executeScript("return window.__stillTheSamePage === true;"))
                    .isEqualTo(true);
            screen.screenshot("duty-screen");

            // On the incident's page, an acknowledgment the officer registers from a call shows up live too.
            screen.open(incidentPath);
            screen.await(ExpectedConditions.attributeToBe(By.id("inbox-link"), "data-live", "on"));
            signIn(desk, "caiyuxuan");
            desk.open(incidentPath);
            WebElement wjw = desk.find(By.xpath("//tr[td[normalize-space()='市卫健委']]"));
            wjw.findElement(By.name("note")).sendKeys("电话确认，委值班室");
            wjw.findElement(By.cssSelector("button")).click();
            screen.await(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//tr[td[normalize-space()='市卫健委']]"), "电话确认，委值班室"));

            // A liaison of a unit that was not told sees nothing of it.
            signIn(desk, "weilijuan");
            desk.open(incidentPath);
            assertThat(desk.driver().getPageSource()).doesNotContain("建设路12号房屋垮塌");
        }
    }

    @Test
    void aDrillIsMarkedAsAnExerciseEverywhere(Browser browser) {
        signIn(browser, "caiyuxuan");
        browser.open("/duty");
        browser.find(By.linkText("演练接报")).click();
        assertThat(browser.find(By.cssSelector("h1")).getText()).contains("演练");
        browser.find(By.id("reporterName")).sendKeys("演练导调组");
        browser.find(By.id("eventType")).sendKeys("暴雨洪涝");
        new Select(browser.find(By.id("eventClass"))).selectByValue("NATURAL_DISASTER");
        browser.find(By.id("place")).sendKeys("滨江路下穿隧道");
        browser.find(By.id("what")).sendKeys("隧道积水约一米，有车辆被困");
        browser.find(By.id("intake-submit")).click();
        browser.await(ExpectedConditions.urlMatches(".*/duty/incidents/\\d+$"));
        assertThat(browser.find(By.cssSelector(".duty-drill-banner")).getText()).contains("演练");
        String id = browser.currentPath().replace("/duty/incidents/", "");
        browser.open("/duty");
        assertThat(browser.find(By.cssSelector(".duty-incident.duty-drill")).getText())
                .contains("演练", "滨江路下穿隧道");
        Object cap = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));",
                        "/api/incidents/" + id + "/cap");
        assertThat(String.valueOf(cap)).contains("<status>Exercise</status>");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.open("/duty/incidents/new");
        browser.screenshot("duty-intake-phone");
        browser.open("/duty/incidents/" + id);
        browser.screenshot("duty-incident-phone");
    }
}
