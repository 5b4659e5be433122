package org.accord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The browser support itself: a headless Chromium opens the public sign-in page. */
@BrowserTest
class BrowserSmokeTest {

    @Test
    void showsTheSignInForm(Browser browser) {
        browser.open("/signin");
        Path screenshot = browser.screenshot("signin");

        assertThat(screenshot).satisfies(path -> assertThat(Files.size(path)).isPositive());
        assertThat(browser.currentPath()).startsWith("/signin");
        assertThat(browser.title() + " " + browser.find(By.tagName("h1")).getText())
                .contains("协调");

        WebElement username = browser.find(By.name("username"));
        WebElement password = browser.find(By.name("password"));
        assertThat(username.isDisplayed()).isTrue();
        assertThat(password.getAttribute("type")).isEqualTo("password");
    }
}
