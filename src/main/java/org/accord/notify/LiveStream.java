package org.accord.notify;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open event streams of this instance, and the poller that feeds them from the database.
 *
 * <p>Every instance polls {@code notify_inbox} and {@code notify_live} for rows above a floor, so an
 * item written by any instance reaches streams open on every instance. The floor only moves past rows
 * older than the lookback, so a row whose transaction commits a little after a higher id was seen is
 * still pushed; each stream remembers what it has been sent above the floor, so nothing is pushed twice.
 * Inbox events carry the item's id as the SSE id: a browser that reconnects sends it back as
 * {@code Last-Event-ID} and first gets what it missed.
 *
 * <p>An instance that writes items itself polls again right after its commit ({@link #pollSoon}), so its
 * own pages do not wait for the interval; the interval only bounds how late other instances' items arrive.
 */
@Component
class LiveStream implements SmartLifecycle {

    static final String INBOX_EVENT = "inbox";
    static final String LIVE_EVENT = "live";
    private static final int BATCH = 1000;
    private static final int MAX_PEOPLE_PER_QUERY = 500;
    private static final long RECONNECT_MILLIS = 3000;

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    private final InboxItems inbox;
    private final LiveEvents live;
    private final NotifyProperties.Stream settings;
    private final JsonMapper json = JsonMapper.builder().build();

    private final Map<Long, Set<Subscriber>> byPerson = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Long> liveSent = new ConcurrentSkipListSet<>();
    private volatile long inboxFloor;
    private volatile long liveFloor;
    private volatile @Nullable ScheduledExecutorService timer;
    private final AtomicBoolean pollQueued = new AtomicBoolean();

    LiveStream(InboxItems inbox, LiveEvents live, NotifyProperties properties) {
        this.inbox = inbox;
        this.live = live;
        this.settings = properties.stream();
    }

    /** One open stream of one person. */
    private final class Subscriber {

        final long personId;
        final SseEmitter emitter;
        /** Items up to this id were on the page already, or replayed: never pushed. */
        volatile long seenUpTo;

        final ConcurrentSkipListSet<Long> sent = new ConcurrentSkipListSet<>();
        volatile boolean closed;

        Subscriber(long personId, SseEmitter emitter) {
            this.personId = personId;
            this.emitter = emitter;
        }

        synchronized void send(SseEmitter.SseEventBuilder event) {
            if (closed) {
                return;
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException e) {
                // The browser went away; the container completes the request.
                close();
            }
        }

        void close() {
            closed = true;
            remove(this);
        }
    }

    /**
     * Opens a stream for a person. With {@code lastEventId} (the last inbox id the browser saw), the
     * items after it come first, oldest first.
     */
    SseEmitter open(long personId, @Nullable Long lastEventId) {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Subscriber subscriber = new Subscriber(personId, emitter);
        emitter.onCompletion(subscriber::close);
        emitter.onTimeout(() -> {
            subscriber.close();
            emitter.complete();
        });
        emitter.onError(error -> subscriber.close());
        subscriber.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("ready"));
        if (lastEventId == null) {
            // A fresh page: what it shows already is not news.
            subscriber.seenUpTo = inbox.highestOf(personId);
        } else {
            subscriber.seenUpTo = lastEventId;
            List<InboxItem> missed = inbox.after(personId, lastEventId, settings.replayLimit());
            if (!missed.isEmpty()) {
                int unread = inbox.unreadCount(personId);
                for (InboxItem item : missed) {
                    subscriber.sent.add(item.id());
                    subscriber.send(inboxEvent(item, unread));
                }
            }
        }
        byPerson.computeIfAbsent(personId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return emitter;
    }

    /** How many streams are open on this instance. */
    int openStreams() {
        return byPerson.values().stream().mapToInt(Set::size).sum();
    }

    private void remove(Subscriber subscriber) {
        byPerson.computeIfPresent(subscriber.personId, (id, subscribers) -> {
            subscribers.remove(subscriber);
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    /**
     * Polls once more as soon as the poller is free, on its thread (polls never overlap). Many calls while one
     * is queued make one poll: a fan-out to hundreds of recipients commits once and wakes the poller once.
     */
    void pollSoon() {
        ScheduledExecutorService executor = timer;
        if (executor == null || !pollQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                pollQueued.set(false);
                poll();
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: no page is left to push to.
            pollQueued.set(false);
        }
    }

    /** One round of the poller: push what is new, then move the floors. */
    void poll() {
        try {
            Instant cutoff = Instant.now().minus(settings.lookback());
            if (!byPerson.isEmpty()) {
                pushInbox();
                pushLive();
            }
            Long inboxHigh = inbox.highestCreatedBefore(inboxFloor, cutoff);
            if (inboxHigh != null) {
                inboxFloor = inboxHigh;
                byPerson.values()
                        .forEach(subscribers -> subscribers.forEach(
                                s -> s.sent.headSet(inboxHigh, true).clear()));
            }
            Long liveHigh = live.highestCreatedBefore(liveFloor, cutoff);
            if (liveHigh != null) {
                liveFloor = liveHigh;
                liveSent.headSet(liveHigh, true).clear();
            }
        } catch (RuntimeException e) {
            log.warn("Polling for notifications failed; trying again", e);
        }
    }

    private void pushInbox() {
        List<Long> people = new ArrayList<>(byPerson.keySet());
        Map<Long, Integer> unread = new HashMap<>();
        for (int from = 0; from < people.size(); from += MAX_PEOPLE_PER_QUERY) {
            List<Long> chunk = people.subList(from, Math.min(people.size(), from + MAX_PEOPLE_PER_QUERY));
            for (InboxItem item : inbox.above(inboxFloor, chunk, BATCH)) {
                Set<Subscriber> subscribers = byPerson.get(item.personId());
                if (subscribers == null) {
                    continue;
                }
                for (Subscriber subscriber : subscribers) {
                    if (item.id() > subscriber.seenUpTo && subscriber.sent.add(item.id())) {
                        int count = unread.computeIfAbsent(item.personId(), inbox::unreadCount);
                        subscriber.send(inboxEvent(item, count));
                    }
                }
            }
        }
    }

    private void pushLive() {
        for (LiveEvents.LiveEvent event : live.above(liveFloor, BATCH)) {
            if (!liveSent.add(event.id())) {
                continue;
            }
            String data =
                    "{\"topic\":" + json.writeValueAsString(event.topic()) + ",\"payload\":" + event.payload() + "}";
            byPerson.forEach((personId, subscribers) -> {
                if (event.isFor(personId)) {
                    subscribers.forEach(
                            s -> s.send(SseEmitter.event().name(LIVE_EVENT).data(data)));
                }
            });
        }
    }

    private SseEmitter.SseEventBuilder inboxEvent(InboxItem item, int unread) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", item.id());
        data.put("kind", item.kind());
        data.put("urgent", item.urgent());
        data.put("title", item.title());
        data.put("link", item.link());
        data.put("unread", unread);
        return SseEmitter.event().id(Long.toString(item.id())).name(INBOX_EVENT).data(json.writeValueAsString(data));
    }

    private void keepAlive() {
        byPerson.values()
                .forEach(subscribers ->
                        subscribers.forEach(s -> s.send(SseEmitter.event().comment("keep-alive"))));
    }

    @Override
    public void start() {
        Instant cutoff = Instant.now().minus(settings.lookback());
        Long inboxHigh = inbox.highestCreatedBefore(0, cutoff);
        Long liveHigh = live.highestCreatedBefore(0, cutoff);
        inboxFloor = inboxHigh == null ? 0 : inboxHigh;
        liveFloor = liveHigh == null ? 0 : liveHigh;
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notify-live");
            thread.setDaemon(true);
            return thread;
        });
        long poll = settings.poll().toMillis();
        long keepAlive = settings.keepAlive().toMillis();
        executor.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::keepAlive, keepAlive, keepAlive, TimeUnit.MILLISECONDS);
        timer = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = timer;
        timer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        List<Subscriber> all = new ArrayList<>();
        byPerson.values().forEach(all::addAll);
        for (Subscriber subscriber : all) {
            subscriber.close();
            try {
                subscriber.emitter.complete();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
