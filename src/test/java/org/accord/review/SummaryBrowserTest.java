package org.accord.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.accord.directory.Directory;
import org.accord.supervision.SourceKind;
import org.accord.supervision.Supervision;
import org.accord.supervision.TaskRequest;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The office generates last week's summary of 市水利局, edits it, and opens the unit's profile from the directory. */
@BrowserTest
class SummaryBrowserTest {

    @Autowired
    Directory directory;

    @Autowired
    Supervision supervision;

    @Test
    void aSummaryAndAUnitProfileOnADeskAndOnAPhone(Browser browser) {
        long slj = directory.unitByCode("SLJ").orElseThrow().id();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        SummaryPeriod lastWeek = SummaryPeriod.before(SummaryPeriod.Kind.WEEK, today);
        long overdue = supervision.open(new TaskRequest(
                SourceKind.DELEGATION,
                990_001,
                "汛后水毁堤防排查",
                slj,
                Set.of(),
                lastWeek.start().plusDays(2)));

        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        SignIn.as(browser, "huanghaitao");
        browser.open("/review/summaries");
        new Select(browser.find(By.id("subject"))).selectByVisibleText("单位 · 市水利局");
        browser.find(By.cssSelector(".summary-generate button[type=submit]")).click();
        browser.await(ExpectedConditions.urlMatches(".*/review/summaries/\\d+$"));
        assertThat(browser.find(By.cssSelector("h1")).getText()).contains("市水利局", lastWeek.label());
        assertThat(browser.find(By.cssSelector(".summary-items[data-section=LATE]"))
                        .getText())
                .contains("汛后水毁堤防排查", "逾期未办结", "督办#" + overdue);
        browser.screenshot("review-summary-desktop");

        var body = browser.find(By.id("body"));
        body.clear();
        body.sendKeys("上周防汛收尾，堤防排查逾期，已督促市水利局本周内完成。");
        browser.find(By.cssSelector("form[action$='/body'] button[type=submit]"))
                .click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".summary-original")));
        assertThat(browser.find(By.cssSelector("h1")).getText()).contains("已修改");
        assertThat(browser.find(By.cssSelector("h1 + p.muted")).getText()).contains("由 黄海涛 于");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().navigate().refresh();
        assertThat(fits(browser)).as("the summary fits 390 px").isTrue();
        browser.screenshot("review-summary-phone");

        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.open("/directory/units/" + slj);
        browser.find(By.linkText("单位画像")).click();
        browser.await(ExpectedConditions.urlContains("/review/units/" + slj + "/profile"));
        assertThat(browser.find(By.cssSelector(".profile-liaisons")).getText()).contains("袁颖", "13910696872");
        assertThat(browser.find(By.cssSelector(".profile-open")).getText()).contains("汛后水毁堤防排查");
        browser.screenshot("review-profile-desktop");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().navigate().refresh();
        assertThat(fits(browser)).as("the profile fits 390 px").isTrue();
        browser.screenshot("review-profile-phone");
    }

    private static boolean fits(Browser browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
    }
}
