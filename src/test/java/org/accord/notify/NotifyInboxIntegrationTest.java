package org.accord.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The inbox, the header's count and the preferences, through HTTP, signed in for real. */
@IntegrationTest
class NotifyInboxIntegrationTest {

    static final Pattern BADGE = Pattern.compile("id=\"inbox-badge\"[^>]*>(\\d+)<");

    @Autowired
    MockMvc mvc;

    @Autowired
    Notifications notifications;

    @Autowired
    Directory directory;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Preferences preferences;

    MockHttpSession signIn(String username) throws Exception {
        MvcResult result = mvc.perform(post("/signin")
                        .param("username", username)
                        .param("password", "Demo@2026")
                        .with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    long person(String code) {
        return directory.personByCode(code).orElseThrow().id();
    }

    int badge(MockHttpSession session) throws Exception {
        String html =
                mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
        Matcher matcher = BADGE.matcher(html);
        assertThat(matcher.find()).as("the header shows the inbox badge").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void aNoticeReachesItsRecipientOnlyAndIsReadByFollowingItsLink() throws Exception {
        MockHttpSession huang = signIn("huanghaitao");
        MockHttpSession wei = signIn("weilijuan");
        int before = badge(huang);
        int weiBefore = badge(wei);

        long id = notifications
                .send(Notice.of(
                        List.of(person("P0011")),
                        "meetings.notice",
                        "市政府常务会议通知（第12次）",
                        "定于周五上午九时在第一会议室召开。",
                        "/calendar"))
                .get(0);

        assertThat(badge(huang)).isEqualTo(before + 1);
        assertThat(badge(wei)).isEqualTo(weiBefore);
        mvc.perform(get("/inbox").session(huang))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("市政府常务会议通知（第12次）")))
                .andExpect(content().string(containsString("inbox-item-" + id)))
                .andExpect(content().string(containsString("notify-item unread")));
        mvc.perform(get("/inbox").session(wei))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("市政府常务会议通知（第12次）"))));

        // Another person's item does not exist for them.
        mvc.perform(post("/inbox/" + id + "/read").session(wei).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/inbox/999999999/read").session(huang).with(csrf())).andExpect(status().isNotFound());

        mvc.perform(post("/inbox/" + id + "/read").session(huang).with(csrf())).andExpect(redirectedUrl("/calendar"));
        assertThat(badge(huang)).isEqualTo(before);
    }

    @Test
    void everyNoticeNamesItsKindInChinese() throws Exception {
        long huangId = person("P0011");
        notifications.send(Notice.of(List.of(huangId), "documents.not-yet-labelled", "新类别的消息", "正文", null));
        List<String> labels = new java.util.ArrayList<>();
        // The demo's scenarios leave notices of most kinds in these inboxes.
        for (String user : List.of(
                "huanghaitao", "xiongyongqiang", "longminghui", "caiyuxuan", "chenzhihua", "weilijuan", "yuanying")) {
            String page = mvc.perform(get("/inbox").session(signIn(user)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            org.jsoup.Jsoup.parse(page)
                    .select(".notify-meta > span:first-child")
                    .forEach(span -> labels.add(span.text()));
        }
        assertThat(labels).hasSizeGreaterThan(10).contains("公文意见", "会议回执", "公文");
        assertThat(labels).as("no kind shown as its key").noneMatch(label -> label.matches("[a-z][a-z0-9.-]*"));
    }

    @Test
    void allCanBeMarkedReadAtOnce() throws Exception {
        MockHttpSession chen = signIn("chenzhihua");
        long chenId = person("P0003");
        notifications.send(Notice.of(List.of(chenId), "test", "第一条", "正文", null));
        notifications.send(Notice.of(List.of(chenId), "test", "第二条", "正文", null));
        assertThat(badge(chen)).isGreaterThanOrEqualTo(2);
        mvc.perform(get("/inbox").session(chen)).andExpect(content().string(containsString("确定将全部消息标为已读吗？")));

        mvc.perform(post("/inbox/read-all").session(chen).with(csrf())).andExpect(redirectedUrl("/inbox"));
        assertThat(badge(chen)).isZero();
        assertThat(notifications.unreadCount(chenId)).isZero();
        mvc.perform(get("/inbox").session(chen))
                .andExpect(content().string(containsString("第二条")))
                .andExpect(content().string(not(containsString("notify-item unread"))));
    }

    @Test
    void accountsWithoutAPersonHaveNoInbox() throws Exception {
        mvc.perform(get("/inbox")).andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/notify/stream")).andExpect(redirectedUrl("/signin"));
    }

    @Test
    void preferencesChooseChannelsPerKindAndUrgentNoticesOverrideThem() throws Exception {
        MockHttpSession wei = signIn("weilijuan");
        long weiId = person("P0076");
        mvc.perform(get("/notify/preferences").session(wei))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("通知方式")))
                .andExpect(content().string(containsString("会议通知")))
                .andExpect(content().string(containsString("免打扰时段")));

        // Meetings by SMS only, duty by e-mail only; quiet hours around the clock but one minute.
        LocalTime now = LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        mvc.perform(post("/notify/preferences")
                        .session(wei)
                        .with(csrf())
                        .param("kind", "meetings.notice", "duty.incident")
                        .param("sms", "meetings.notice")
                        .param("email", "duty.incident"))
                .andExpect(redirectedUrl("/notify/preferences?saved"));
        assertThat(preferences.choicesOf(weiId))
                .containsEntry("meetings.notice", new ChannelChoice(false, true))
                .containsEntry("duty.incident", new ChannelChoice(true, false));
        mvc.perform(get("/notify/preferences").session(wei).param("saved", ""))
                .andExpect(content().string(containsString("已保存")))
                .andExpect(content().string(containsString("id=\"sms-meetings.notice\" checked")));

        long meeting = notifications
                .send(Notice.of(List.of(weiId), "meetings.notice", "会议", "正文", null))
                .get(0);
        assertThat(deliveries.ofItem(meeting)).extracting(Delivery::channel).containsExactly(Channel.SMS);

        // Without a gateway configured, an SMS is recorded as failed, visibly.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(deliveries.ofItem(meeting))
                        .singleElement()
                        .satisfies(d -> {
                            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
                            assertThat(d.lastError()).isEqualTo("未配置短信网关");
                        }));
        mvc.perform(get("/inbox").session(wei)).andExpect(content().string(containsString("未配置短信网关")));

        // Quiet hours: everything but the next minute is quiet, so e-mail waits.
        mvc.perform(post("/notify/preferences")
                        .session(wei)
                        .with(csrf())
                        .param("kind", "duty.incident")
                        .param("email", "duty.incident")
                        .param("quiet", "true")
                        .param("quietStart", now.withSecond(0).withNano(0).toString())
                        .param(
                                "quietEnd",
                                now.withSecond(0).withNano(0).minusMinutes(2).toString()))
                .andExpect(redirectedUrl("/notify/preferences?saved"));
        Instant sent = Instant.now();
        long quiet = notifications
                .send(Notice.of(List.of(weiId), "duty.incident", "夜间续报", "正文", null))
                .get(0);
        assertThat(deliveries.ofItem(quiet)).singleElement().satisfies(d -> {
            assertThat(d.channel()).isEqualTo(Channel.EMAIL);
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.nextAttemptAt()).isAfter(sent.plus(Duration.ofHours(20)));
        });

        // An urgent notice ignores both the opt-out and the quiet hours.
        long urgent = notifications
                .send(Notice.urgent(List.of(weiId), "duty.incident", "突发事件首报", "正文", "/inbox"))
                .get(0);
        List<Delivery> urgentDeliveries = deliveries.ofItem(urgent);
        assertThat(urgentDeliveries)
                .extracting(Delivery::channel)
                .containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        // Not deferred to the end of the quiet hours (at most leased to a worker for a couple of minutes).
        assertThat(urgentDeliveries)
                .allSatisfy(d ->
                        assertThat(d.nextAttemptAt()).isBefore(Instant.now().plus(Duration.ofMinutes(5))));

        // A bad period is refused with a Chinese message and nothing changes.
        mvc.perform(post("/notify/preferences")
                        .session(wei)
                        .with(csrf())
                        .param("quiet", "true")
                        .param("quietStart", "22:00")
                        .param("quietEnd", "22:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不能相同")));
        assertThat(preferences.quietHoursOf(weiId)).isNotEqualTo(Optional.empty());
    }
}
