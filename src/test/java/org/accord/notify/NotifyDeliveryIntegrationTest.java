package org.accord.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail through a real SMTP server (GreenMail) and SMS through a real HTTP gateway started here, both
 * from the persistent queue, with retries and backoff (shortened to a second for the test).
 */
@IntegrationTest
class NotifyDeliveryIntegrationTest {

    static final String SMS_KEY = "test-key-9f3a";
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1", "smtp"))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    /** Failures to answer before accepting, per mobile number; -1 fails for ever. */
    /** Failures still to answer, per words of the SMS text; a negative count fails for ever. */
    static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

    static final List<JsonNode> smsReceived = new CopyOnWriteArrayList<>();
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final HttpServer gateway = startGateway();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
        registry.add("accord.notify.mail.from", () -> "noreply@accord.test");
        registry.add("accord.notify.base-url", () -> "https://accord.example.gov.cn");
        registry.add(
                "accord.notify.sms.url",
                () -> "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
        registry.add("accord.notify.sms.key", () -> SMS_KEY);
        registry.add("accord.notify.delivery.backoff", () -> "1s,1s");
        registry.add("accord.notify.delivery.interval", () -> "1s");
        registry.add("db-scheduler.polling-interval", () -> "1s");
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop(0);
    }

    @Autowired
    Notifications notifications;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Directory directory;

    PersonSummary person(String code) {
        return directory.personByCode(code).orElseThrow();
    }

    @Test
    void anEmailGoesOutWithAChineseSubjectAndBody() throws Exception {
        PersonSummary huang = person("P0011");
        long id = notifications
                .send(Notice.of(
                        List.of(huang.id()),
                        "meetings.notice",
                        "关于召开防汛工作会议的通知",
                        "定于6月3日上午9时在市政府第一会议室召开，请准时参加。",
                        "/meetings/15"))
                .get(0);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(deliveries.ofItem(id))
                        .singleElement()
                        .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT)));

        MimeMessage message = received(huang.email(), "【协调】关于召开防汛工作会议的通知");
        assertThat(message.getSubject()).isEqualTo("【协调】关于召开防汛工作会议的通知");
        String body = GreenMailUtil.getBody(message);
        String text = message.getContent().toString();
        assertThat(text)
                .as("body, decoded (raw: %s)", body)
                .contains("黄海涛，您好：")
                .contains("定于6月3日上午9时在市政府第一会议室召开，请准时参加。")
                .contains("查看详情：https://accord.example.gov.cn/meetings/15")
                .contains("https://accord.example.gov.cn/notify/preferences");
        assertThat(message.getFrom()[0].toString()).isEqualTo("noreply@accord.test");
        assertThat(deliveries.ofItem(id).get(0).address()).isEqualTo(huang.email());
    }

    @Test
    void anSmsIsRetriedAfterAFailureAndThenSent() {
        PersonSummary chen = person("P0003");
        failuresLeft.put("某路段塌陷", new AtomicInteger(1));
        long id = notifications
                .send(Notice.urgent(List.of(chen.id()), "duty.incident", "突发事件：某路段塌陷", "请立即处置。", "/duty/1"))
                .get(0);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(sms(id)).satisfies(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
                    assertThat(d.attempts()).isEqualTo(2);
                    assertThat(d.address()).isEqualTo(chen.mobile());
                }));
        // The demo city sends urgent notices of its own at start-up; count only this one's attempts.
        String expected = "【协调】【紧急】突发事件：某路段塌陷 https://accord.example.gov.cn/duty/1";
        List<JsonNode> toChen = smsReceived.stream()
                .filter(sms -> sms.get("to").asString().equals(chen.mobile()))
                .filter(sms -> sms.get("text").asString().equals(expected))
                .toList();
        assertThat(toChen).as("the failed attempt and the retry").hasSize(2);
        assertThat(authorizations).allMatch(("Bearer " + SMS_KEY)::equals);
        // Urgent: the e-mail went out too, whatever the preferences.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(deliveries.ofItem(id))
                        .filteredOn(d -> d.channel() == Channel.EMAIL)
                        .singleElement()
                        .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.SENT)));
    }

    @Test
    void anSmsTheGatewayKeepsRefusingFailsAfterTheLastAttempt() {
        PersonSummary wei = person("P0076");
        failuresLeft.put("突发事件续报", new AtomicInteger(-1));
        long id = notifications
                .send(Notice.urgent(List.of(wei.id()), "duty.incident", "突发事件续报", "正文", null))
                .get(0);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(sms(id)).satisfies(d -> {
                    assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(d.attempts()).isEqualTo(3);
                    assertThat(d.lastError()).startsWith("短信网关未接受：HTTP 500");
                }));
        assertThat(smsReceived.stream().filter(sms -> sms.get("to").asString().equals(wei.mobile())))
                .hasSize(3);
    }

    Delivery sms(long inboxId) {
        return deliveries.ofItem(inboxId).stream()
                .filter(d -> d.channel() == Channel.SMS)
                .findFirst()
                .orElseThrow();
    }

    /** The demo's own notices also reach the same people by e-mail: the test's message is told by its subject. */
    MimeMessage received(String address, String subject) {
        return await().atMost(WAIT)
                .until(
                        () -> java.util.Arrays.stream(mail.getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getAllRecipients()[0]
                                                        .toString()
                                                        .equals(address)
                                                && subject.equals(m.getSubject());
                                    } catch (jakarta.mail.MessagingException e) {
                                        return false;
                                    }
                                })
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    static HttpServer startGateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            JsonMapper json = JsonMapper.builder().build();
            server.createContext("/sms", exchange -> {
                JsonNode sms = json.readTree(exchange.getRequestBody().readAllBytes());
                smsReceived.add(sms);
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                // Keyed by the notice's words, not the phone: the demo city texts the same people at start-up.
                String text = sms.get("text").asString();
                AtomicInteger left = failuresLeft.entrySet().stream()
                        .filter(entry -> text.contains(entry.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                boolean fail = left != null && (left.get() < 0 || left.getAndDecrement() > 0);
                byte[] answer =
                        (fail ? "{\"error\":\"busy\"}" : "{\"accepted\":true}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
