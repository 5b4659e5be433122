package org.accord.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.accord.calendar.WorkingCalendar;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A liaison fills the demo's table-form request in a browser (adding a row, being told what is missing without
 * losing anything), and a leader instructs on a brief from a phone-sized window, opening a supervised task.
 */
@BrowserTest
class InformationBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingCalendar calendar;

    static void signIn(Browser browser, String username) {
        browser.open("/signin");
        browser.find(By.name("username")).sendKeys(username);
        browser.find(By.name("password")).sendKeys("Demo@2026");
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.urlMatches(".*/$"));
    }

    static void type(Browser browser, String name, String text) {
        WebElement input = browser.find(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void aLiaisonFillsATableFormRequest(Browser browser) {
        signIn(browser, "weilijuan");
        browser.open("/information/requests");
        browser.find(By.linkText("在建工地安全生产检查情况")).click();
        browser.await(ExpectedConditions.titleContains("在建工地安全生产检查情况"));
        assertThat(browser.find(By.tagName("main")).getText()).contains("填报示例", "陈志华副市长在市安委会上的讲话");

        type(browser, "f.f1", "2");
        type(browser, "t.f2.0.c1", "东城区商住项目");
        type(browser, "t.f2.0.c2", "3.2");
        new Select(browser.find(By.name("t.f2.0.c3"))).selectByVisibleText("中");
        browser.find(By.xpath("//button[normalize-space()='增加一行']")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.name("t.f2.1.c1")));
        // The first row survived the round trip.
        assertThat(browser.find(By.name("t.f2.0.c1")).getAttribute("value")).isEqualTo("东城区商住项目");
        type(browser, "t.f2.1.c1", "西城区学校项目");
        type(browser, "t.f2.1.c2", "1.5");
        browser.screenshot("information-liaison-table");

        // The second row lacks its risk level: told so, nothing lost.
        browser.find(By.xpath("//button[normalize-space()='提交']")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "第 2 行：请选择“风险等级”"));
        assertThat(browser.find(By.name("t.f2.1.c1")).getAttribute("value")).isEqualTo("西城区学校项目");
        assertThat(browser.find(By.name("f.f1")).getAttribute("value")).isEqualTo("2");
        browser.screenshot("information-liaison-error");

        new Select(browser.find(By.name("t.f2.1.c3"))).selectByVisibleText("高");
        browser.find(By.xpath("//button[normalize-space()='提交']")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已报送。"));
        String page = browser.find(By.tagName("main")).getText();
        assertThat(page).contains("东城区商住项目", "西城区学校项目", "撤回修改");
        browser.screenshot("information-liaison-submitted");
        assertThat(jdbc.sql("SELECT status FROM info_answer WHERE request_id = 2 AND unit_id = (SELECT unit_id FROM"
                                + " info_request_unit WHERE request_id = 2 ORDER BY unit_id LIMIT 1)")
                        .query(String.class)
                        .list())
                .isNotEmpty();
    }

    @Test
    void aLeaderInstructsOnABriefFromAPhone(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        signIn(browser, "chenzhihua");
        browser.open("/information/inbox");
        assertThat(browser.find(By.tagName("main")).getText()).contains("汛期安全度汛");
        browser.find(By.linkText("全市病险水库排查进展")).click();
        browser.await(ExpectedConditions.titleContains("全市病险水库排查进展"));
        // Nothing sticks out of the phone's width.
        Object overflow = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
        assertThat(overflow).isEqualTo(true);

        String words = "请市住建局牵头，五个工作日内完成排查并报结果。";
        browser.find(By.id("instruction-text")).sendKeys(words);
        new Select(browser.find(By.id("leadUnit"))).selectByVisibleText("市住建局");
        String due = calendar.dateOf(Instant.now()).plusDays(7).toString();
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('deadline').value = arguments[0];", due);
        browser.screenshot("information-leader-phone-instruct");
        WebElement submit =
                browser.find(By.xpath("//form[contains(@class,'information-instruct')]//button[@type='submit']"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView();", submit);
        submit.click();
        browser.await(ExpectedConditions.alertIsPresent()).accept();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "督办事项已立项"));
        assertThat(browser.find(By.cssSelector(".information-instruction-text")).getText())
                .isEqualTo(words);
        browser.screenshot("information-leader-phone-done");

        Long task = jdbc.sql("SELECT task_id FROM info_instruction WHERE text = :t")
                .param("t", words)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT source_kind FROM supervision_task WHERE id = :id")
                        .param("id", task)
                        .query(String.class)
                        .single())
                .isEqualTo("INSTRUCTION");
        browser.find(By.partialLinkText("督办事项")).click();
        browser.await(ExpectedConditions.urlContains("/tasks/" + task));
    }

    @Test
    void theOfficePagesFitAPhone(Browser browser) {
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        signIn(browser, "huanghaitao");
        for (String path : List.of(
                "/information/requests/new",
                "/information/requests/2",
                "/information/requests/2/aggregate",
                "/information/briefs/new?request=2",
                "/information/figures")) {
            browser.open(path);
            assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
            Object fits = ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
            browser.screenshot("information-office-phone" + path.replaceAll("[^a-z0-9]+", "-"));
            assertThat(fits).as("%s fits 390 px", path).isEqualTo(true);
        }
        browser.open("/information/requests/2");
        assertThat(browser.find(By.cssSelector(".information-board")).getText()).contains("市住建局", "市城管局");
    }
}
