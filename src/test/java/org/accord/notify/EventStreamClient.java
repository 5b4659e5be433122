package org.accord.notify;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A signed-in HTTP client that reads {@code /notify/stream} the way a browser's EventSource does. */
final class EventStreamClient implements AutoCloseable {

    /** One server-sent event; comments are events with a null name and the comment as data. */
    record Event(@Nullable String id, @Nullable String name, String data) {

        boolean isComment() {
            return name == null && id == null && data.startsWith(":");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private @Nullable CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile @Nullable Stream<String> lines;

    private EventStreamClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static EventStreamClient signedIn(String baseUrl, String username) throws IOException, InterruptedException {
        EventStreamClient stream = new EventStreamClient(baseUrl);
        String page = stream.client
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/signin")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "username=" + enc(username) + "&password=" + enc("Demo@2026") + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signIn = stream.client.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signIn.headers().firstValue("Location").orElse("");
        if (signIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in failed: " + signIn.statusCode() + " " + location);
        }
        return stream;
    }

    /** Opens the stream, optionally as a reconnecting browser would, and waits for its first comment. */
    EventStreamClient open(@Nullable String lastEventId) throws InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + "/notify/stream")).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(answer -> {
                    if (answer.statusCode() != 200) {
                        events.add(new Event(null, "http-" + answer.statusCode(), ""));
                        return answer;
                    }
                    lines = answer.body();
                    Thread reader = new Thread(() -> read(answer.body()), "sse-test-reader");
                    reader.setDaemon(true);
                    reader.start();
                    return answer;
                });
        Event first = next(Duration.ofSeconds(10));
        if (first == null || !first.isComment()) {
            throw new IllegalStateException("The stream did not open: " + first);
        }
        return this;
    }

    private void read(Stream<String> body) {
        List<String> data = new ArrayList<>();
        String[] idAndName = new String[2];
        try {
            body.forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || idAndName[0] != null || idAndName[1] != null) {
                        events.add(new Event(idAndName[0], idAndName[1], String.join("\n", data)));
                    }
                    data.clear();
                    idAndName[0] = null;
                    idAndName[1] = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, line));
                } else if (line.startsWith("id:")) {
                    idAndName[0] = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    idAndName[1] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                }
            });
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    /** The next event, comments included, or null after the timeout. */
    @Nullable
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event with this name, skipping comments and others, or null after the timeout. */
    @Nullable
    Event next(String name, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Event event = events.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (event != null && name.equals(event.name())) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() {
        Stream<String> open = lines;
        if (open != null) {
            open.close();
        }
        if (response != null) {
            response.cancel(true);
        }
        events.clear();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
