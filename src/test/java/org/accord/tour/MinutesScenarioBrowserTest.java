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
import org.springframework.test.context.TestPropertySource;

/**
 * Scenario 2 of docs/tour.md in Chromium, replayed from the start. The demo city concludes the first waterlogging
 * meeting with minutes wanted; this test keeps the demo from drafting them ({@code
 * accord.demo.waterlogging-minutes=false}), so the organiser drafts them from the seed on the page, opens round 1 to
 * 市住建局, 市水利局 and 市城管局, each liaison answers (住建局 quotes a passage and proposes wording), the drafter
 * notes how each comment was taken and writes a new version, opens round 2, 住建局 still disagrees and the drafter
 * escalates. Then, as each person: the vice-mayor rules on his phone, the drafter applies the ruling, 于红霞 reviews,
 * the vice-mayor signs, 文电科 registers the number, the drafter issues; the decisions become supervised tasks, the one
 * already past its deadline is reminded, reported overdue and urged by the vice-mayor. Screenshots {@code tour-2-*}.
 */
@BrowserTest
@TestPropertySource(properties = "accord.demo.waterlogging-minutes=false")
class MinutesScenarioBrowserTest {

    static final String MINUTES = "城市排水防涝工作专题会议纪要";
    static final String MEETING = "城市排水防涝工作专题会议";
    static final java.util.Map<String, String> FULL_NAMES =
            java.util.Map.of("市住建局", "示例市住房和城乡建设局", "市水利局", "示例市水利局", "市城管局", "示例市城市管理综合执法局");
    static final String OVERDUE_TASK = "完成中心城区易涝点排查并建立台账";
    static final String PASSAGE = "中心城区排水管网日常养护由市住建局负责";
    static final String LEDGER = "建议写明易涝点台账每月更新一次，报市防指办公室。";
    static final String DONE_BEFORE_RAINS = "会议听取了市水利局关于汛前准备情况的汇报，要求各有关单位在主汛期前完成清疏和排查任务。";

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

    /** Chooses units by name (short or full) in a multiple select, keeping those already chosen. */
    static void chooseUnits(Browser browser, String selectId, String... names) {
        Select select = new Select(browser.find(By.id(selectId)));
        for (String name : names) {
            WebElement option = select.getOptions().stream()
                    .filter(o -> o.getText().trim().equals(name)
                            || o.getText().trim().equals(FULL_NAMES.get(name)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no option " + name + " in #" + selectId));
            if (!option.isSelected()) {
                option.click();
            }
        }
    }

    /** Saves a new version of the draft with the given body, sent to the three consulted units. */
    static void saveBody(Browser browser, String path, String body) {
        browser.open(path + "/edit");
        WebElement field = browser.find(By.id("body"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", field, body);
        browser.find(By.cssSelector("#draft-form button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("consultation")));
    }

    static void openRound(Browser browser) {
        chooseUnits(browser, "units", "市住建局", "市水利局", "市城管局");
        click(browser, "form[action$='/rounds'] button[type=submit]");
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/rounds/close']")));
    }

    static void answer(Browser browser, String stance, String summary) {
        WebElement form = browser.find(By.cssSelector("form[action$='/answer']"));
        form.findElement(By.cssSelector("input[name=stance][value=" + stance + "]"))
                .click();
        if (summary != null) {
            form.findElement(By.name("summary")).sendKeys(summary);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.stalenessOf(form));
    }

    static void comment(Browser browser, String quote, String proposed, String text) {
        WebElement form = browser.find(By.cssSelector("form[action$='/comments']"));
        if (quote != null) {
            form.findElement(By.name("quote")).sendKeys(quote);
            form.findElement(By.name("proposed")).sendKeys(proposed);
        }
        form.findElement(By.name("text")).sendKeys(text);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.stalenessOf(form));
    }

    static void adopt(Browser browser, String commentText, String adoption, String reason) {
        WebElement form = browser.findAll(By.cssSelector(".doc-comment")).stream()
                .filter(c -> c.getText().contains(commentText))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("form[action$='/adoption']"));
        new Select(form.findElement(By.name("adoption"))).selectByValue(adoption);
        if (reason != null) {
            form.findElement(By.name("reason")).sendKeys(reason);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.stalenessOf(form));
    }

    static void closeRound(Browser browser) {
        WebElement close = browser.find(By.cssSelector("form[action$='/rounds/close'] button[type=submit]"));
        close.click();
        browser.await(ExpectedConditions.stalenessOf(close));
    }

    @Test
    void theMinutesFromTheirStartToSupervisedMeasures(Browser browser) {
        // The meeting was concluded with minutes wanted: the organiser is told, and drafts them from the seed.
        as(browser, "huanghaitao", DESKTOP);
        awaitText(browser, "/inbox", "会议已结束，请起草纪要：" + MEETING);
        browser.open("/documents/minutes-seeds");
        browser.findAll(By.cssSelector("main section.card")).stream()
                .filter(card -> card.getText().startsWith(MEETING))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("draft-form")));
        String path = browser.currentPath().replaceFirst("/edit$", "");
        String opening = browser.find(By.id("body"))
                .getAttribute("value")
                .lines()
                .findFirst()
                .orElseThrow();
        chooseUnits(browser, "mainAddressees", "市住建局", "市水利局", "市城管局");
        WebElement draftBody = browser.find(By.id("body"));
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1]",
                        draftBody,
                        opening + "\n一、汛前排水管网清疏和易涝点排查\n" + DONE_BEFORE_RAINS + "\n会议明确，" + PASSAGE + "，市城管局配合巡查。");
        browser.find(By.cssSelector("#draft-form button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("consultation")));
        assertThat(browser.find(By.id("document-status")).getText()).isEqualTo("起草中");
        assertThat(browser.find(By.id("document-body")).getText()).contains(PASSAGE);

        // Round 1 to the three units; each liaison is asked in the inbox and answers on the minutes' page.
        openRound(browser);
        as(browser, "weilijuan", PHONE);
        awaitText(browser, "/inbox", "第 1 轮征求意见");
        browser.open(path);
        comment(browser, PASSAGE, "中心城区排水管网日常养护由市城管局负责", "管网已按2024年移交方案交由城管部门运行管理，住建局只负责新建和改造工程。");
        answer(browser, "DISAGREE", "养护主体应为市城管局");
        assertThat(browser.find(By.id("consultation")).getText()).contains("有不同意见", "中心城区排水管网日常养护由市城管局负责");
        as(browser, "yuanying", PHONE);
        awaitText(browser, "/inbox", "第 1 轮征求意见");
        browser.open(path);
        comment(browser, null, null, LEDGER);
        answer(browser, "AGREE_WITH_CONDITIONS", "增加台账更新要求");
        as(browser, "panlei", PHONE);
        awaitText(browser, "/inbox", "第 1 轮征求意见");
        browser.open(path);
        answer(browser, "AGREE", null);

        // The drafter sees the comments, closes the round, notes how each was taken and writes a compromise.
        as(browser, "huanghaitao", DESKTOP);
        awaitText(browser, "/inbox", "示例市住房和城乡建设局提出了意见");
        browser.open(path);
        closeRound(browser);
        adopt(browser, "住建局只负责新建和改造工程", "PARTLY", "以资产移交办结为界划分养护责任，兼顾两局意见");
        adopt(browser, LEDGER, "ADOPTED", null);
        saveBody(
                browser,
                path,
                opening + "\n一、汛前排水管网清疏和易涝点排查\n" + DONE_BEFORE_RAINS + "易涝点台账每月更新一次，报市防指办公室。\n"
                        + "会议明确，排水管网资产移交办结前由市住建局负责日常养护，办结后由市城管局负责，市城管局配合巡查。");
        openRound(browser);

        // 市住建局's liaison: the adoption note in the inbox and on the page, the quoted passage marked as changed,
        // only the unit's own comment, and what changed since round 1; the unit still disagrees.
        as(browser, "weilijuan", PHONE);
        awaitText(browser, "/inbox", "意见采纳情况：" + MINUTES);
        awaitText(browser, "/inbox", "第 2 轮征求意见");
        browser.open(path);
        String seen = browser.find(By.id("consultation")).getText();
        assertThat(seen).contains("部分采纳", "以资产移交办结为界划分养护责任", "原文已变").doesNotContain(LEDGER);
        show(browser, browser.find(By.cssSelector(".doc-comment")));
        browser.screenshot("tour-2-02-liaison-adoption-phone");
        browser.find(By.linkText("查看与上轮所送第2稿相比的修改")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ins.doc-ins")));
        assertThat(browser.findAll(By.cssSelector("ins.doc-ins")).stream().map(WebElement::getText))
                .anyMatch(text -> text.contains("移交办结"));
        browser.screenshot("tour-2-03-changes-since-round-1-phone");
        browser.open(path);
        answer(browser, "DISAGREE", "资产移交已于2024年完成，不存在办结前的过渡期");
        for (String liaison : new String[] {"yuanying", "panlei"}) {
            as(browser, liaison, PHONE);
            awaitText(browser, "/inbox", "第 2 轮征求意见");
            browser.open(path);
            answer(browser, "AGREE", null);
        }

        // Round 2 ends divided: the drafter escalates the point to the chairing leader with a recommendation.
        as(browser, "huanghaitao", DESKTOP);
        browser.open(path);
        closeRound(browser);
        WebElement escalate = browser.find(By.cssSelector("form[action$='/escalate']"));
        escalate.findElement(By.name("recommendation")).sendKeys("建议以资产移交办结时间为界划分养护责任，移交手续由市住建局年底前办结。");
        escalate.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.stalenessOf(escalate));
        String consultation = browser.find(By.id("consultation")).getText();
        assertThat(consultation).contains(PASSAGE, "部分采纳", "以资产移交办结为界划分养护责任", "采纳", "原文已变", LEDGER);
        assertThat(browser.findAll(By.cssSelector("#consultation .doc-round"))).hasSize(2);
        show(browser, browser.find(By.cssSelector("#consultation .doc-round")));
        browser.screenshot("tour-2-01-two-rounds");

        // 陈志华 finds the point on his leader page and rules on the minutes, on his phone.
        as(browser, "chenzhihua", PHONE);
        awaitText(browser, "/inbox", "待您裁定：" + MINUTES);
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
        assertThat(main(browser)).contains("督办提醒：" + OVERDUE_TASK, MINUTES, "收到公文：" + MINUTES + "（" + number + "）");
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
        // Signing out before the leader page has come back could cancel the reminder itself.
        browser.await(ExpectedConditions.stalenessOf(urge));
        as(browser, "yuanying", PHONE);
        awaitText(browser, "/inbox", "领导催办：" + OVERDUE_TASK);
        assertThat(main(browser)).contains("请市水利局本周内报送排查台账。");
        browser.screenshot("tour-2-09-liaison-urged-phone");
    }
}
