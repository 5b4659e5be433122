package org.accord.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telling people things. Any module calls it inside its own transaction: the inbox items, the queued
 * e-mail and SMS and the live events are written with the caller's change and go out after it
 * commits; nothing is sent on the caller's thread.
 */
@Service
public class Notifications {

    private final InboxItems inbox;
    private final Deliveries deliveries;
    private final Preferences preferences;
    private final LiveEvents live;
    private final DeliveryWorker worker;
    private final LiveStream stream;
    private final NotifyProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    Notifications(
            InboxItems inbox,
            Deliveries deliveries,
            Preferences preferences,
            LiveEvents live,
            DeliveryWorker worker,
            LiveStream stream,
            NotifyProperties properties) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.live = live;
        this.worker = worker;
        this.stream = stream;
        this.properties = properties;
    }

    /**
     * Puts a notice in each recipient's inbox and queues its e-mail and SMS: by each recipient's
     * preferences for its kind, after their quiet hours; an urgent notice by both channels at once.
     * Open pages of the recipients on this instance show it right after the commit, on other instances within
     * the polling interval (a second).
     *
     * @return the ids of the new inbox items, in the order of the recipients' person ids
     */
    @Transactional
    public List<Long> send(Notice notice) {
        Instant now = Instant.now();
        Set<Long> recipients = new TreeSet<>(notice.recipients());
        boolean urgent = notice.urgency() == Urgency.URGENT;
        Map<Long, ChannelChoice> choices = urgent ? Map.of() : preferences.choices(recipients, notice.kind());
        Map<Long, QuietHours> quiet = urgent ? Map.of() : preferences.quietHours(recipients);
        List<Long> ids = new ArrayList<>(recipients.size());
        boolean dueNow = false;
        for (Long personId : recipients) {
            long id = inbox.add(personId, notice, now);
            ids.add(id);
            ChannelChoice choice = urgent ? new ChannelChoice(true, true) : choices.get(personId);
            QuietHours hours = quiet.get(personId);
            Instant due = hours == null ? now : hours.deferred(now, properties.zone());
            for (Channel channel : Channel.values()) {
                if (choice.wants(channel)) {
                    deliveries.queue(id, personId, channel, due, now);
                    dueNow |= !due.isAfter(now);
                }
            }
        }
        if (dueNow) {
            afterCommit(worker::nudge);
        }
        afterCommit(stream::pollSoon);
        return ids;
    }

    /** How many notices a person has not read yet. */
    @Transactional(readOnly = true)
    public int unreadCount(long personId) {
        return inbox.unreadCount(personId);
    }

    /**
     * Pushes a message to the open pages of some people, on every instance, after the caller's
     * transaction commits. Pages receive an SSE event named {@code live} with
     * {@code {"topic": ..., "payload": ...}}; {@code notify.js} passes it on as a DOM event
     * {@code accord:live}. Live messages are not kept for people who are not online.
     *
     * @param payload anything Jackson writes as JSON
     */
    @Transactional
    public void publishLive(String topic, Object payload, Set<Long> personIds) {
        if (!personIds.isEmpty()) {
            live.add(topic, json.writeValueAsString(payload), personIds, Instant.now());
            afterCommit(stream::pollSoon);
        }
    }

    /** Pushes a message to the open pages of everyone signed in, as {@link #publishLive} does. */
    @Transactional
    public void publishLiveToAll(String topic, Object payload) {
        live.add(topic, json.writeValueAsString(payload), null, Instant.now());
        afterCommit(stream::pollSoon);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
