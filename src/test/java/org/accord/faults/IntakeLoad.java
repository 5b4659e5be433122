package org.accord.faults;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained intake through the API as a careful client does it: every case has its own Idempotency-Key,
 * sent again (same key, same body) after a dropped connection, a 503 or a 409, until a 201 acknowledges it.
 * Records what was acknowledged, how often the server said 503, and the slowest answer.
 */
final class IntakeLoad implements AutoCloseable {

    static final String TAG = "故障测试";

    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger conflicts = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final AtomicLong slowestMillis = new AtomicLong();
    final AtomicLong lastAcknowledgedAt = new AtomicLong();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final String url;
    private final String apiKey;

    IntakeLoad(String url, String apiKey, int clients) {
        this.url = url;
        this.apiKey = apiKey;
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(this::client, "intake-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void client() {
        Visitor visitor = new Visitor();
        while (running.get()) {
            String key = UUID.randomUUID().toString();
            String body = "{\"description\":\"" + TAG + " " + key + "\",\"phone\":\"13800000000\","
                    + "\"address\":\"和平路1号\",\"category\":\"NOISE\"}";
            // Once sent, a case is sent again until acknowledged, even after the load is told to stop.
            while (true) {
                long started = System.nanoTime();
                try {
                    Visitor.Answer answer = visitor.send(
                            "POST",
                            url + "/api/cases",
                            "application/json",
                            body,
                            Map.of("X-Api-Key", apiKey, "Idempotency-Key", key));
                    slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                    if (answer.status() == 201) {
                        if (answer.headers().containsKey("Idempotent-Replayed")) {
                            replayed.incrementAndGet();
                        }
                        acknowledged.put(key, Long.parseLong(answer.body().replaceAll(".*\"id\":(\\d+).*", "$1")));
                        lastAcknowledgedAt.set(System.nanoTime());
                        break;
                    }
                    if (answer.status() == 503) {
                        unavailable.incrementAndGet();
                    } else if (answer.status() == 409) {
                        conflicts.incrementAndGet();
                    } else {
                        unexpected.add(answer.status() + " " + answer.body());
                        break;
                    }
                } catch (IOException e) {
                    dropped.incrementAndGet();
                }
                pause(200);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sending new cases and waits until each one sent is acknowledged. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(120_000);
        }
    }
}
