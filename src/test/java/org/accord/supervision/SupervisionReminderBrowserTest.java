package org.accord.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 黄海涛 of the office opens a supervised task of 市住建局, is offered the meeting decision it rests on, cites it,
 * and reminds the unit (催办); 魏丽娟, the unit's liaison, reads the reminder and its basis on her phone.
 */
@BrowserTest
class SupervisionReminderBrowserTest {

    static final String DECISION = "完成中心城区主干排水管网清疏";

    @Autowired
    Supervision supervision;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void theOfficeCitesABasisAndRemindsAndTheLiaisonReadsIt(Browser browser) {
        long zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        long task = supervision.open(new TaskRequest(
                SourceKind.DELEGATION,
                90_001,
                "推进中心城区主干排水管网清疏，汛前消除管网淤堵",
                zjj,
                Set.of(),
                calendar.addWorkingDays(calendar.dateOf(Instant.now()), 10)));

        SignIn.as(browser, "huanghaitao");
        browser.open("/tasks/" + task);
        browser.await(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#remind .basis-results"), DECISION));
        WebElement offered = browser.findAll(By.cssSelector("#remind .basis-item")).stream()
                .filter(item -> item.getText().contains(DECISION))
                .findFirst()
                .orElseThrow();
        assertThat(offered.getText()).contains("会议议定事项");
        scrollTo(browser, By.id("remind"));
        browser.screenshot("supervision-reminder-1-offered");
        offered.findElement(By.cssSelector(".basis-cite button")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("basis"), "已援引"));
        assertThat(browser.find(By.id("basis")).getText()).contains(DECISION);

        browser.find(By.id("reminder-text")).sendKeys("请于本周五前报送管网清疏进度，并说明淤堵点位整改情况。");
        browser.find(By.cssSelector("#remind form[action$='/remind'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "已发出催办"));
        assertThat(browser.find(By.id("history")).getText()).contains("办公室催办").contains("本周五前报送管网清疏进度");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        scrollTo(browser, By.id("basis"));
        browser.screenshot("supervision-reminder-2-sent");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        scrollTo(browser, By.id("remind"));
        browser.screenshot("supervision-reminder-3-office-phone");

        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        SignIn.as(browser, "weilijuan");
        browser.open("/tasks/" + task);
        String basis = browser.find(By.id("basis")).getText();
        assertThat(basis).contains("办理时请参照以下依据").contains(DECISION);
        assertThat(browser.findAll(By.cssSelector("#basis a"))).isEmpty();
        assertThat(browser.findAll(By.id("remind"))).isEmpty();
        assertThat(browser.find(By.id("history")).getText()).contains("办公室催办").contains("本周五前报送管网清疏进度");
        browser.screenshot("supervision-reminder-4-liaison");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        scrollTo(browser, By.id("basis"));
        browser.screenshot("supervision-reminder-5-liaison-phone");
    }

    static void scrollTo(Browser browser, By by) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", browser.find(by));
    }
}
