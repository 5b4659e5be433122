package org.accord.faults;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One Accord instance as its own process (the application classes and libraries of the test classpath, no
 * jar needed), on PostgreSQL, with sessions in the database. {@link #kill()} is {@code kill -9}.
 */
final class Instance implements AutoCloseable {

    final String name;
    final int port;
    private final String jdbcUrl;
    private final Path log;
    private Process process;

    Instance(String name, int port, String jdbcUrl, Path logDirectory) {
        this.name = name;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.log = logDirectory.resolve(name + ".log");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process and waits until it answers; returns how long that took. */
    Duration start() throws IOException, InterruptedException {
        long started = System.nanoTime();
        String classpath = Arrays.stream(
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                                .split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8",
                "-cp",
                classpath,
                "org.accord.AccordApplication",
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--accord.sessions.store=jdbc",
                // Both run on one host, whose name db-scheduler would take for both.
                "--db-scheduler.scheduler-name=" + name,
                // Each process locks its search index: two in one folder cannot share ./data/search-index.
                "--accord.search.directory=" + log.resolveSibling(name + "-search-index"),
                "--spring.main.banner-mode=off",
                // Logs "ReadinessState changed to ACCEPTING_TRAFFIC" once the start-up runners have run.
                "--logging.level.org.springframework.boot.availability.ApplicationAvailabilityBean=debug"));
        Files.createDirectories(log.getParent());
        long logFrom = Files.exists(log) ? Files.size(log) : 0;
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // Demo data is loaded once, at the first start: minutes on a busy machine.
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            if (ready(logFrom) && answers()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within 10 minutes; see " + log);
    }

    /**
     * Whether the start-up has ended: the server answers before the start-up runners (the demo city) have run, and
     * a failure in those ends the process, so a fault provoked meanwhile would kill the instance rather than test
     * it. The search index's catch-up after a crash runs behind a started instance (and is retried if the database
     * is gone), so it is not waited for.
     */
    private boolean ready(long logFrom) throws IOException {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logFrom);
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.contains("ReadinessState changed to ACCEPTING_TRAFFIC");
        }
    }

    private boolean answers() {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(url() + "/signin").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook, no graceful close of anything. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
