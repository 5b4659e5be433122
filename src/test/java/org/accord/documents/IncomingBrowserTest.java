package org.accord.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.accord.directory.Directory;
import org.accord.security.DataScope;
import org.accord.security.SignedInAccount;
import org.accord.testing.Browser;
import org.accord.testing.BrowserTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A clerk registers an incoming document; a leader reads one circulated to him on his phone. */
@BrowserTest
class IncomingBrowserTest {

    @Autowired
    IncomingDesk desk;

    @Autowired
    Directory directory;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theClerkRegistersADocumentInOneForm(Browser browser) {
        SignIn.as(browser, "huanghaitao");
        browser.open("/documents/incoming");
        browser.find(By.id("incoming-new")).click();
        browser.await(ExpectedConditions.titleContains("签收登记"));

        new Select(browser.find(By.id("senderUnitId"))).selectByVisibleText("示例市住房和城乡建设局");
        browser.find(By.id("senderNumber")).sendKeys("示例建发〔2026〕52号");
        browser.find(By.id("title")).sendKeys("关于申请城市燃气管道更新改造资金的请示");
        new Select(browser.find(By.id("genre"))).selectByVisibleText("请示");
        new Select(browser.find(By.id("urgency"))).selectByVisibleText("加急");
        new Select(browser.find(By.id("channel"))).selectByVisibleText("机要交换");
        browser.screenshot("incoming-register-form");
        browser.find(By.id("incoming-submit")).click();

        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("incoming-number")));
        assertThat(browser.currentPath()).matches("/documents/incoming/\\d+");
        assertThat(browser.find(By.id("incoming-number")).getText()).matches("收文〔\\d{4}〕\\d+号");
        assertThat(browser.find(By.id("incoming-state")).getText()).isEqualTo("已登记待初审");
        String page = browser.find(By.tagName("main")).getText();
        assertThat(page).contains("关于申请城市燃气管道更新改造资金的请示", "示例市住房和城乡建设局", "示例建发〔2026〕52号", "加急", "机要交换", "初审");
        browser.screenshot("incoming-registered");

        browser.open("/documents/incoming");
        assertThat(browser.find(By.cssSelector("table.incoming-list")).getText())
                .contains("关于申请城市燃气管道更新改造资金的请示", "已登记待初审");
    }

    @Test
    void aLeaderReadsAndInstructsOnAPhone(Browser browser) {
        SignedInAccount clerk = (SignedInAccount) accounts.loadUserByUsername("huanghaitao");
        DataScope office = new DataScope(DataScope.Kind.OFFICE, clerk.personId(), java.util.Set.of());
        long zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        long wdk = directory.unitByCode("SZFB-WDK").orElseThrow().id();
        long chenzhihua = directory.personByCode("P0003").orElseThrow().id();
        long liufang = directory.personByCode("P0004").orElseThrow().id();
        String title = "关于住房公积金提取政策调整的请示";
        long id = desk.signFor(
                clerk,
                IncomingChannel.ELECTRONIC,
                null,
                new IncomingRegistration(
                        zjj,
                        "-",
                        "示例建发〔2026〕60号",
                        title,
                        Genre.REQUEST,
                        IncomingUrgency.EXTRA_URGENT,
                        null,
                        1,
                        3,
                        List.of("政策调整方案"),
                        desk.today(),
                        desk.today().plusDays(15)),
                true);
        desk.check(id, office, clerk, true, null, null);
        desk.route(id, office, clerk, wdk, "请文电科会同市住房公积金中心研提意见。", (LocalDate) null);
        desk.circulate(id, office, clerk, List.of(chenzhihua, liufang));

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        SignIn.as(browser, "chenzhihua");
        browser.open("/leader");
        assertThat(browser.find(By.tagName("main")).getText()).contains("待阅来文", title);
        browser.screenshot("incoming-leader-page-phone");
        browser.find(By.linkText(title)).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.id("incoming-read")));
        browser.screenshot("incoming-leader-detail-phone");
        assertThat(pageWidth(browser)).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);

        browser.find(By.cssSelector("#incoming-read input[value=INSTRUCTION]")).click();
        browser.find(By.id("instruction")).sendKeys("请文电科抓紧研究，五个工作日内报我。");
        browser.find(By.id("incoming-read-submit")).click();

        browser.await(ExpectedConditions.invisibilityOfElementLocated(By.id("incoming-read")));
        String circulation =
                browser.find(By.cssSelector(".incoming-circulation")).getText();
        assertThat(circulation).contains("陈志华", "批示", "请文电科抓紧研究，五个工作日内报我。", "刘芳", "未阅");
        assertThat(pageWidth(browser)).isLessThanOrEqualTo(390);
        browser.screenshot("incoming-leader-read-phone");

        browser.open("/leader");
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain(title);
        browser.open("/documents/incoming");
        assertThat(browser.find(By.cssSelector("table.incoming-list")).getText())
                .contains(title, "承办中");
        assertThat(pageWidth(browser)).isLessThanOrEqualTo(390);
        browser.screenshot("incoming-leader-list-phone");

        // The clerk sees the leader's instruction on the document, with the steps still open.
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 2400));
        SignIn.as(browser, "huanghaitao");
        browser.open("/documents/incoming/" + id);
        assertThat(browser.find(By.cssSelector(".incoming-circulation")).getText())
                .contains("请文电科抓紧研究，五个工作日内报我。");
        assertThat(browser.find(By.cssSelector("#incoming-circulate input[value='" + chenzhihua + "']"))
                        .isEnabled())
                .as("a leader already on the circulation is not offered again")
                .isFalse();
        assertThat(browser.findAll(By.id("incoming-remind"))).hasSize(1);
        assertThat(browser.findAll(By.id("incoming-reply-form"))).hasSize(1);
        browser.screenshot("incoming-clerk-routed");
    }

    static long pageWidth(Browser browser) {
        return (Long)
                ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth;");
    }
}
