package org.accord.tour;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.test.context.TestPropertySource;

/**
 * Scenario 3 of docs/tour.md, replayed in Chromium as each person in turn: a sewage overflow in 东城区 taken in by
 * the hotline on Tuesday 29 September 2026, dispatched to 市城管局 with the district's office cooperating under
 * 陈志华's delegation, returned by 市城管局 and re-dispatched to 市住建局, extended, visited unsatisfied, reopened
 * and closed satisfied — the 国庆 holiday (1–7 October) in the middle of every time limit.
 *
 * <p>The cases module's clock starts on that Tuesday morning ({@code accord.cases.clock-start}) because the
 * shipped calendar has no holiday ahead of today; every time limit is still computed by the real working
 * calendar. Screenshots {@code tour-3-*} go to docs/tour/ when run by {@code bin/tour}.
 */
@BrowserTest
@TestPropertySource(properties = "accord.cases.clock-start=2026-09-29T09:00:00+08:00")
class CaseScenarioBrowserTest {

    /** 13 working days after Tuesday 29 September 2026: 30 Sep, then 8 Oct onwards (10 Oct is a make-up day). */
    private static final String DEADLINE_ACROSS_HOLIDAY = "2026-10-22";

    /** Without the holiday it would have been 13 weekdays later. */
    private static final String DEADLINE_WITHOUT_HOLIDAY = "2026-10-16";

    private static final String EXTENDED_UNTIL = "2026-10-30";

    @Test
    void sewageOverflowAcrossTheNationalDayHoliday(Browser browser) {
        // 1. The hotline operator takes the call in.
        SignIn.as(browser, "qianhaitao");
        browser.open("/cases/new");
        browser.find(By.name("phone")).sendKeys("13722223333");
        browser.find(By.name("callerName")).sendKeys("孙桂兰");
        new Select(browser.find(By.name("district"))).selectByValue("DCQ");
        new Select(browser.find(By.name("category"))).selectByValue("DRAIN-SEWAGE");
        browser.find(By.name("address")).sendKeys("东城区民主路与建设巷交叉口");
        browser.find(By.name("description"))
                .sendKeys("路口雨水篦子和污水井连续三天往外冒污水，臭味很大，行人只能绕到机动车道。" + "问过街道，说管网归城管，城管又说是住建的，没人来处理。");
        browser.find(By.cssSelector("#intake button[type=submit]")).click();
        browser.await(ExpectedConditions.urlMatches(".*/cases/\\d+$"));
        String casePath = browser.currentPath();
        String number = browser.find(By.cssSelector("h1 .cases-number")).getText();
        assertThat(number).startsWith("12345-20260929-");
        assertThat(status(browser)).isEqualTo("待派单");

        // 2. Dispatch: 市城管局 leads, the district's office cooperates, a complaint's time limit, and the
        //    vice-mayor's delegation recorded with it.
        new Select(browser.find(By.id("lead"))).selectByVisibleText("市城管局");
        Select cooperating = new Select(browser.find(By.id("coops")));
        cooperating.deselectAll();
        cooperating.selectByVisibleText("东城区政府办公室");
        new Select(browser.find(By.id("timeLimit"))).selectByValue("COMPLAINT");
        browser.find(By.cssSelector("#dispatch-form details summary")).click();
        new Select(browser.find(By.id("delegatedBy"))).selectByVisibleText("陈志华 副市长");
        browser.find(By.id("instruction")).sendKeys("请热线办牵头协调，先处置冒溢，再厘清排水管网管养责任");
        browser.find(By.id("authority")).sendKeys("可直接改派承办单位、批准延期");
        browser.find(By.id("dispatch")).click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "办理中"));
        // 13 working days skip 国庆: the deadline is a week later than 13 weekdays would be.
        assertThat(deadline(browser)).isEqualTo(DEADLINE_ACROSS_HOLIDAY).isNotEqualTo(DEADLINE_WITHOUT_HOLIDAY);
        assertThat(browser.find(By.cssSelector(".cases-holidays")).getText()).isEqualTo("期间国庆节假期不计入工作日");
        assertThat(facts(browser)).contains("陈志华：请热线办牵头协调");
        browser.screenshot("tour-3-1-dispatched");

        // 3. 市城管局's liaison finds it in the unit's list and returns it: the network is 住建局's.
        as(browser, "panlei");
        browser.open("/inbox");
        assertThat(browser.find(By.cssSelector(".notify-list")).getText()).contains("新派单：" + number);
        browser.open("/cases");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("本单位办件");
        assertThat(browser.find(By.cssSelector("table.cases-list")).getText())
                .contains(number)
                .contains("137****3333")
                .contains(DEADLINE_ACROSS_HOLIDAY);
        browser.open(casePath);
        browser.find(By.xpath("//summary[normalize-space()='退单']")).click();
        browser.find(By.id("ret-reason")).sendKeys("该处为市政排水管网，管养单位不是我局");
        browser.find(By.id("ret-basis")).sendKeys("《示例市城市排水管理办法》第八条：市政排水管网由市住建部门负责管养");
        new Select(browser.find(By.id("ret-unit"))).selectByVisibleText("市住建局");
        browser.find(By.cssSelector("form[action$='/return'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".cases-shares"), "退单待审"));
        browser.screenshot("tour-3-2-returned");

        // 4. The operator, acting on the delegation, accepts the return and re-dispatches to the suggested unit.
        as(browser, "qianhaitao");
        browser.open("/inbox");
        assertThat(browser.find(By.cssSelector(".notify-list")).getText()).contains(number + "：市城管局 申请退单");
        browser.open(casePath);
        WebElement decision = browser.find(By.cssSelector("form[action*='/return-decision']"));
        assertThat(decision.getText()).contains("市城管局");
        decision.findElement(By.cssSelector("button[value=accept]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".cases-timeline"), "改派"));
        assertThat(facts(browser)).contains("主办单位").contains("市住建局");
        assertThat(timeline(browser)).contains("同意 市城管局 退单，改派 市住建局");
        // The return did not restart the clock.
        assertThat(deadline(browser)).isEqualTo(DEADLINE_ACROSS_HOLIDAY);

        // 5. 市住建局's liaison signs for it and asks for more time: the pipes must be dredged after the holiday.
        as(browser, "weilijuan");
        browser.open("/inbox");
        assertThat(browser.find(By.cssSelector(".notify-list")).getText()).contains("新派单：" + number);
        browser.open(casePath);
        browser.find(By.id("sign")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        browser.find(By.xpath("//summary[normalize-space()='申请延期']")).click();
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", browser.find(By.id("until")), EXTENDED_UNTIL);
        browser.find(By.id("ext-reason")).sendKeys("需在节后组织管网清疏和闭水检测，施工须占用半幅道路");
        browser.find(By.cssSelector("form[action$='/extension'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".cases-shares"), "申请延期至 " + EXTENDED_UNTIL));

        // 6. The operator approves the extension; the deadline moves.
        as(browser, "qianhaitao");
        browser.open(casePath);
        browser.find(By.cssSelector("form[action$='/extension-decision'] button[value=approve]"))
                .click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-deadline"), EXTENDED_UNTIL));
        assertThat(timeline(browser)).contains("同意延期，办理期限延至 " + EXTENDED_UNTIL);

        // 7. The district's office reports what it did on site to the lead unit.
        as(browser, "tianshuzhen");
        browser.open(casePath);
        browser.find(By.id("sign")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("report-text")));
        browser.find(By.id("report-text")).sendKeys("街道已设置围挡和警示牌，环卫连夜清理路面污水，已告知来电人。");
        browser.find(By.cssSelector("form[action$='/report'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".cases-timeline"), "东城区政府办公室 向主办单位报送办理情况"));

        // 8. 市住建局 drafts the reply, its head approves it.
        reply(browser, casePath, "已对民主路段污水管网清疏并更换破损井盖，冒溢已停止，后续纳入管网改造计划。");

        // 9. The operator accepts the reply and calls the citizen back: not satisfied, the smell is still there.
        as(browser, "qianhaitao");
        browser.open(casePath);
        browser.find(By.id("accept-reply")).click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "待回访"));
        new Select(browser.find(By.id("satisfaction"))).selectByValue("UNSATISFIED");
        new Select(browser.find(By.id("solved"))).selectByValue("PARTLY");
        browser.find(By.id("visit-note")).sendKeys("冒溢停了，但雨后井口仍返味，路面没有冲洗");
        browser.find(By.cssSelector("form[action$='/visit'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "不满意待处理"));

        // 10. Reopened: a new time limit from today, again across the holiday.
        browser.find(By.id("reopen-reason")).sendKeys("群众反映雨后仍返味，请冲洗路面并加装防臭井盖");
        browser.find(By.cssSelector("form[action$='/reopen'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "办理中"));
        assertThat(timeline(browser)).contains("第 1 次重办").contains("新办理期限 " + DEADLINE_ACROSS_HOLIDAY);
        assertThat(deadline(browser)).isEqualTo(DEADLINE_ACROSS_HOLIDAY);
        browser.screenshot("tour-3-3-reopened");

        // 11. The lead liaison sees the reopening in the inbox and replies again.
        as(browser, "weilijuan");
        browser.open("/inbox");
        assertThat(browser.find(By.cssSelector(".notify-list")).getText()).contains(number + "：群众不满意，已重办");
        browser.open(casePath);
        browser.find(By.id("reply-text")).sendKeys("已冲洗路面并加装防臭井盖，雨后复查无异味。");
        browser.find(By.id("draft")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".cases-unit-actions"), "答复稿待本单位主要负责人审批"));
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.screenshot("tour-3-4-liaison-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        as(browser, "guzihan");
        browser.open(casePath);
        browser.find(By.id("approve")).click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "答复待审核"));

        // 12. Accepted, visited again: satisfied, closed.
        as(browser, "qianhaitao");
        browser.open(casePath);
        browser.find(By.id("accept-reply")).click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "待回访"));
        new Select(browser.find(By.id("satisfaction"))).selectByValue("SATISFIED");
        new Select(browser.find(By.id("solved"))).selectByValue("SOLVED");
        browser.find(By.cssSelector("form[action$='/visit'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "已办结"));
        assertThat(facts(browser)).contains("满意，已解决");
        browser.screenshot("tour-3-5-closed");

        // 13. The vice-mayor who delegated it sees the whole story on his phone.
        as(browser, "chenzhihua");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/cases");
        assertThat(browser.find(By.cssSelector("table.cases-list")).getText()).contains(number);
        browser.open(casePath);
        assertThat(status(browser)).isEqualTo("已办结");
        assertThat(facts(browser)).contains("陈志华：请热线办牵头协调");
        assertThat(timeline(browser))
                .contains("市城管局 申请退单")
                .contains("改派 市住建局")
                .contains("同意延期")
                .contains("第 1 次重办");
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView()", browser.find(By.cssSelector(".cases-timeline")));
        browser.screenshot("tour-3-6-leader-phone");

        // 14. The citizen's own view: the progress, without the units' internal steps.
        browser.driver().manage().deleteAllCookies();
        browser.open("/public/cases/status?number=" + number + "&phone=13722223333");
        assertThat(browser.find(By.cssSelector(".cases-citizen")).getText()).contains("已转交承办单位办理");
    }

    private static void reply(Browser browser, String casePath, String text) {
        as(browser, "weilijuan");
        browser.open(casePath);
        browser.find(By.id("reply-text")).sendKeys(text);
        browser.find(By.id("draft")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".cases-unit-actions"), "答复稿待本单位主要负责人审批"));
        as(browser, "guzihan");
        browser.open(casePath);
        browser.find(By.id("approve")).click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "答复待审核"));
    }

    private static void as(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        SignIn.as(browser, username);
    }

    private static String status(Browser browser) {
        return browser.find(By.cssSelector(".cases-status")).getText();
    }

    private static String deadline(Browser browser) {
        return browser.find(By.cssSelector(".cases-deadline")).getText();
    }

    private static String facts(Browser browser) {
        return browser.find(By.cssSelector("main")).getText();
    }

    private static String timeline(Browser browser) {
        return browser.find(By.cssSelector(".cases-timeline")).getText();
    }
}
