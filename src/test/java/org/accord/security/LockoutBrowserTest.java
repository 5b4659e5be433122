package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Someone guesses a password five times and is told, in Chinese, that the account is locked and until when. */
@BrowserTest
class LockoutBrowserTest {

    @Test
    void fiveWrongPasswordsLockTheAccount(Browser browser) {
        for (int i = 1; i <= 5; i++) {
            browser.open("/signin");
            browser.find(By.name("username")).sendKeys("zhangsan");
            browser.find(By.name("password")).sendKeys("Guess-" + i);
            browser.find(By.cssSelector("button[type=submit]")).click();
            browser.await(ExpectedConditions.urlContains("/signin?"));
            if (i < 5) {
                assertThat(browser.find(By.cssSelector(".alert-error")).getText())
                        .contains("用户名或密码不正确");
            }
        }
        String message = browser.find(By.id("signin-locked")).getText();
        assertThat(message).contains("该账号因连续多次登录失败已被锁定", "之后再试");
        browser.screenshot("signin-locked");
    }
}
