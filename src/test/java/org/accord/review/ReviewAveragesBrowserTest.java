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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The director's dashboard for May 2025 ({@link AveragesFixture}): the documents' and duty's averages drawn on
 * charts of their own beside the rates, a tile leading to the documents with their days; the same at 390 px.
 * Screenshots under target/screenshots/review-averages-*.
 */
@BrowserTest
class ReviewAveragesBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Test
    void averagesOnTheDirectorsDashboard(Browser browser) {
        AveragesFixture.load(jdbc, directory);
        SignIn.as(browser, "huanghaitao");
        browser.open("/review/director?" + AveragesFixture.MAY);
        browser.await(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-documents .review-chart svg")));
        // Three charts for documents (rates, rounds, days) and two for duty (rates, minutes), each drawn.
        browser.await(d -> d.findElements(By.cssSelector("#review-documents .review-chart svg"))
                                .size()
                        == 3
                && d.findElements(By.cssSelector("#review-duty .review-chart svg"))
                                .size()
                        == 2);
        WebElement days = browser.find(By.cssSelector("a.review-tile[data-figure='documents.DAYS_TO_ISSUANCE']"));
        assertThat(days.getText()).contains("起草至印发用时", "平均 5.8 天", "共 3 项");
        assertThat(browser.find(By.cssSelector("a.review-tile[data-figure='documents.COMMENTS_ADOPTED']"))
                        .getText())
                .contains("75.0%", "3 / 4");
        scrollTo(browser, "review-documents");
        browser.screenshot("review-averages-director");
        scrollTo(browser, "review-duty");
        browser.screenshot("review-averages-director-duty");

        days.click();
        browser.await(ExpectedConditions.urlContains("figure=documents.DAYS_TO_ISSUANCE"));
        List<WebElement> rows = browser.findAll(By.cssSelector(".review-items-table tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).getText()).contains("RA 公文B", "10.0 天");
        browser.screenshot("review-averages-items");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().navigate().back();
        browser.await(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-documents .review-chart svg")));
        scrollTo(browser, "review-documents");
        browser.screenshot("review-averages-director-390");
    }

    private static void scrollTo(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }
}
