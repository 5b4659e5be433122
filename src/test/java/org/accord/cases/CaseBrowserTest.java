package org.accord.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator takes a call in and dispatches it by the catalogue; 市住建局's liaison signs for it and drafts the
 * reply; the bureau's head approves it to the office. Screenshots under target/screenshots/cases-*.
 */
@BrowserTest
class CaseBrowserTest {

    @Test
    void intakeSignForAndReply(Browser browser) {
        SignIn.as(browser, "qianhaitao");
        browser.open("/cases/new");
        browser.find(By.name("phone")).sendKeys("13955556666");
        browser.find(By.name("callerName")).sendKeys("赵丽");
        new Select(browser.find(By.name("category"))).selectByValue("PROPERTY");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("suggestions"), "业主大会"));
        browser.find(By.name("address")).sendKeys("西湖区文三路8号");
        browser.find(By.name("description")).sendKeys("小区物业长期不清运垃圾，楼道堆满杂物。");
        browser.screenshot("cases-intake");
        browser.find(By.cssSelector("#intake button[type=submit]")).click();
        browser.await(ExpectedConditions.urlMatches(".*/cases/\\d+$"));
        String casePath = browser.currentPath();
        assertThat(browser.find(By.cssSelector(".cases-status")).getText()).isEqualTo("待派单");
        String number = browser.find(By.cssSelector("h1 .cases-number")).getText();
        assertThat(number).matches("12345-\\d{8}-\\d{6}");
        // The catalogue proposes 市住建局 for 物业 without a district.
        assertThat(new Select(browser.find(By.id("lead")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("市住建局");
        browser.find(By.id("dispatch")).click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "办理中"));
        browser.screenshot("cases-dispatched");

        browser.driver().manage().deleteAllCookies();
        SignIn.as(browser, "weilijuan");
        browser.open("/cases");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("本单位办件");
        assertThat(browser.find(By.cssSelector("table.cases-list")).getText())
                .contains(number)
                .contains("139****6666");
        browser.open(casePath);
        browser.find(By.id("sign")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        browser.find(By.id("reply-text")).sendKeys("已约谈物业公司，三日内清运完毕，街道将复查。");
        browser.find(By.id("draft")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".cases-unit-actions"), "答复稿待本单位主要负责人审批"));
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.screenshot("cases-liaison-phone");

        browser.driver().manage().deleteAllCookies();
        SignIn.as(browser, "guzihan");
        browser.open(casePath);
        browser.find(By.id("approve")).click();
        browser.await(ExpectedConditions.textToBe(By.cssSelector(".cases-status"), "答复待审核"));
        assertThat(browser.find(By.cssSelector(".cases-timeline")).getText()).contains("签收", "起草答复", "审批");
        browser.screenshot("cases-replied");

        // The citizen sees the progress without signing in.
        browser.driver().manage().deleteAllCookies();
        browser.open("/public/cases/status?number=" + number + "&phone=13955556666");
        assertThat(browser.find(By.cssSelector(".cases-citizen")).getText()).contains("已转交承办单位办理");
        browser.screenshot("cases-public-status");
    }
}
