package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo minutes while 陈志华's ruling is awaited: the drafter sees why neither review nor a round is offered. */
@BrowserTest
class MinutesAwaitingRulingBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDrafterSeesWhyTheMinutesCannotGoToReviewYet(Browser browser) {
        long id = jdbc.sql("SELECT MIN(document_id) FROM document_revision WHERE title = '城市排水防涝工作专题会议纪要'")
                .query(Long.class)
                .single();
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        SignIn.as(browser, "huanghaitao");
        browser.open("/documents/" + id);
        assertThat(browser.find(By.id("submit-awaiting-ruling")).getText())
                .isEqualTo(SubmitAwaitingRulingIntegrationTest.WHY);
        assertThat(browser.findAll(By.id("reviewer"))).isEmpty();
        show(browser, "workflow");
        browser.screenshot("documents-minutes-awaiting-ruling-desktop");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().navigate().refresh();
        assertThat(fits(browser)).as("the page fits 390 px").isTrue();
        show(browser, "workflow");
        browser.screenshot("documents-minutes-awaiting-ruling-phone");
    }

    static void show(Browser browser, String id) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    static boolean fits(Browser browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
    }
}
