package org.accord.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A member of the office signs in and finds a unit, on a desk and on a phone. */
@BrowserTest
class DirectoryBrowserTest {

    static void signIn(Browser browser, String username) {
        // Types the current TOTP code for the demo administrators.
        SignIn.as(browser, username);
    }

    @Test
    void staffSignInAndOpenAUnitFromTheTree(Browser browser) {
        signIn(browser, "huanghaitao");
        assertThat(browser.find(By.cssSelector(".topbar-user .who")).getText()).contains("黄海涛");

        browser.find(By.linkText("通讯录")).click();
        browser.await(ExpectedConditions.titleContains("通讯录"));
        browser.find(By.linkText("示例市住房和城乡建设局")).click();
        browser.await(ExpectedConditions.titleContains("示例市住房和城乡建设局"));

        String page = browser.find(By.tagName("main")).getText();
        assertThat(page).contains("魏丽娟", "陈志华（副市长）", "对下", "联络员");
        browser.screenshot("directory-unit");
    }

    @Test
    void anImportIsPreviewedConfirmedAndFollowedToTheEnd(Browser browser) throws IOException {
        Path file = Files.createTempFile("people", ".csv");
        Files.writeString(
                file,
                "编码,姓名,单位编码,职务,领导职务,办公电话,手机,电子邮箱,联络员,排序\n"
                        + "P8001,司马光明,SLJ,科员,,,13900008001,smgm@shili.example,是,90\n");
        signIn(browser, "sysadmin");
        browser.open("/directory/import");
        browser.find(By.id("files")).sendKeys(file.toString());
        browser.find(By.cssSelector("form[enctype] button[type=submit]")).click();
        browser.await(ExpectedConditions.titleContains("导入预览"));
        assertThat(browser.find(By.id("import-counts")).getText()).contains("人员 1 0");

        browser.find(By.cssSelector("form[data-confirm] button[type=submit]")).click();
        Alert question = browser.await(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("确定");
        question.accept();

        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("import-progress"), "导入完成"));
        browser.screenshot("directory-import-done");
        browser.find(By.linkText("返回通讯录")).click();
        browser.open("/directory/search?q=司马光明");
        assertThat(browser.find(By.tagName("main")).getText()).contains("市水利局");
    }

    @Test
    void onAPhoneTheNavigationFoldsAndTheSearchFindsAPerson(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        signIn(browser, "chenzhihua");

        assertThat(browser.find(By.id("mainnav")).isDisplayed()).isFalse();
        browser.find(By.cssSelector(".nav-toggle")).click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("mainnav")));

        browser.find(By.cssSelector(".topbar-search input")).sendKeys("魏丽娟\n");
        browser.await(ExpectedConditions.titleContains("查找"));
        browser.find(By.linkText("魏丽娟")).click();
        browser.await(ExpectedConditions.titleContains("魏丽娟"));
        assertThat(browser.find(By.tagName("main")).getText()).contains("市住建局", "办公室主任");
        browser.screenshot("directory-person-phone");
    }
}
