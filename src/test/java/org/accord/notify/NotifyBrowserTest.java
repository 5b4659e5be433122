package org.accord.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accord.directory.Directory;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A person has a page open; a notice for them arrives; the badge and a toast show it without a reload. */
@BrowserTest
class NotifyBrowserTest {

    @Autowired
    Notifications notifications;

    @Autowired
    Directory directory;

    static void signIn(Browser browser, String username) {
        browser.open("/signin");
        browser.find(By.name("username")).sendKeys(username);
        browser.find(By.name("password")).sendKeys("Demo@2026");
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.urlMatches(".*/$"));
    }

    @Test
    void aNoticeShowsUpOnAnOpenPageWithoutAReload(Browser browser) {
        signIn(browser, "huanghaitao");
        browser.open("/directory");
        browser.await(ExpectedConditions.attributeToBe(By.id("inbox-link"), "data-live", "on"));
        int before =
                Integer.parseInt(browser.find(By.id("inbox-badge")).getText().strip());
        // A marker that disappears if the page reloads.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("window.__stillTheSamePage = true;");

        long huang = directory.personByCode("P0011").orElseThrow().id();
        notifications.send(Notice.of(List.of(huang), "cases.dispatch", "新工单：东城区道路积水", "请于两个工作日内答复。", "/inbox"));

        browser.await(ExpectedConditions.textToBe(By.id("inbox-badge"), Integer.toString(before + 1)));
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notify-toast")));
        assertThat(browser.find(By.cssSelector(".notify-toast")).getText()).contains("新消息", "新工单：东城区道路积水");
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver())
                        .executeScript("return window.__stillTheSamePage === true;"))
                .isEqualTo(true);
        browser.screenshot("notify-toast");

        // The toast leads to the inbox, where the new item is unread.
        browser.find(By.cssSelector(".notify-toast a")).click();
        browser.await(ExpectedConditions.titleContains("消息"));
        assertThat(browser.find(By.cssSelector(".notify-item.unread")).getText())
                .contains("新工单：东城区道路积水");
    }
}
