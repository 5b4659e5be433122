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
 * What this instance writes reaches its own open pages right after the commit, not at the next round of the
 * poller: with the interval set to a minute, a notice and a live message still arrive within seconds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "accord.notify.stream.poll=60s")
@ActiveProfiles("demo")
@Tag("integration")
class NotifyStreamWakeIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    Directory directory;

    @Test
    void aNoticeWrittenHereIsPushedWithoutWaitingForThePoller() throws Exception {
        long huang = directory.personByCode("P0011").orElseThrow().id();
        try (EventStreamClient stream = EventStreamClient.signedIn("http://127.0.0.1:" + port, "huanghaitao")
                .open(null)) {
            long id = notifications
                    .send(Notice.of(List.of(huang), "test", "会议改期：防汛专题会", "改至周四上午。", "/inbox"))
                    .get(0);
            EventStreamClient.Event event = stream.next(LiveStream.INBOX_EVENT, WAIT);
            assertThat(event)
                    .as("inbox event within %s with a poll interval of 60 s", WAIT)
                    .isNotNull();
            assertThat(event.id()).isEqualTo(Long.toString(id));

            notifications.publishLive("duty.board", Map.of("incident", 9, "status", "已续报"), Set.of(huang));
            assertThat(NotifyStreamIntegrationTest.nextAbout(stream, "已续报", WAIT))
                    .as("live message within %s", WAIT)
                    .isNotNull();
        }
    }
}
