package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drafting in the browser: the rule findings follow the typing; the difference view marks what changed. */
@BrowserTest
class DraftingBrowserTest {

    static final String FINDINGS = "#findings";

    String findings(Browser browser) {
        return browser.find(By.cssSelector(FINDINGS)).getText();
    }

    void waitFor(Browser browser, java.util.function.Predicate<String> condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> condition.test(findings(browser)));
    }

    @Test
    void findingsFollowTheTypingAndTheDifferenceViewMarksTheChanges(Browser browser) {
        SignIn.as(browser, "huanghaitao");
        browser.open("/documents/new");
        new Select(browser.find(By.id("genre"))).selectByValue("NOTICE");
        WebElement title = browser.find(By.id("title"));
        title.sendKeys("关于做好冬季供暖保障工作的报告");
        waitFor(browser, text -> text.contains("TITLE_GENRE"));
        browser.screenshot("documents-drafting-finding");

        title.clear();
        title.sendKeys("关于做好冬季供暖保障工作的通知");
        waitFor(browser, text -> !text.contains("TITLE_GENRE"));
        assertThat(findings(browser)).doesNotContain("TITLE_GENRE");

        WebElement body = browser.find(By.id("body"));
        body.sendKeys("各单位要切实做好冬季供暖保障工作，确保群众温暖过冬。务必于十二月底前完成。");
        new Select(browser.find(By.id("mainAddressees"))).selectByVisibleText("示例市住房和城乡建设局");
        browser.find(By.cssSelector("#draft-form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("edit-link")));
        String documentPath = browser.currentPath();
        assertThat(browser.find(By.id("document-body")).getText()).contains("确保群众温暖过冬");

        browser.find(By.id("edit-link")).click();
        WebElement editBody = browser.find(By.id("body"));
        editBody.clear();
        editBody.sendKeys("各单位要切实做好冬季供暖保障工作，确保全市群众温暖过冬。请于一月中旬前完成。");
        browser.screenshot("documents-drafting-edit");
        browser.find(By.cssSelector("#draft-form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("edit-link")));

        browser.open(documentPath + "/compare?from=1&to=2");
        WebElement diff = browser.find(By.id("diff"));
        assertThat(diff.findElements(By.cssSelector("ins.doc-ins")).stream().map(WebElement::getText))
                .containsExactly("全市", "请", "一", "中旬");
        assertThat(diff.findElements(By.cssSelector("del.doc-del")).stream().map(WebElement::getText))
                .containsExactly("务必", "十二", "底");
        browser.screenshot("documents-compare");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open(documentPath);
        browser.screenshot("documents-document-phone");
        browser.open(documentPath + "/edit");
        browser.screenshot("documents-edit-phone");
    }

    @Test
    void aConsultedUnitQuotesThePassageItSelectsInTheText(Browser browser) {
        SignIn.as(browser, "huanghaitao");
        browser.open("/documents/new");
        new Select(browser.find(By.id("genre"))).selectByValue("NOTICE");
        browser.find(By.id("title")).sendKeys("关于开展燃气安全检查的通知");
        browser.find(By.id("body")).sendKeys("各单位要在十二月底前完成燃气安全检查。");
        browser.find(By.cssSelector("#draft-form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("edit-link")));
        String documentPath = browser.currentPath();
        new Select(browser.find(By.id("units"))).selectByVisibleText("示例市住房和城乡建设局");
        browser.find(By.cssSelector("#consultation form button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> driver.getPageSource().contains("进行中"));

        browser.driver().manage().deleteAllCookies();
        SignIn.as(browser, "weilijuan");
        browser.open(documentPath);
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "var node = document.getElementById('document-body').firstChild;"
                                + "var at = node.textContent.indexOf('十二月底前');"
                                + "var range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 5);"
                                + "var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);");
        browser.find(By.cssSelector("[data-quote-into]")).click();
        WebElement quote = browser.find(By.cssSelector("textarea[name=quote]"));
        assertThat(quote.getAttribute("value")).isEqualTo("十二月底前");
        browser.find(By.cssSelector("textarea[name=proposed]")).sendKeys("一月中旬前");
        browser.find(By.cssSelector("textarea[name=text]")).sendKeys("时间过紧。");
        quote.findElement(By.xpath("ancestor::form")).submit();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver ->
                        driver.findElements(By.cssSelector(".doc-quote")).size() == 1);
        assertThat(browser.find(By.cssSelector(".doc-quote")).getText()).contains("十二月底前", "仍见于第1稿");
        browser.screenshot("documents-consulted-comment");
    }
}
