package org.accord.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import org.accord.calendar.WorkingCalendar;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenario 2 of docs/tour.md in Chromium. The demo city holds the minutes of the first waterlogging meeting after two
 * consultation rounds, the drainage-network point escalated to 陈志华 (what {@code DemoWaterloggingMinutes} leaves);
 * the test checks what the drafter and a consulted liaison see of the two rounds, then replays the rest as each
 * person: the vice-mayor rules on his phone, the drafter applies the ruling, 于红霞 reviews, the vice-mayor signs,
 * 文电科 registers the number, the drafter issues; the decisions become supervised tasks, the one already past its
 * deadline is reminded, reported overdue and urged by the vice-mayor. Screenshots {@code tour-2-*}.
 */
@BrowserTest
class MinutesScenarioBrowserTest {

    static final String MINUTES = "城市排水防涝工作专题会议纪要";
    static final String OVERDUE_TASK = "完成中心城区易涝点排查并建立台账";

    @Autowired
    WorkingCalendar calendar;

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    static void as(Browser browser, String username, Dimension size) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(size);
        SignIn.as(browser, username);
    }

    /** Brings a part of the page into the viewport before a screenshot. */
    static void show(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true)", element);
    }

    static String main(Browser browser) {
        return browser.find(By.tagName("main")).getText();
    }

    static void confirm(Browser browser) {
        browser.await(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Reloads a page until it shows the text: timers and event listeners work after the step's commit. */
    static void awaitText(Browser browser, String path, String text) {
        Instant until = Instant.now().plus(Duration.ofSeconds(40));
        while (true) {
            browser.open(path);
            if (main(browser).contains(text)) {
                return;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError(path + " never showed “" + text + "”:\n" + main(browser));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void click(Browser browser, String css) {
        WebElement button = browser.find(By.cssSelector(css));
        button.click();
    }

    @Test
    void theMinutesFromTwoRoundsToSupervisedMeasures(Browser browser) {
        // The drafter's view of the demo minutes: two rounds, comments answered, the point escalated.
        as(browser, "huanghaitao", DESKTOP);
        browser.open("/documents");
        browser.find(By.linkText(MINUTES)).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("consultation")));
        String path = browser.currentPath();
        assertThat(browser.find(By.id("document-status")).getText()).isEqualTo("起草中");
        String consultation = browser.find(By.id("consultation")).getText();
        assertThat(consultation).contains("中心城区排水管网日常养护由市城管局负责", "部分采纳", "以资产移交办结为界划分养护责任", "采纳", "原文已变");
        assertThat(browser.findAll(By.cssSelector("#consultation .doc-round"))).hasSize(2);
        show(browser, browser.find(By.cssSelector("#consultation .doc-round")));
        browser.screenshot("tour-2-01-two-rounds");

        // 市住建局's liaison sees only the unit's own comment, the answer to it, and what changed since round 1.
        as(browser, "weilijuan", PHONE);
        browser.open(path);
        String seen = browser.find(By.id("consultation")).getText();
        assertThat(seen).contains("部分采纳", "以资产移交办结为界划分养护责任").doesNotContain("易涝点台账每月更新一次，报市防指办公室。");
        show(browser, browser.find(By.cssSelector(".doc-comment")));
        browser.screenshot("tour-2-02-liaison-adoption-phone");
        browser.find(By.linkText("查看与上轮所送第2稿相比的修改")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ins.doc-ins")));
        assertThat(browser.findAll(By.cssSelector("ins.doc-ins")).stream().map(WebElement::getText))
                .anyMatch(text -> text.contains("移交办结"));
        browser.screenshot("tour-2-03-changes-since-round-1-phone");

        // 陈志华 finds the point on his leader page and rules on the minutes, on his phone.
        as(browser, "chenzhihua", PHONE);
        browser.open("/leader");
        assertThat(browser.find(By.id("awaiting")).getText()).contains(MINUTES, "建议以资产移交办结时间为界划分养护责任", "资产移交已于2024年完成");
        browser.screenshot("tour-2-04-leader-awaiting-ruling-phone");
        browser.open(path);
        WebElement rule = browser.find(By.cssSelector("form[action$='/rule']"));
        rule.findElement(By.name("ruling")).sendKeys("按资产移交办结时间划分：办结前由市住建局负责养护，移交手续年底前办结。");
        rule.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.stalenessOf(rule));

        // The drafter applies the ruling in a new version, linked to it, and sends it for review.
        as(browser, "huanghaitao", DESKTOP);
        browser.open(path + "/edit");
        WebElement body = browser.find(By.id("body"));
        String text = body.getAttribute("value");
        body.clear();
        body.sendKeys(text + "移交手续由市住建局于年底前办结。");
        new Select(browser.find(By.id("rulingPoint"))).selectByIndex(1);
        browser.find(By.cssSelector("#draft-form button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("workflow")));
        Select reviewer = new Select(browser.find(By.id("reviewer")));
        reviewer.getOptions().stream()
                .filter(option -> option.getText().startsWith("于红霞"))
                .findFirst()
                .orElseThrow()
                .click();
        click(browser, "form[action$='/submit'] button[type=submit]");
        browser.await(ExpectedConditions.textToBe(By.id("document-status"), "核稿中"));

        as(browser, "yuhongxia", DESKTOP);
        browser.open(path);
        browser.find(By.id("review-opinion")).sendKeys("文字已核，议定事项完整");
        click(browser, "form[action$='/review'] button[value=true]");
        browser.await(ExpectedConditions.textToBe(By.id("document-status"), "待签发"));

        as(browser, "chenzhihua", PHONE);
        browser.open("/leader");
        assertThat(main(browser)).contains(MINUTES);
        browser.open(path);
        show(browser, browser.find(By.id("workflow")));
        browser.screenshot("tour-2-05-leader-signs-phone");
        click(browser, "form[action$='/sign'] button[value=true]");
        browser.await(ExpectedConditions.textToBe(By.id("document-status"), "待复核"));

        // 文电科 checks and numbers it; the drafter issues it to the three units.
        as(browser, "longminghui", DESKTOP);
        browser.open(path);
        click(browser, "form[action$='/register'] button[type=submit]");
        browser.await(ExpectedConditions.textToBe(By.id("document-status"), "已登记"));
        String number = browser.find(By.id("document-number")).getText();
        assertThat(number).startsWith("示例府办纪〔" + Year.now().getValue() + "〕").endsWith("号");
        as(browser, "huanghaitao", DESKTOP);
        browser.open(path);
        click(browser, "form[action$='/issue'] button[type=submit]");
        confirm(browser);
        browser.await(ExpectedConditions.textToBe(By.id("document-status"), "已印发"));
        assertThat(browser.find(By.id("signatures")).getText()).contains("陈志华", "于红霞");
        // The deadlines set at the meeting survive the drafter's save through the page.
        LocalDate held = calendar.addWorkingDays(calendar.dateOf(Instant.now()), -20);
        assertThat(browser.find(By.id("decisions")).getText())
                .contains(held.plusDays(14).toString(), held.plusDays(56).toString());
        browser.screenshot("tour-2-06-issued");

        // Each decision is a supervised task; 市水利局's is already past its deadline: reminded, reported overdue.
        as(browser, "yuanying", DESKTOP);
        awaitText(browser, "/inbox", "督办事项已到期未办结：" + OVERDUE_TASK);
        assertThat(main(browser)).contains("督办提醒：" + OVERDUE_TASK, MINUTES);
        browser.open("/tasks?overdue=true");
        assertThat(main(browser)).contains(OVERDUE_TASK, "逾期");
        browser.screenshot("tour-2-07-overdue-task");
        as(browser, "panlei", DESKTOP);
        awaitText(browser, "/tasks", "完成中心城区主干排水管网清疏");

        // The vice-mayor sees the overdue task of a unit he oversees and urges it from his phone.
        as(browser, "chenzhihua", PHONE);
        awaitText(browser, "/leader", OVERDUE_TASK);
        WebElement urge = browser.findAll(By.cssSelector("article.leader-item")).stream()
                .filter(item -> item.getText().contains(OVERDUE_TASK))
                .findFirst()
                .orElseThrow()
                .findElement(By.tagName("form"));
        urge.findElement(By.name("instruction")).sendKeys("请市水利局本周内报送排查台账。");
        browser.screenshot("tour-2-08-leader-urges-phone");
        urge.findElement(By.cssSelector("button[type=submit]")).click();
        as(browser, "yuanying", PHONE);
        awaitText(browser, "/inbox", "领导催办：" + OVERDUE_TASK);
        assertThat(main(browser)).contains("请市水利局本周内报送排查台账。");
        browser.screenshot("tour-2-09-liaison-urged-phone");
    }
}
