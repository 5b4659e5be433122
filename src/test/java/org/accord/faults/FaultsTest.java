package org.accord.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Faults on the real thing: two Accord processes on one PostgreSQL of their own, behind a round-robin on
 * loopback; {@code kill -9} of an instance under intake load, PostgreSQL stopped for 20 s under load, sessions
 * (sign-in with TOTP, CSRF) across instances, timers that fire once, also when due while everything was down.
 * Several minutes on a busy two-core machine, so it runs on demand: {@code bin/faults} (docs/faults.md).
 * Figures go to {@code target/faults/figures.md}.
 */
@EnabledIfSystemProperty(named = "accord.faults", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    static Cluster postgres;
    static Instance first;
    static Instance second;
    static RoundRobin front;
    static JdbcClient db;
    static String apiKey;
    static final Path OUT = Path.of("target", "faults");
    static final int SSE_ROUNDS = 10;

    static int port(String property, int fallback) {
        return Integer.getInteger(property, fallback);
    }

    @BeforeAll
    static void start() throws Exception {
        // Before the JDK's HTTP client is first loaded: it reads these once (see Visitor).
        System.setProperty("http.keepAlive", "false");
        System.setProperty("sun.net.http.retryPost", "false");
        Files.createDirectories(OUT);
        // The instances' search indexes belong to the database of the last run, which is gone.
        for (String name : List.of("first", "second")) {
            org.springframework.util.FileSystemUtils.deleteRecursively(OUT.resolve(name + "-search-index"));
        }
        Files.writeString(OUT.resolve("figures.md"), "# Fault run " + Instant.now() + "\n\n", StandardCharsets.UTF_8);
        postgres = Cluster.start(port("accord.faults.pg-port", 0));
        DriverManagerDataSource source = new DriverManagerDataSource(postgres.jdbcUrl(), "postgres", "");
        db = JdbcClient.create(source);
        first = new Instance("first", port("accord.faults.port1", Cluster.freePort()), postgres.jdbcUrl(), OUT);
        second = new Instance("second", port("accord.faults.port2", Cluster.freePort()), postgres.jdbcUrl(), OUT);
        // One after the other: the first migrates the database and loads the demo city.
        figure("start of the first instance (migrations, demo data)", first.start());
        figure("start of the second instance", second.start());
        front = new RoundRobin(port("accord.faults.front-port", 0), List.of(first.port, second.port));
        apiKey = issueIntakeKey();
    }

    @AfterAll
    static void stop() throws Exception {
        if (front != null) {
            front.close();
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static void figure(String what, Object value) throws IOException {
        String line = "- " + what + ": " + (value instanceof Duration d ? d.toMillis() + " ms" : value) + "\n";
        System.out.print(line);
        Files.writeString(OUT.resolve("figures.md"), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Milliseconds as min / median / max, then each in order. */
    static String spread(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(0) + " / " + sorted.get(sorted.size() / 2) + " / " + sorted.get(sorted.size() - 1)
                + " ms (min / median / max; each: " + millis + ")";
    }

    static String issueIntakeKey() throws Exception {
        SecureRandom random = new SecureRandom();
        String prefix = HexFormat.of().formatHex(random.generateSeed(6));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "acc_" + prefix + "_"
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        db.sql("INSERT INTO security_api_client (name, key_prefix, key_hash, scopes, issued_by, issued_at)"
                        + " VALUES ('故障测试', :prefix, :hash, 'cases:intake', 'sysadmin', :at)")
                .param("prefix", prefix)
                .param("hash", hash)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return key;
    }

    /** Every acknowledged case is there exactly once; returns how many cases of the load the database holds. */
    static int assertNothingLostNothingTwice(IntakeLoad load) {
        Map<String, Integer> stored = new LinkedHashMap<>();
        db.sql("SELECT description FROM hotline_case WHERE description LIKE :tag")
                .param("tag", IntakeLoad.TAG + " %")
                .query(String.class)
                .list()
                .forEach(d -> stored.merge(d.substring(IntakeLoad.TAG.length() + 1), 1, Integer::sum));
        Set<String> missing = load.acknowledged.keySet().stream()
                .filter(k -> !stored.containsKey(k))
                .collect(Collectors.toSet());
        Map<String, Integer> twice = stored.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(load.unexpected).as("unexpected answers").isEmpty();
        assertThat(missing).as("acknowledged but not stored").isEmpty();
        assertThat(twice).as("stored more than once").isEmpty();
        return stored.size();
    }

    @Test
    @Order(1)
    void signInWithTotpAndCsrfWorksAcrossInstances() throws Exception {
        Visitor admin = new Visitor();
        String code = SignIn.code("ACCORDDEMOTOTPSECRETFORADMINS234");
        Visitor.Answer signin = admin.get(first.url() + "/signin");
        Visitor.Answer password = admin.postForm(
                second.url() + "/signin",
                Map.of("username", "sysadmin", "password", "Demo@2026", "_csrf", Visitor.csrf(signin)));
        assertThat(password.status()).isEqualTo(302);
        assertThat(password.location()).endsWith("/signin/totp");
        Visitor.Answer totp = admin.get(first.url() + "/signin/totp");
        assertThat(totp.status()).isEqualTo(200);
        // A forged form (no token from the session) is refused on the other instance too: the code it carries
        // does not finish the sign-in, the session stays at the second step.
        Visitor.Answer forged = admin.postForm(second.url() + "/signin/totp", Map.of("code", code, "_csrf", "forged"));
        assertThat(forged.status()).isIn(302, 403);
        assertThat(admin.get(first.url() + "/admin/accounts").location()).endsWith("/signin/totp");
        Visitor.Answer done =
                admin.postForm(second.url() + "/signin/totp", Map.of("code", code, "_csrf", Visitor.csrf(totp)));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).doesNotContain("/signin");
        assertThat(admin.get(first.url() + "/admin/accounts").status()).isEqualTo(200);
        assertThat(admin.get(second.url() + "/admin/accounts").status()).isEqualTo(200);
        assertThat(db.sql("SELECT COUNT(*) FROM security_session WHERE principal_name = 'sysadmin'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // Signing out on one instance ends the session on both.
        Visitor.Answer page = admin.get(second.url() + "/admin/accounts");
        admin.postForm(first.url() + "/logout", Map.of("_csrf", Visitor.csrf(page)));
        assertThat(admin.get(second.url() + "/admin/accounts").status()).isEqualTo(302);
        figure("sign-in across instances (password on 2, TOTP page on 1, code on 2, pages on both)", "passed");
    }

    /** A staff member signed in through the pages (password on one instance, the form from the other). */
    static Visitor signedIn(String username) throws IOException {
        Visitor visitor = new Visitor();
        Visitor.Answer signin = visitor.get(first.url() + "/signin");
        Visitor.Answer done = visitor.postForm(
                second.url() + "/signin",
                Map.of("username", username, "password", "Demo@2026", "_csrf", Visitor.csrf(signin)));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).doesNotContain("/signin");
        return visitor;
    }

    @Test
    @Order(2)
    void receiptNumbersFromBothInstancesAreUniqueAndGapFree() throws Exception {
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        int clerks = 4;
        int each = 5;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clerks);
        List<java.util.concurrent.Future<List<Integer>>> done = new java.util.ArrayList<>();
        for (int c = 0; c < clerks; c++) {
            int clerk = c;
            done.add(pool.submit(() -> {
                Visitor visitor = signedIn("huanghaitao");
                String token = Visitor.csrf(visitor.get(first.url() + "/"));
                List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < each; i++) {
                    Instance to = (clerk + i) % 2 == 0 ? first : second;
                    String body = "{\"channel\": \"ELECTRONIC\", \"senderName\": \"示例省住房和城乡建设厅\","
                            + " \"senderNumber\": \"故障测试〔" + year + "〕" + clerk + "-" + i + "号\","
                            + " \"title\": \"故障测试收文 " + clerk + "-" + i + "\", \"genre\": \"LETTER\"}";
                    statuses.add(visitor.send(
                                    "POST",
                                    to.url() + "/api/documents/incoming",
                                    "application/json",
                                    body,
                                    Map.of("X-CSRF-TOKEN", token, "Accept", "application/json"))
                            .status());
                }
                return statuses;
            }));
        }
        for (var future : done) {
            assertThat(future.get()).containsOnly(201);
        }
        pool.shutdown();
        List<Integer> taken = db.sql("SELECT receipt_seq FROM documents_incoming WHERE receipt_year = :year"
                        + " AND receipt_seq IS NOT NULL ORDER BY receipt_seq")
                .param("year", year)
                .query(Integer.class)
                .list();
        assertThat(taken)
                .as("receipt numbers 1 to the last, each once")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, taken.size())
                        .boxed()
                        .toList());
        figure("receipt numbers: registered at once through both instances", clerks * each);
        figure("receipt numbers of the year, 1 to " + taken.size() + ", each once", "passed");
    }

    @Test
    @Order(3)
    void aPageOnOneInstanceHearsOfADispatchMadeOnTheOther() throws Exception {
        long unit = db.sql("SELECT id FROM directory_unit WHERE code = 'CGJ'")
                .query(Long.class)
                .single();
        Visitor clerk = signedIn("qianhaitao");
        String token = Visitor.csrf(clerk.get(first.url() + "/"));
        Map<String, String> json = Map.of("X-CSRF-TOKEN", token, "Accept", "application/json");
        List<Long> delays = new java.util.ArrayList<>();
        List<Long> answers = new java.util.ArrayList<>();
        // The liaison of 城管局 has a page open on the second instance; the hotline office dispatches on the first.
        try (OpenPage page = OpenPage.open(signedIn("panlei"), second.url())) {
            for (int i = 0; i < SSE_ROUNDS; i++) {
                Visitor.Answer taken = clerk.send(
                        "POST",
                        first.url() + "/api/cases",
                        "application/json",
                        "{\"callerName\": \"故障测试\", \"phone\": \"13800000000\", \"address\": \"人民路1号\","
                                + " \"district\": \"XHQ\", \"category\": \"NOISE\", \"urgent\": false,"
                                + " \"description\": \"故障测试：跨实例推送 " + i + "\"}",
                        json);
                assertThat(taken.status()).as(taken.body()).isEqualTo(201);
                long id = Long.parseLong(taken.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
                long sent = System.nanoTime();
                Visitor.Answer dispatched = clerk.send(
                        "POST",
                        first.url() + "/api/cases/" + id + "/dispatch",
                        "application/json",
                        "{\"leadUnitId\": " + unit + ", \"timeLimit\": \"COMPLAINT\"}",
                        json);
                answers.add((System.nanoTime() - sent) / 1_000_000);
                assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
                OpenPage.Event event = page.await("inbox", "\"link\":\"/cases/" + id + "\"", 30_000);
                assertThat(event)
                        .as("the dispatch of case " + id + " on the page open on the other instance")
                        .isNotNull();
                delays.add((event.arrivedNanos() - sent) / 1_000_000);
            }
        }
        figure("live notice across instances: dispatches on instance 1, page open on instance 2", SSE_ROUNDS);
        figure("live notice across instances: from sending the dispatch to the event on the page", spread(delays));
        figure("live notice across instances: the dispatch's own answer took", spread(answers));
    }

    @Test
    @Order(4)
    void killNineUnderLoadLosesNothingAcknowledged() throws Exception {
        IntakeLoad load = new IntakeLoad("http://127.0.0.1:" + front.port(), apiKey, 4);
        Thread.sleep(15_000);
        int before = load.acknowledged.size();
        first.kill();
        Instant killed = Instant.now();
        Thread.sleep(5_000);
        Duration restart = first.start();
        Thread.sleep(10_000);
        load.close();
        int stored = assertNothingLostNothingTwice(load);
        figure("kill -9: acknowledged before the kill", before);
        figure("kill -9: restart of the killed instance", restart);
        figure("kill -9: from the kill to the restarted instance answering", Duration.between(killed, Instant.now()));
        figure("kill -9: acknowledged in all", load.acknowledged.size());
        figure("kill -9: cases of the load in the database", stored);
        figure("kill -9: duplicates", 0);
        figure("kill -9: dropped connections retried", load.dropped.get());
        figure("kill -9: 201 answered from a kept key (replayed)", load.replayed.get());
        figure("kill -9: 503 / 409 answers", load.unavailable.get() + " / " + load.conflicts.get());
        assertThat(load.acknowledged).hasSizeGreaterThan(before);
    }

    @Test
    @Order(5)
    void databaseStoppedFor20SecondsAnswers503AndRecovers() throws Exception {
        IntakeLoad load = new IntakeLoad("http://127.0.0.1:" + front.port(), apiKey, 4);
        Thread.sleep(5_000);
        Instant stopped = Instant.now();
        postgres.down();
        boolean backUp = false;
        try {
            Thread.sleep(3_000);
            Visitor reader = new Visitor();
            long asked = System.nanoTime();
            Visitor.Answer page =
                    reader.send("GET", first.url() + "/signin", null, null, Map.of("Accept", "text/html"));
            long pageMillis = (System.nanoTime() - asked) / 1_000_000;
            Visitor.Answer api = reader.send(
                    "GET",
                    second.url() + "/api/cases",
                    null,
                    null,
                    Map.of("X-Api-Key", apiKey, "Accept", "application/json"));
            int unavailableDuringOutage;
            Thread.sleep(Math.max(
                    0, 20_000 - Duration.between(stopped, Instant.now()).toMillis()));
            unavailableDuringOutage = load.unavailable.get();
            int acknowledgedDuringOutage = load.acknowledged.size();
            postgres.up();
            backUp = true;
            Instant restarted = Instant.now();
            long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long restartedNanos = System.nanoTime();
            while (load.lastAcknowledgedAt.get() < restartedNanos && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            Duration recovery = Duration.ofNanos(load.lastAcknowledgedAt.get() - restartedNanos);
            Thread.sleep(10_000);
            load.close();
            figure("database down: answers other than 201, 409 and 503", load.unexpected.size());
            int stored = assertNothingLostNothingTwice(load);

            figure(
                    "database down: page during the outage",
                    page.status() + " in " + pageMillis + " ms, Retry-After "
                            + page.headers().get("Retry-After"));
            figure(
                    "database down: API during the outage",
                    api.status() + " " + api.headers().get("Content-Type"));
            figure("database down: 503 answers to the load during the 20 s", unavailableDuringOutage);
            figure("database down: slowest answer to the load", load.slowestMillis.get() + " ms");
            figure("database down: first acknowledged case after PostgreSQL was back", recovery);
            figure("database down: acknowledged in all", load.acknowledged.size());
            figure("database down: cases of the load in the database", stored);
            figure("database down: duplicates", 0);
            figure("database down: outage lasted", Duration.between(stopped, restarted));

            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("系统暂时无法服务");
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.headers().get("Content-Type").get(0)).startsWith("application/problem+json");
            assertThat(unavailableDuringOutage).isPositive();
            assertThat(load.acknowledged.size()).isGreaterThan(acknowledgedDuringOutage);
            assertThat(recovery).isLessThan(Duration.ofSeconds(30));
        } finally {
            // A failure during the outage must not leave the database down for the scenarios after it.
            if (!backUp) {
                postgres.up();
            }
        }
    }

    /** Pending sign-for timers of the demo city: db-scheduler rows (named by share id) not yet fired. */
    static List<String> pendingSignTimers() {
        // Only those whose share still waits for its sign-for: the others end without a notice.
        return db.sql("SELECT t.task_instance FROM scheduled_tasks t"
                        + " JOIN case_share s ON CAST(s.id AS VARCHAR(40)) = t.task_instance"
                        + " JOIN hotline_case c ON c.id = s.case_id"
                        + " WHERE t.task_name = 'cases-sign-late' AND t.picked = FALSE"
                        + " AND s.status = 'ASSIGNED' AND c.status = 'DISPATCHED' ORDER BY t.task_instance")
                .query(String.class)
                .list();
    }

    /** Notices of one sign-for timer: each liaison told once. */
    static void assertToldOnce(String shareId) {
        long caseId = db.sql("SELECT case_id FROM case_share WHERE id = :id")
                .param("id", Long.parseLong(shareId))
                .query(Long.class)
                .single();
        String number = db.sql("SELECT case_number FROM hotline_case WHERE id = :id")
                .param("id", caseId)
                .query(String.class)
                .single();
        List<Integer> perPerson = db.sql("SELECT COUNT(*) FROM notify_inbox WHERE title LIKE :title GROUP BY person_id")
                .param("title", number + "：超时未签收%")
                .query(Integer.class)
                .list();
        assertThat(perPerson)
                .as("notices of the sign-for timer of " + number)
                .isNotEmpty()
                .containsOnly(1);
    }

    static void awaitFired(List<String> shares, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (db.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'cases-sign-late'"
                                    + " AND task_instance IN (:ids)")
                            .param("ids", shares)
                            .query(Integer.class)
                            .single()
                    == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Timers " + shares + " did not fire within " + within);
    }

    @Test
    @Order(6)
    void timersDueWhileBothInstancesRunFireOnce() throws Exception {
        List<String> pending = pendingSignTimers();
        assertThat(pending).as("the demo city's pending sign-for timers").hasSizeGreaterThanOrEqualTo(2);
        List<String> now = pending.subList(0, pending.size() - 1);
        db.sql("UPDATE scheduled_tasks SET execution_time = :at WHERE task_name = 'cases-sign-late'"
                        + " AND task_instance IN (:ids)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3))
                .param("ids", now)
                .update();
        Instant due = Instant.now().plusSeconds(3);
        awaitFired(now, Duration.ofSeconds(90));
        now.forEach(FaultsTest::assertToldOnce);
        figure("timers with two instances: sign-for timers made due together", now.size());
        figure(
                "timers with two instances: all fired (each liaison told once) within",
                Duration.between(due, Instant.now()));
    }

    @Test
    @Order(7)
    void aTimerDueWhileEverythingIsDownFiresOnceAfterRestart() throws Exception {
        List<String> pending = pendingSignTimers();
        assertThat(pending).isNotEmpty();
        List<String> last = List.of(pending.get(pending.size() - 1));
        first.kill();
        second.kill();
        db.sql("UPDATE scheduled_tasks SET execution_time = :at WHERE task_name = 'cases-sign-late'"
                        + " AND task_instance IN (:ids)")
                .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5))
                .param("ids", last)
                .update();
        Duration restart = first.start();
        second.start();
        Instant up = Instant.now();
        awaitFired(last, Duration.ofSeconds(90));
        assertToldOnce(last.get(0));
        figure("timer due while down: restart", restart);
        figure("timer due while down: fired once, after both were up, within", Duration.between(up, Instant.now()));
    }
}
