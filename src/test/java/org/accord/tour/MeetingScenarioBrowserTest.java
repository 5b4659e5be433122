package org.accord.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
 * Scenario 1 of docs/tour.md, replayed in Chromium from the start, each person under their own account: 黄海涛
 * (秘书科) plans the waterlogging meeting chaired by 陈志华 with the leader's intent and asks 市住建局, 市水利局 and
 * 市城管局 beforehand; the liaisons answer, two of them blaming each other for the drainage network; the divergence
 * is flagged to the organiser and to the chairing leader; 会务科 and 行政科 get their preparation tasks; the notice
 * goes out; receipts come in, one with a substitute that the organiser accepts; the attendees are signed in.
 * Screenshots {@code tour-1-*} go to docs/tour/ when run by {@code bin/tour}.
 */
@BrowserTest
class MeetingScenarioBrowserTest {

    static final String TITLE = "城市内涝治理专题会议";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    @Autowired
    WorkingCalendar calendar;

    static void as(Browser browser, String username, Dimension size) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(size);
        SignIn.as(browser, username);
    }

    static void set(Browser browser, String id, String value) {
        WebElement input = browser.find(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    static void confirm(Browser browser) {
        browser.await(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Brings a part of the page into the viewport before a screenshot. */
    static void show(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true)", element);
    }

    static String main(Browser browser) {
        return browser.find(By.tagName("main")).getText();
    }

    /** The answer form of one agenda item of this meeting's matter, on the liaison's 待答复 page. */
    static WebElement answerForm(Browser browser, long matterId, String item) {
        return browser.findAll(By.cssSelector("form[action$='/matters/" + matterId + "/positions']")).stream()
                .filter(form -> form.findElement(By.tagName("h3")).getText().equals(item))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no answer form for " + item));
    }

    static void answer(
            Browser browser,
            long matterId,
            String item,
            String stance,
            String condition,
            String reason,
            String counter) {
        WebElement form = answerForm(browser, matterId, item);
        new Select(form.findElement(By.name("stance"))).selectByValue(stance);
        form.findElement(By.name("condition")).sendKeys(condition);
        form.findElement(By.name("reason")).sendKeys(reason);
        form.findElement(By.name("counterProposal")).sendKeys(counter);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.stalenessOf(form));
    }

    @Test
    void theWaterloggingMeetingFromPlanToSignIn(Browser browser) {
        LocalDate day = calendar.addWorkingDays(calendar.dateOf(Instant.now()), 6);

        // 黄海涛 plans the meeting with the vice-mayor's intent.
        as(browser, "huanghaitao", DESKTOP);
        browser.open("/meetings");
        browser.find(By.linkText("筹备会议")).click();
        browser.await(ExpectedConditions.titleContains("筹备会议"));
        browser.find(By.id("title")).sendKeys(TITLE);
        new Select(browser.find(By.id("kind"))).selectByVisibleText("专题会议");
        new Select(browser.find(By.id("chairPersonId"))).selectByVisibleText("陈志华（副市长）");
        set(browser, "date", day.toString());
        set(browser, "start", "14:30");
        set(browser, "end", "16:30");
        new Select(browser.find(By.id("roomId"))).selectByVisibleText("市政府常务会议室（60座）");
        browser.find(By.id("background")).sendKeys("今年入汛以来中心城区三次强降雨，多个下穿通道和老旧小区积水。排水管网移交后，养护责任一直没有理顺。");
        browser.find(By.id("purpose")).sendKeys("明确中心城区排水管网的养护主体，定下易涝点整治的分工和完成时限");
        browser.find(By.id("basis")).sendKeys("陈志华副市长关于城市内涝治理的批示");
        browser.find(By.cssSelector("#new-meeting button[type=submit]")).click();
        browser.await(ExpectedConditions.titleContains(TITLE));
        String path = browser.currentPath();

        addItem(browser, "中心城区排水管网养护责任划分", "市住建局");
        addItem(browser, "易涝点整治计划和汛后隐患排查", "市水利局");
        addUnit(browser, "示例市住房和城乡建设局（ZJJ）", "主要负责同志", true);
        addUnit(browser, "示例市水利局（SLJ）", "分管负责同志", false);
        addUnit(browser, "示例市城市管理综合执法局（CGJ）", "分管负责同志", false);
        assertThat(browser.find(By.id("units")).getText()).contains("示例市住房和城乡建设局", "重要部门");
        long matterId = Long.parseLong(
                browser.find(By.linkText("协调事项")).getAttribute("href").replaceAll(".*/matters/", ""));
        browser.find(By.cssSelector("#consult button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("close-consultation")));
        assertThat(browser.find(By.id("item-1")).getText()).contains("尚未答复");
        browser.screenshot("tour-1-01-planned");

        // The three liaisons answer on their 待答复 page; 市住建局 and 市城管局 each name the other.
        as(browser, "weilijuan", DESKTOP);
        browser.open("/matters/answer");
        assertThat(main(browser)).contains(TITLE, "中心城区排水管网养护责任划分");
        answer(browser, matterId, "中心城区排水管网养护责任划分", "DISAGREE", "", "管网已移交城管部门运行管理，住建局只负责新建和改造工程", "由市城管局负责日常养护");
        answer(browser, matterId, "易涝点整治计划和汛后隐患排查", "AGREE", "", "", "");
        browser.screenshot("tour-1-02-liaison-answers");
        as(browser, "yuanying", DESKTOP);
        browser.open("/matters/answer");
        answer(browser, matterId, "中心城区排水管网养护责任划分", "AGREE_WITH_CONDITIONS", "河道排口以外的城市管网不列入水利部门职责", "", "");
        answer(browser, matterId, "易涝点整治计划和汛后隐患排查", "AGREE", "", "", "");
        as(browser, "panlei", DESKTOP);
        browser.open("/matters/answer");
        answer(browser, matterId, "中心城区排水管网养护责任划分", "DISAGREE", "", "移交手续尚未办完，管网资产和养护经费仍在住建局", "移交办结前由市住建局负责养护");
        answer(browser, matterId, "易涝点整治计划和汛后隐患排查", "AGREE", "", "", "");

        // The organiser closes the round: item 1 is flagged, the important department named.
        as(browser, "huanghaitao", DESKTOP);
        browser.open(path);
        browser.find(By.cssSelector("#close-consultation button[type=submit]")).click();
        confirm(browser);
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("consult")));
        assertThat(browser.find(By.cssSelector("#item-1 .divergence-flag")).getText())
                .isEqualTo("存在分歧");
        assertThat(browser.find(By.id("item-1")).getText()).contains("重要部门有分歧", "管网已移交城管部门运行管理", "移交手续尚未办完", "同意：");
        assertThat(browser.find(By.id("item-2")).getText()).contains("意见一致");
        show(browser, browser.find(By.id("agenda")));
        browser.screenshot("tour-1-03-divergence-flagged");

        // The chairing leader hears of it on his phone: inbox, his page, the brief.
        as(browser, "chenzhihua", PHONE);
        browser.open("/inbox");
        assertThat(main(browser)).contains(TITLE);
        browser.open("/leader");
        assertThat(main(browser)).contains("待主持的会议", "【重要部门有分歧】" + TITLE);
        show(
                browser,
                browser.findAll(By.tagName("h2")).stream()
                        .filter(h -> h.getText().equals("待主持的会议"))
                        .findFirst()
                        .orElseThrow());
        browser.screenshot("tour-1-04-leader-page-phone");
        browser.open(path + "/brief");
        assertThat(browser.find(By.id("brief-item-1")).getText())
                .contains("市住建局", "重要部门", "由市城管局负责日常养护", "移交办结前由市住建局负责养护");
        browser.screenshot("tour-1-05-leader-brief-phone");

        // 会务科 and 行政科 are asked to prepare; the notice goes out.
        as(browser, "huanghaitao", DESKTOP);
        browser.open(path);
        cooperation(browser, "会务科", "会议材料", "印制会议材料25份，制作桌签，调试投影");
        cooperation(browser, "行政科", "车辆保障", "会前半小时开放地下停车场，安排专人引导参会车辆");
        assertThat(browser.find(By.id("cooperations")).getText()).contains("会务科：印制会议材料25份", "行政科：会前半小时开放地下停车场");
        browser.find(By.id("notice-link")).click();
        browser.await(ExpectedConditions.titleContains("关于召开" + TITLE + "的通知"));
        assertThat(browser.find(By.id("notice-warnings")).getText()).contains("中心城区排水管网养护责任划分");
        assertThat(browser.find(By.id("notice-document")).getText())
                .contains("明确中心城区排水管网的养护主体", "陈志华副市长主持", "市政府常务会议室")
                .doesNotContain("存在分歧");
        browser.screenshot("tour-1-06-notice-preview");
        browser.open(path);
        browser.find(By.cssSelector("#send-notice button[type=submit]")).click();
        confirm(browser);
        browser.await(ExpectedConditions.textToBe(By.id("meeting-status"), "已通知"));

        as(browser, "xiongyongqiang", DESKTOP);
        browser.open("/inbox");
        assertThat(main(browser)).contains("会务协作：" + TITLE + "（会议材料）");
        browser.open("/tasks");
        assertThat(main(browser)).contains("【会务】" + TITLE + "：会议材料——印制会议材料25份");
        browser.screenshot("tour-1-07-section-task");
        as(browser, "yuhongxia", DESKTOP);
        browser.open("/inbox");
        assertThat(main(browser)).contains("会务协作：" + TITLE + "（车辆保障）");

        // Receipts: 市水利局 sends the deputy head asked for; 市住建局's head is away, a deputy substitutes.
        as(browser, "yuanying", PHONE);
        browser.open("/inbox");
        assertThat(main(browser)).contains("会议通知：" + TITLE);
        browser.open(path);
        receipt(browser, "谭雨萱（副局长）", "分管负责同志");
        assertThat(browser.find(By.id("my-receipt-state")).getText()).contains("谭雨萱");
        as(browser, "weilijuan", PHONE);
        browser.open(path);
        assertThat(browser.find(By.id("my-receipt")).getText()).contains("主要负责同志");
        receipt(browser, "张欣悦（副局长）", "分管负责同志");
        assertThat(browser.find(By.id("my-receipt-state")).getText()).contains("张欣悦", "待会议承办人确认");
        browser.screenshot("tour-1-08-substitute-phone");

        // The organiser sees the board, accepts the substitute; 市城管局 has not answered.
        as(browser, "huanghaitao", DESKTOP);
        browser.open("/inbox");
        assertThat(main(browser)).contains("示例市住房和城乡建设局报送代会人员，待确认：" + TITLE);
        browser.open(path);
        WebElement board = browser.find(By.id("receipts-board"));
        assertThat(board.getText()).contains("代会待确认", "张欣悦", "谭雨萱", "未回执");
        show(browser, browser.find(By.id("receipts")));
        browser.screenshot("tour-1-09-receipts-board");
        browser.find(By.cssSelector("#receipts-board .accept-substitute")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("receipts-board"), "代会（已同意）"));
        as(browser, "weilijuan", PHONE);
        browser.open(path);
        assertThat(browser.find(By.id("my-receipt-state")).getText()).doesNotContain("待会议承办人确认");
        assertThat(browser.find(By.cssSelector(".meeting-qr img")).getAttribute("src"))
                .contains("/qr.png");

        // On the day: sign-in at the door; 市城管局 shows as absent.
        as(browser, "xiongyongqiang", DESKTOP);
        browser.open(path + "/sign-in");
        for (int signed = 1; signed <= 2; signed++) {
            browser.find(By.cssSelector(".manual-sign-in")).click();
            browser.await(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-summary"), "已签到" + signed + "人"));
        }
        assertThat(browser.find(By.id("absent")).getText()).contains("示例市城市管理综合执法局");
        browser.screenshot("tour-1-10-sign-in");
    }

    static void addItem(Browser browser, String title, String presenter) {
        browser.find(By.id("item-title")).sendKeys(title);
        browser.find(By.id("item-presenter")).sendKeys(presenter);
        browser.find(By.cssSelector("#add-item button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda"), title));
    }

    static void addUnit(Browser browser, String unit, String level, boolean important) {
        new Select(browser.find(By.id("unitId"))).selectByVisibleText(unit);
        new Select(browser.find(By.id("level"))).selectByVisibleText(level);
        if (important) {
            browser.find(By.cssSelector("#add-unit input[name=important]")).click();
        }
        browser.find(By.cssSelector("#add-unit button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(
                By.id("units"), unit.substring(0, unit.indexOf('（'))));
    }

    static void cooperation(Browser browser, String section, String kind, String detail) {
        Select sections = new Select(browser.find(By.id("sectionUnitId")));
        sections.getOptions().stream()
                .filter(option -> option.getText().contains(section))
                .findFirst()
                .orElseThrow()
                .click();
        new Select(browser.find(By.id("coop-kind"))).selectByVisibleText(kind);
        browser.find(By.id("coop-detail")).sendKeys(detail);
        browser.find(By.cssSelector("#add-cooperation button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("cooperations"), detail));
    }

    static void receipt(Browser browser, String person, String level) {
        new Select(browser.find(By.id("personId"))).selectByVisibleText(person);
        new Select(browser.find(By.id("attendee-level"))).selectByVisibleText(level);
        browser.find(By.cssSelector("#receipt-form button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("my-receipt-state")));
    }
}
