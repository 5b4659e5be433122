package org.accord.notify;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notify module ({@code accord.notify.*}); every one has a default. See docs/notify.md.
 *
 * @param zone the zone quiet hours are read in
 * @param baseUrl the application's address as recipients reach it, for links in e-mail and SMS
 * @param kinds kinds of notice every person can set preferences for, besides those they have received
 */
@ConfigurationProperties("accord.notify")
record NotifyProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("http://localhost:8080") String baseUrl,

        @DefaultValue({"directory.import", "duty.incident", "cases.dispatch", "meetings.notice", "supervision.reminder"
        })
        List<String> kinds,

        @DefaultValue Mail mail,
        @DefaultValue Sms sms,
        @DefaultValue Delivery delivery,
        @DefaultValue Stream stream) {

    /** @param from the sender of notification e-mail */
    record Mail(@DefaultValue("noreply@accord.local") String from) {}

    /**
     * The built-in HTTP SMS gateway, on when {@code url} is set.
     *
     * @param url the gateway's endpoint; POST {@code {"to": ..., "text": ...}}
     * @param key sent as {@code Authorization: Bearer <key>}
     * @param timeout connect and response timeout
     * @param signature put before every text, as Chinese SMS rules ask
     */
    record Sms(
            @Nullable String url,
            @Nullable String key,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("【协调】") String signature) {}

    /**
     * The e-mail and SMS queue.
     *
     * @param interval how often the recurring task looks for due deliveries (db-scheduler's own polling
     *     interval bounds it from below)
     * @param backoff waits between attempts; one more attempt than waits is made, then the delivery fails
     * @param lease how long a claimed delivery stays with its worker before another may retry it
     * @param batchSize deliveries claimed per run
     */
    record Delivery(
            @DefaultValue("5s") Duration interval,
            @DefaultValue({"1m", "5m", "30m"}) List<Duration> backoff,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("100") int batchSize) {

        int maxAttempts() {
            return backoff.size() + 1;
        }
    }

    /**
     * Server-sent events.
     *
     * @param poll how often each instance looks for new inbox items and live events in the database
     * @param lookback how long an item may take to commit and still be pushed (covers clock skew too)
     * @param keepAlive how often an idle stream gets a comment, so proxies keep it open
     * @param timeout how long one stream lives before the browser reconnects
     * @param replayLimit at most this many missed items are replayed on reconnection
     * @param liveKeep how long live events stay in the database
     */
    record Stream(
            @DefaultValue("1s") Duration poll,
            @DefaultValue("10s") Duration lookback,
            @DefaultValue("20s") Duration keepAlive,
            @DefaultValue("30m") Duration timeout,
            @DefaultValue("100") int replayLimit,
            @DefaultValue("10m") Duration liveKeep) {}
}
