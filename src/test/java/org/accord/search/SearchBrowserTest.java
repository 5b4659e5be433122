package org.accord.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The header's search box leads to the results page; a liaison of 水利局 finds their sewage case with the words
 * marked, filters by kind, and opens it. Screenshots under target/screenshots/search-*, on a desktop and a phone.
 */
@BrowserTest
class SearchBrowserTest {

    @Test
    void theHeaderBoxFindsMarksAndOpens(Browser browser) {
        SignIn.as(browser, "yuanying");
        browser.open("/");
        browser.find(By.cssSelector(".topbar-find input")).sendKeys("污水\n");
        browser.await(ExpectedConditions.titleContains("污水"));
        assertThat(browser.find(By.cssSelector(".search-hits")).getText()).contains("文一路88号");
        assertThat(browser.findAll(By.cssSelector(".search-snippet mark"))).isNotEmpty();
        assertThat(browser.find(By.cssSelector(".search-kinds")).getText()).contains("热线办件");
        assertThat(browser.find(By.cssSelector(".search-meta")).getText()).contains("水利局");
        browser.screenshot("search-results");

        browser.find(By.cssSelector(".search-kinds a:not(.active)")).click();
        browser.await(ExpectedConditions.urlContains("kind="));
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.screenshot("search-results-phone");
        browser.find(By.cssSelector(".search-hit-title")).click();
        browser.await(ExpectedConditions.urlMatches(".*/cases/\\d+$"));

        browser.open("/search?q=" + "外墙渗水");
        assertThat(browser.find(By.tagName("main")).getText()).contains("没有找到");
        browser.screenshot("search-none-phone");
    }
}
