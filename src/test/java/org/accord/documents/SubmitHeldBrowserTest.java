package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A draft the service would not take for review: the drafter reads why in place of 送核稿, on a desk and a phone. */
@BrowserTest
class SubmitHeldBrowserTest {

    @Test
    void theDrafterReadsWhyTheDraftCannotGoToReviewYet(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        SignIn.as(browser, "huanghaitao");
        browser.open("/documents/new");
        new Select(browser.find(By.id("genre"))).selectByValue("NOTICE");
        browser.find(By.id("title")).sendKeys("关于做好春运期间道路保畅工作的安排");
        browser.find(By.id("body")).sendKeys("各单位要加强春运期间重点路段巡查，及时处置拥堵。");
        browser.find(By.cssSelector("#draft-form button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("edit-link")));

        assertThat(browser.find(By.id("submit-rule-errors")).getText())
                .startsWith("公文不符合规则，修改后才能送核稿：")
                .contains("标题应以文种「通知」结尾");
        assertThat(browser.findAll(By.id("reviewer"))).isEmpty();
        MinutesAwaitingRulingBrowserTest.show(browser, "workflow");
        browser.screenshot("documents-submit-held-desktop");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.driver().navigate().refresh();
        assertThat(MinutesAwaitingRulingBrowserTest.fits(browser))
                .as("the page fits 390 px")
                .isTrue();
        MinutesAwaitingRulingBrowserTest.show(browser, "workflow");
        browser.screenshot("documents-submit-held-phone");

        new Select(browser.find(By.id("units"))).selectByVisibleText("示例市住房和城乡建设局");
        browser.find(By.cssSelector("#consultation form button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("submit-round-open")));
        assertThat(browser.find(By.id("submit-round-open")).getText()).isEqualTo("本轮征求意见尚未结束，结束后才能送核稿");
        assertThat(browser.findAll(By.id("reviewer"))).isEmpty();
        assertThat(MinutesAwaitingRulingBrowserTest.fits(browser))
                .as("the page fits 390 px")
                .isTrue();
        MinutesAwaitingRulingBrowserTest.show(browser, "workflow");
        browser.screenshot("documents-submit-round-open-phone");
    }
}
