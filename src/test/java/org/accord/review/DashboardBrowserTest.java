package org.accord.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.directory.Directory;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The director picks March 2025 on the dashboard, sees the charts drawn, clicks the on-time sign-for figure and
 * gets the list of the shares counted; the same at 390 px. Screenshots under target/screenshots/review-*.
 */
@BrowserTest
class DashboardBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Test
    void pickAPeriodAndDrillDown(Browser browser) {
        ReviewFixture.load(jdbc, directory);
        SignIn.as(browser, "huanghaitao");
        browser.open("/review");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("办公室主任看板");

        new Select(browser.find(By.id("period"))).selectByValue("CUSTOM");
        setDate(browser, "from", "2025-03-01");
        setDate(browser, "to", "2025-03-31");
        browser.find(By.cssSelector(".review-picker button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".review-range"), "2025-03-01 至 2025-03-31"));
        // ECharts draws into each chart box (SVG renderer).
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-cases .review-chart svg")));
        WebElement tile = browser.find(By.cssSelector("a.review-tile[data-figure='cases.ON_TIME_SIGN']"));
        assertThat(tile.getText()).contains("按时签收率", "66.7%", "2 / 3");
        browser.screenshot("review-director");

        tile.click();
        browser.await(ExpectedConditions.urlContains("/review/items"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("按时签收率");
        List<WebElement> rows = browser.findAll(By.cssSelector(".review-items-table tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(browser.findAll(By.cssSelector(".review-items-table tbody tr.review-met")))
                .hasSize(2);
        assertThat(rows.get(0).getText()).contains("RV2025-");
        browser.screenshot("review-items");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().navigate().back();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-cases .review-chart svg")));
        browser.screenshot("review-director-390");
        browser.find(By.cssSelector("a.review-tile[data-figure='supervision.OVERDUE']"))
                .click();
        browser.await(ExpectedConditions.urlContains("figure=supervision.OVERDUE"));
        assertThat(browser.findAll(By.cssSelector(".review-items-table tbody tr")))
                .hasSize(3);
        browser.screenshot("review-items-390");
    }

    private static void setDate(Browser browser, String id, String value) {
        // A date input takes typed digits in the browser's locale order; setting the value is locale-free.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}
