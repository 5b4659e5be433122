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
                "--spring.main.banner-mode=off"));
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            if (answers()) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer within 4 minutes; see " + log);
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
