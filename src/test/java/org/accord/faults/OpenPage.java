package org.accord.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The live stream of a signed-in page, opened as the page's {@code EventSource} opens it: {@code GET
 * /notify/stream} with the session cookie and {@code Accept: text/event-stream}, on one given instance. Each
 * event is stamped with the moment its last line arrived, so the delay from a cause on another instance can be
 * measured.
 */
final class OpenPage implements AutoCloseable {

    /** One server-sent event ({@code name} null for a comment, whose text is then in {@code data}). */
    record Event(@Nullable String name, String data, long arrivedNanos) {}

    private final HttpURLConnection connection;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private OpenPage(HttpURLConnection connection) {
        this.connection = connection;
        this.reader = new Thread(this::read, "faults-open-page");
        reader.setDaemon(true);
    }

    /** Opens the stream with the visitor's session and waits for the server's first comment. */
    static OpenPage open(Visitor visitor, String instanceUrl) throws IOException, InterruptedException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create(instanceUrl + "/notify/stream").toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(2000);
        // Longer than the server's keep-alive comment (20 s): a silent minute means the stream is gone.
        c.setReadTimeout(60_000);
        c.setRequestProperty("Accept", "text/event-stream");
        c.setRequestProperty("Cookie", visitor.cookieHeader());
        int status = c.getResponseCode();
        if (status != 200) {
            throw new IllegalStateException("The stream answered " + status);
        }
        OpenPage page = new OpenPage(c);
        page.reader.start();
        Event first = page.events.poll(30, TimeUnit.SECONDS);
        if (first == null || first.name() != null) {
            throw new IllegalStateException("The stream did not open: " + first);
        }
        return page;
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) {
                        events.add(new Event(name, data.toString(), System.nanoTime()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, line, System.nanoTime()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException closed) {
            // close() ends the stream under the reader; a stream that died shows as events that never come
            events.add(new Event("closed", String.valueOf(closed.getMessage()), System.nanoTime()));
        }
    }

    /** The next event with this name whose data contains {@code text}, or null after the timeout. */
    @Nullable
    Event await(String name, String text, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            Event event = events.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (event != null && name.equals(event.name()) && event.data().contains(text)) {
                return event;
            }
        }
        return null;
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
