import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fan-out benchmark's client (bench/fanout): signs the recipients in, holds one server-sent event stream per
 * page open, has the duty officer take in an incident through the API, and measures from just before that request
 * until each page received its inbox event, and (through the count the caller polls) until every inbox row exists.
 *
 * <p>One platform thread per stream with a plain socket, so that 500 streams cost 500 small threads and nothing
 * else; chunked framing is ignored since every event line arrives in one chunk (Spring writes an event at a time).
 *
 * <p>Usage: {@code java -cp postgresql.jar Fanout.java BASE USERS_FILE PAGES RUNS OUT_CSV OFFICER JDBC_URL} —
 * USERS_FILE has one user name a line (the recipients); PAGES streams are opened over them in turn. The password is BENCH_PASSWORD (default the demo one).
 */
public class Fanout {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD =
            System.getenv().getOrDefault("BENCH_PASSWORD", "Demo@2026");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        List<String> users = Files.readAllLines(Path.of(args[1])).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        int pages = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        String officer = args[5];
        String jdbcUrl = args[6];

        long started = System.nanoTime();
        List<String> cookies = signIn(base, users);
        System.err.printf("signed in %d accounts in %.1f s%n", cookies.size(), (System.nanoTime() - started) / 1e9);

        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            streams.add(new Stream(base, cookies.get(i % cookies.size())));
        }
        started = System.nanoTime();
        for (Stream stream : streams) {
            stream.start();
        }
        for (Stream stream : streams) {
            if (!stream.ready.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a stream did not open within 120 s");
            }
            if (!stream.failure.isEmpty()) {
                throw new IllegalStateException("a stream failed: " + stream.failure);
            }
        }
        System.err.printf("%d streams open in %.1f s%n", streams.size(), (System.nanoTime() - started) / 1e9);

        Session desk = Session.signIn(base, officer);
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("run,incident,answer_ms,recipients,inbox_rows,all_inbox_rows_ms,pages,pages_received,first_page_ms,p50_page_ms,p95_page_ms,"
                    + "p99_page_ms,last_page_ms");
            for (int run = 1; run <= runs; run++) {
                CountDownLatch received = new CountDownLatch(streams.size());
                InboxWatch inbox = new InboxWatch(jdbcUrl, users.size());
                long t0 = System.nanoTime();
                for (Stream stream : streams) {
                    stream.arm(t0, received);
                }
                inbox.startAt(t0);
                long incident = desk.takeInIncident(run);
                long answered = System.nanoTime() - t0;
                boolean all = received.await(60, TimeUnit.SECONDS);
                inbox.join(60_000);
                long[] times = streams.stream().mapToLong(s -> s.receivedAfter.get()).filter(t -> t > 0).sorted()
                        .toArray();
                csv.printf(
                        "%d,%d,%.1f,%d,%d,%.1f,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f%n",
                        run,
                        incident,
                        answered / 1e6,
                        users.size(),
                        inbox.rows,
                        inbox.after / 1e6,
                        streams.size(),
                        times.length,
                        ms(times, 0),
                        ms(times, 50),
                        ms(times, 95),
                        ms(times, 99),
                        ms(times, 100));
                csv.flush();
                System.err.printf("run %d: incident %d, %d of %d pages received (all: %s), last after %.0f ms%n",
                        run, incident, times.length, streams.size(), all, ms(times, 100));
                Thread.sleep(2000); // let the poller settle before the next incident
            }
        }
        for (Stream stream : streams) {
            stream.close();
        }
        System.exit(0);
    }

    private static double ms(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = percentile == 0 ? 0 : (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static List<String> signIn(URI base, List<String> users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String user : users) {
                futures.add(pool.submit(() -> Session.signIn(base, user).cookie()));
            }
            List<String> cookies = new ArrayList<>();
            for (Future<String> future : futures) {
                cookies.add(future.get());
            }
            return cookies;
        } finally {
            pool.shutdown();
        }
    }

    /** A signed-in browser session: its cookie, and the CSRF token its pages carry. */
    record Session(URI base, HttpClient client, CookieManager cookies) {

        static Session signIn(URI base, String user) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .connectTimeout(Duration.ofSeconds(30))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            Session session = new Session(base, client, cookies);
            String token = session.csrf("/signin");
            String form = "username=" + encode(user) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(token);
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(base.resolve("/signin"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("signin")) {
                throw new IllegalStateException("signing in as " + user + " failed: " + answer.statusCode() + " "
                        + location);
            }
            return session;
        }

        String csrf(String page) throws IOException, InterruptedException {
            String html = client.send(
                            HttpRequest.newBuilder(base.resolve(page)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher matcher = CSRF.matcher(html);
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token on " + page);
            }
            return matcher.group(1);
        }

        String cookie() {
            return String.join(
                    "; ",
                    cookies.getCookieStore().getCookies().stream()
                            .map(c -> c.getName() + "=" + c.getValue())
                            .toList());
        }

        long takeInIncident(int run) throws IOException, InterruptedException {
            String token = csrf("/duty/incidents/new");
            String body = "{\"reporterName\":\"压测报告人\",\"channel\":\"PHONE\",\"eventType\":\"压测通知事件\","
                    + "\"level\":\"IV\",\"place\":\"东城区和平路压测点" + run + "\","
                    + "\"what\":\"通知分发压测，第" + run + "次\",\"drill\":true}";
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(base.resolve("/api/incidents"))
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", token)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("incident intake answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(answer.body());
            if (!id.find()) {
                throw new IllegalStateException("no id in " + answer.body());
            }
            return Long.parseLong(id.group(1));
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    /**
     * Polls the database from the moment of the request until every recipient has the incident's inbox row:
     * the rows are written in the intake's transaction, so this is the time until that transaction committed.
     */
    static final class InboxWatch extends Thread {
        private final Connection connection;
        private final int expected;
        private final long floor;
        private long t0;
        volatile int rows;
        volatile long after = -1_000_000;

        /** Reads the highest inbox id before the request, so that only the incident's rows are counted. */
        InboxWatch(String url, int expected) throws SQLException {
            super("inbox-watch");
            this.connection = DriverManager.getConnection(url);
            this.expected = expected;
            try (Statement statement = connection.createStatement();
                    ResultSet max = statement.executeQuery("SELECT coalesce(max(id), 0) FROM notify_inbox")) {
                max.next();
                floor = max.getLong(1);
            }
        }

        void startAt(long t0) {
            this.t0 = t0;
            start();
        }

        @Override
        public void run() {
            try (connection;
                    Statement statement = connection.createStatement()) {
                String count = "SELECT count(*) FROM notify_inbox i JOIN directory_person p ON p.id = i.person_id"
                        + " WHERE i.id > " + floor + " AND i.kind = 'duty.incident' AND p.code LIKE 'BENCH-P%'";
                long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    try (ResultSet found = statement.executeQuery(count)) {
                        found.next();
                        rows = found.getInt(1);
                    }
                    if (rows >= expected) {
                        after = System.nanoTime() - t0;
                        return;
                    }
                    Thread.sleep(5);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not count the inbox rows", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One open page's event stream. */
    static final class Stream extends Thread {
        private final URI base;
        private final String cookie;
        final CountDownLatch ready = new CountDownLatch(1);
        final AtomicLong receivedAfter = new AtomicLong();
        private volatile long armedAt;
        private volatile CountDownLatch received;
        private volatile Socket socket;
        volatile String failure = "";

        Stream(URI base, String cookie) {
            super("sse");
            setDaemon(true);
            this.base = base;
            this.cookie = cookie;
        }

        void arm(long t0, CountDownLatch latch) {
            receivedAfter.set(0);
            armedAt = t0;
            received = latch;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException | RuntimeException e) {
                // the process ends next
            }
        }

        @Override
        public void run() {
            try {
                socket = new Socket(base.getHost(), base.getPort());
                OutputStream output = socket.getOutputStream();
                output.write(("GET /notify/stream HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                                + "\r\nAccept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                output.flush();
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String status = reader.readLine();
                if (status == null || !status.contains(" 200")) {
                    failure = "stream answered " + status;
                    return;
                }
                String line;
                boolean inboxEvent = false;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(":")) {
                        ready.countDown();
                    } else if (line.startsWith("event:")) {
                        inboxEvent = line.substring(6).strip().equals("inbox");
                    } else if (line.startsWith("data:") && inboxEvent && line.contains("duty.incident")) {
                        CountDownLatch latch = received;
                        if (latch != null && receivedAfter.compareAndSet(0, Math.max(1, System.nanoTime() - armedAt))) {
                            latch.countDown();
                        }
                    } else if (line.isEmpty()) {
                        inboxEvent = false;
                    }
                }
                failure = "stream ended";
            } catch (IOException e) {
                failure = e.toString();
            } finally {
                ready.countDown();
            }
        }
    }
}
