package org.accord.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.accord.calendar.WorkingCalendar;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organiser plans a meeting with the leader's intent and asks the units beforehand; a liaison disagrees and
 * the divergence is flagged; the notice goes out; the liaison answers the receipt on a phone; the attendee is
 * signed in at the door.
 */
@BrowserTest
class MeetingsBrowserTest {

    @Autowired
    WorkingCalendar calendar;

    static void as(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        SignIn.as(browser, username);
    }

    static void set(Browser browser, String id, String value) {
        WebElement input = browser.find(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    static void confirm(Browser browser) {
        Alert question = browser.await(ExpectedConditions.alertIsPresent());
        question.accept();
    }

    @Test
    void planConsultNotifyAnswerAndSignIn(Browser browser) {
        LocalDate day = calendar.addWorkingDays(calendar.dateOf(Instant.now()), 8);
        as(browser, "huanghaitao");
        browser.open("/meetings");
        browser.find(By.linkText("筹备会议")).click();
        browser.await(ExpectedConditions.titleContains("筹备会议"));
        browser.find(By.id("title")).sendKeys("城市内涝治理专题会议");
        new Select(browser.find(By.id("chairPersonId"))).selectByVisibleText("陈志华（副市长）");
        set(browser, "date", day.toString());
        new Select(browser.find(By.id("roomId"))).selectByVisibleText("市政府第一会议室（40座）");
        browser.find(By.id("background")).sendKeys("今年汛期城区多处出现内涝，群众反映强烈。");
        browser.find(By.id("purpose")).sendKeys("明确排水管网改造和易涝点整治的分工");
        browser.find(By.cssSelector("#new-meeting button[type=submit]")).click();
        browser.await(ExpectedConditions.titleContains("城市内涝治理专题会议"));

        browser.find(By.id("item-title")).sendKeys("易涝点整治分工");
        browser.find(By.id("item-presenter")).sendKeys("市城管局");
        browser.find(By.cssSelector("#add-item button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda"), "易涝点整治分工"));
        new Select(browser.find(By.id("unitId"))).selectByVisibleText("示例市住房和城乡建设局（ZJJ）");
        new Select(browser.find(By.id("level"))).selectByVisibleText("主要负责同志");
        browser.find(By.cssSelector("#add-unit input[name=important]")).click();
        browser.find(By.cssSelector("#add-unit button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("units"), "示例市住房和城乡建设局"));
        new Select(browser.find(By.id("unitId"))).selectByVisibleText("示例市城市管理综合执法局（CGJ）");
        browser.find(By.cssSelector("#add-unit button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("units"), "示例市城市管理综合执法局"));
        String path = browser.currentPath();
        browser.find(By.cssSelector("#consult button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("close-consultation")));

        // 市住建局 disagrees on the item through the kernel's answer page.
        as(browser, "weilijuan");
        browser.open("/matters/answer");
        WebElement form = browser.find(By.cssSelector("form[action*='/positions']"));
        new Select(form.findElement(By.name("stance"))).selectByValue("DISAGREE");
        form.findElement(By.name("reason")).sendKeys("易涝点整治应由城管部门牵头");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // Signing out before the answer's page has come back could cancel the answer itself.
        browser.await(ExpectedConditions.stalenessOf(form));
        as(browser, "panlei");
        browser.open("/matters/answer");
        WebElement agree = browser.find(By.cssSelector("form[action*='/positions']"));
        agree.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.stalenessOf(agree));

        // The organiser sees the divergence flagged, the important department named, in the notice preview too.
        as(browser, "huanghaitao");
        browser.open(path);
        assertThat(browser.find(By.cssSelector("#item-1 .divergence-flag")).getText())
                .isEqualTo("存在分歧");
        assertThat(browser.find(By.id("item-1")).getText()).contains("重要部门有分歧", "易涝点整治应由城管部门牵头", "同意：市城管局");
        browser.screenshot("meetings-divergence");
        browser.find(By.id("notice-link")).click();
        browser.await(ExpectedConditions.titleContains("关于召开城市内涝治理专题会议的通知"));
        assertThat(browser.find(By.id("notice-warnings")).getText()).contains("市住建局（重要部门）");
        assertThat(browser.find(By.id("notice-document")).getText())
                .contains("示例市住房和城乡建设局、示例市城市管理综合执法局：", "明确排水管网改造和易涝点整治的分工", "陈志华副市长主持");
        browser.screenshot("meetings-notice-preview");
        browser.open(path);
        browser.find(By.cssSelector("#send-notice button[type=submit]")).click();
        confirm(browser);
        browser.await(ExpectedConditions.textToBe(By.id("meeting-status"), "已通知"));

        // The liaison answers the receipt on a phone.
        as(browser, "weilijuan");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(path);
        new Select(browser.find(By.id("personId"))).selectByVisibleText("顾子涵（局长）");
        browser.find(By.cssSelector("#receipt-form button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("my-receipt-state"), "顾子涵"));
        assertThat(browser.find(By.cssSelector(".meeting-qr img")).getAttribute("src"))
                .contains("/qr.png");
        browser.screenshot("meetings-receipt-phone");

        // The organiser sees the receipt on the board and signs the attendee in at the door.
        as(browser, "huanghaitao");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.open(path);
        assertThat(browser.find(By.id("receipts-board")).getText()).contains("参会", "顾子涵", "未回执");
        browser.open(path + "/sign-in");
        browser.find(By.cssSelector(".manual-sign-in")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-summary"), "已签到1人"));
        assertThat(browser.find(By.id("absent")).getText()).contains("示例市城市管理综合执法局");
        browser.screenshot("meetings-sign-in");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/meetings/calendar?week=" + day);
        assertThat(browser.find(By.id("week")).getText()).contains("城市内涝治理专题会议");
        browser.screenshot("meetings-week-phone");
    }
}
