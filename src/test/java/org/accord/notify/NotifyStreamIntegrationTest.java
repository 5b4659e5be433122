package org.accord.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accord.directory.Directory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The event stream over real HTTP, on a running server: a new notice arrives as an {@code inbox} event,
 * a reconnection with {@code Last-Event-ID} replays what was missed, and live messages reach the
 * people they are for. Runs on H2 and on PostgreSQL (tag {@code integration}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Tag("integration")
class NotifyStreamIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    Directory directory;

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long person(String code) {
        return directory.personByCode(code).orElseThrow().id();
    }

    @Test
    void aNewNoticeArrivesOnTheOpenStream() throws Exception {
        long huang = person("P0011");
        try (EventStreamClient stream =
                EventStreamClient.signedIn(baseUrl(), "huanghaitao").open(null)) {
            long id = notifications
                    .send(Notice.of(List.of(huang), "cases.dispatch", "新工单：道路积水", "请尽快处理。", "/inbox"))
                    .get(0);
            EventStreamClient.Event event = stream.next(LiveStream.INBOX_EVENT, WAIT);
            assertThat(event).as("inbox event").isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(id));
            assertThat(event.data())
                    .contains("\"id\":" + id)
                    .contains("新工单：道路积水")
                    .contains("\"link\":\"/inbox\"")
                    .contains("\"unread\":" + notifications.unreadCount(huang));
        }
    }

    @Test
    void aReconnectionReplaysWhatWasMissed() throws Exception {
        long wei = person("P0076");
        long seen = notifications
                .send(Notice.of(List.of(wei), "test", "已看到的", "正文", null))
                .get(0);
        // Offline now: two notices arrive meanwhile.
        long first = notifications
                .send(Notice.of(List.of(wei), "test", "离线期间一", "正文", null))
                .get(0);
        long second = notifications
                .send(Notice.urgent(List.of(wei), "test", "离线期间二", "正文", null))
                .get(0);

        try (EventStreamClient stream =
                EventStreamClient.signedIn(baseUrl(), "weilijuan").open(Long.toString(seen))) {
            EventStreamClient.Event one = stream.next(LiveStream.INBOX_EVENT, WAIT);
            EventStreamClient.Event two = stream.next(LiveStream.INBOX_EVENT, WAIT);
            assertThat(one).isNotNull();
            assertThat(two).isNotNull();
            assertThat(List.of(one.id(), two.id())).containsExactly(Long.toString(first), Long.toString(second));
            assertThat(two.data()).contains("离线期间二").contains("\"urgent\":true");

            // Nothing is pushed twice: the poller sees the same rows, but they were replayed already.
            long third = notifications
                    .send(Notice.of(List.of(wei), "test", "重连之后", "正文", null))
                    .get(0);
            EventStreamClient.Event next = stream.next(LiveStream.INBOX_EVENT, WAIT);
            assertThat(next).isNotNull();
            assertThat(next.id()).isEqualTo(Long.toString(third));
        }
    }

    @Test
    void liveMessagesReachThePeopleTheyAreFor() throws Exception {
        long chen = person("P0003");
        long huang = person("P0011");
        try (EventStreamClient chenStream =
                        EventStreamClient.signedIn(baseUrl(), "chenzhihua").open(null);
                EventStreamClient huangStream =
                        EventStreamClient.signedIn(baseUrl(), "huanghaitao").open(null)) {
            notifications.publishLive("duty.board", Map.of("incident", 7, "status", "已核实"), Set.of(chen));
            EventStreamClient.Event event = nextAbout(chenStream, "\"incident\":7", WAIT);
            assertThat(event).isNotNull();
            assertThat(event.id()).isNull();
            assertThat(event.data())
                    .contains("\"topic\":\"duty.board\"")
                    .contains("\"incident\":7")
                    .contains("已核实");

            notifications.publishLiveToAll("announcement", Map.of("text", "系统将于今晚维护"));
            assertThat(nextAbout(huangStream, "系统将于今晚维护", WAIT)).isNotNull();
            assertThat(nextAbout(huangStream, "\"incident\":7", Duration.ofSeconds(2)))
                    .as("the message for 陈志华 alone did not reach 黄海涛")
                    .isNull();
        }
    }

    /**
     * The next live message containing the text, passing over others: the demo city's duty desk sends live messages
     * of its own to the same people.
     */
    static EventStreamClient.@org.jspecify.annotations.Nullable Event nextAbout(
            EventStreamClient stream, String text, Duration wait) throws Exception {
        java.time.Instant until = java.time.Instant.now().plus(wait);
        while (java.time.Instant.now().isBefore(until)) {
            EventStreamClient.Event event =
                    stream.next(LiveStream.LIVE_EVENT, Duration.between(java.time.Instant.now(), until));
            if (event == null) {
                return null;
            }
            if (event.data().contains(text)) {
                return event;
            }
        }
        return null;
    }
}
