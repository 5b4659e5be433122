package org.accord.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL cluster of the fault tests' own, which they may stop and start again under load (the shared
 * {@code PostgresServer} of the other tests must never go away). Debian's binaries; as root, run as
 * {@code postgres}.
 */
final class Cluster implements AutoCloseable {

    final int port;
    private final Path bin;
    private final Path directory;
    private final Path data;
    private final boolean root;

    private Cluster(int port, Path bin, Path directory, boolean root) {
        this.port = port;
        this.bin = bin;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.root = root;
    }

    static Cluster start(int port) throws IOException {
        Path bin;
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("Install postgresql-15 for the fault tests"));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("accord-faults-pg-");
        if (root) {
            exec(List.of("chown", "postgres", directory.toString()));
        }
        Cluster cluster = new Cluster(port == 0 ? freePort() : port, bin, directory, root);
        cluster.run(
                bin.resolve("initdb").toString(),
                "-D",
                cluster.data.toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync");
        Files.writeString(
                cluster.data.resolve("postgresql.conf"),
                "\nlisten_addresses = '127.0.0.1'\nport = " + cluster.port + "\nunix_socket_directories = ''\n"
                        + "max_connections = 100\nfsync = on\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        cluster.up();
        cluster.run(
                bin.resolve("createdb").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(cluster.port),
                "-U",
                "postgres",
                "accord");
        return cluster;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/accord";
    }

    void up() throws IOException {
        run(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                directory.resolve("log").toString(),
                "-w",
                "-t",
                "60",
                "start");
    }

    /** As an administrator stopping the server: open sessions are ended, nothing new is accepted. */
    void down() throws IOException {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    @Override
    public void close() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the fault tests' PostgreSQL: " + e);
        }
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    private void run(String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        exec(line);
    }

    private static void exec(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
