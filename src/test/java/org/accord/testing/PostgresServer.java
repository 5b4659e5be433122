package org.accord.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL server of the test JVM, started once and lazily on first use.
 *
 * <p>If the environment variable {@code TEST_PG_URL} is set (a JDBC URL of any database on the server, with
 * {@code TEST_PG_USER} and {@code TEST_PG_PASSWORD}; the user must be allowed to create databases), that server
 * is used. Otherwise a throwaway cluster is made with Debian's binaries ({@code /usr/lib/postgresql/<newest>/bin},
 * or the directory named by the system property {@code accord.test.postgresql.bin}) under
 * {@code target/postgresql/}, started on a free loopback port with trust authentication, and stopped and deleted
 * by a JVM shutdown hook. When running as root the server runs as the {@code postgres} user, since initdb and
 * pg_ctl refuse root.
 */
public final class PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private static final String SUPERUSER = "postgres";

    private static PostgresServer instance;

    /** Closed by the shutdown hook before the server stops: the application contexts using it. */
    private static final Set<AutoCloseable> USERS = ConcurrentHashMap.newKeySet();

    private final String adminUrl;
    private final String username;
    private final String password;
    private final boolean external;

    private PostgresServer(String adminUrl, String username, String password, boolean external) {
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.external = external;
    }

    /** The server of this JVM, started on first call. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            String url = System.getenv("TEST_PG_URL");
            if (url != null && !url.isBlank()) {
                instance = new PostgresServer(
                        url.trim(),
                        Optional.ofNullable(System.getenv("TEST_PG_USER")).orElse(SUPERUSER),
                        Optional.ofNullable(System.getenv("TEST_PG_PASSWORD")).orElse(""),
                        true);
                log.info("Tests use the PostgreSQL server at {} (TEST_PG_URL)", url);
            } else {
                instance = startThrowawayCluster();
            }
        }
        return instance;
    }

    /**
     * Registers something (an application context) to close before the server stops at JVM exit, so that it can
     * still reach its database while shutting down.
     */
    public static void closeBeforeStop(AutoCloseable user) {
        USERS.add(user);
    }

    /** Undoes {@link #closeBeforeStop(AutoCloseable)}. */
    public static void closedBeforeStop(AutoCloseable user) {
        USERS.remove(user);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Whether this is a server named by {@code TEST_PG_URL} rather than one the tests started. */
    public boolean external() {
        return external;
    }

    /** The JDBC URL of the given database on this server. */
    public String jdbcUrl(String database) {
        String prefix = "jdbc:postgresql://";
        if (!adminUrl.startsWith(prefix)) {
            throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + adminUrl);
        }
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        int slash = base.indexOf('/', prefix.length());
        String hosts = slash < 0 ? base : base.substring(0, slash);
        return hosts + "/" + database + parameters;
    }

    /** Creates a new database named {@code prefix + n}, taking the next {@code n} that is free. */
    public String createDatabase(String prefix, AtomicInteger counter) {
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
                Statement statement = connection.createStatement()) {
            for (int attempt = 0; attempt < 1000; attempt++) {
                String name = prefix + counter.incrementAndGet();
                try {
                    statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                    return name;
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // duplicate_database: left by another run
                        throw e;
                    }
                }
            }
            throw new IllegalStateException("No free database name with prefix " + prefix);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + adminUrl, e);
        }
    }

    /** Drops a database, closing the connections still open to it. */
    public void dropDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }

    private static PostgresServer startThrowawayCluster() {
        long started = System.nanoTime();
        Path bin = findBinaries();
        boolean root = runningAsRoot();
        try {
            Path cluster = clusterDirectory(root);
            Path data = cluster.resolve("data");
            Path logFile = cluster.resolve("postgres.log");
            int port = freePort();

            run(
                    root,
                    cluster,
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    SUPERUSER,
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync");

            // The Unix socket path must fit in 107 bytes; if the cluster lies too deep, TCP alone will do.
            String socketDirectory = cluster.toString().length() < 80 ? cluster.toString() : "";
            String settings = String.join(
                    "\n",
                    "",
                    "# Throwaway cluster for the tests",
                    "listen_addresses = '127.0.0.1'",
                    "port = " + port,
                    "unix_socket_directories = '" + socketDirectory + "'",
                    "fsync = off",
                    "synchronous_commit = off",
                    "full_page_writes = off",
                    "max_connections = 300",
                    "shared_buffers = 128MB",
                    "");
            Files.writeString(
                    data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            run(
                    root,
                    cluster,
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    logFile.toString(),
                    "-w",
                    "-t",
                    "60",
                    "start");

            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> stop(root, bin, cluster, data), "postgresql-test-server-stop"));

            String version = bin.getParent().getFileName().toString();
            log.info(
                    "PostgreSQL {} started on 127.0.0.1:{} in {} ms (cluster {})",
                    version,
                    port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    cluster);
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, "", false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a PostgreSQL server for the tests", e);
        }
    }

    private static void stop(boolean root, Path bin, Path cluster, Path data) {
        for (AutoCloseable user : USERS) {
            try {
                user.close(); // waits if Spring's own shutdown hook is closing it already
            } catch (Exception e) {
                System.err.println("Could not close " + user + ": " + e);
            }
        }
        try {
            run(
                    root,
                    cluster,
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-m",
                    "immediate",
                    "-w",
                    "stop");
            FileSystemUtils.deleteRecursively(cluster);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL server in " + cluster + ": " + e);
        }
    }

    private static Path findBinaries() {
        String configured = System.getProperty("accord.test.postgresql.bin");
        if (configured != null && !configured.isBlank()) {
            Path bin = Path.of(configured);
            if (Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))) {
                return bin;
            }
            throw new IllegalStateException("accord.test.postgresql.bin=" + configured + " has no initdb and pg_ctl");
        }
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_ROOT)) {
            try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
                versions.map(version -> version.resolve("bin"))
                        .filter(bin ->
                                Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .max(Comparator.comparing(
                        bin -> versionOf(bin.getParent().getFileName().toString())))
                .orElseThrow(() -> new IllegalStateException(
                        "The PostgreSQL tests need a PostgreSQL server: no initdb/pg_ctl found under "
                                + DEBIAN_ROOT
                                + "/*/bin. Install it with `apt-get install -y postgresql-15` (bin/test does this"
                                + " when run as root), or point TEST_PG_URL, TEST_PG_USER and TEST_PG_PASSWORD at"
                                + " a running server."));
    }

    private static Double versionOf(String name) {
        try {
            return Double.valueOf(name);
        } catch (NumberFormatException e) {
            return -1d;
        }
    }

    /** Makes a fresh cluster directory that the server's user can write. */
    private static Path clusterDirectory(boolean root) throws IOException {
        Path parent = projectDirectory().resolve("target").resolve("postgresql");
        Files.createDirectories(parent);
        Path cluster = Files.createTempDirectory(parent, "cluster-");
        if (root) {
            exec(cluster, "chown", SUPERUSER + ":" + SUPERUSER, cluster.toString());
            if (!succeeds(cluster, "runuser", "-u", SUPERUSER, "--", "test", "-w", cluster.toString())) {
                // The checkout lies where the postgres user cannot reach (e.g. under /root): use the temp dir.
                FileSystemUtils.deleteRecursively(cluster);
                cluster = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "accord-pg-");
                exec(cluster, "chown", SUPERUSER + ":" + SUPERUSER, cluster.toString());
            }
        }
        return cluster;
    }

    private static Path projectDirectory() {
        String basedir = System.getProperty("basedir"); // set by Surefire
        return Path.of(basedir != null ? basedir : System.getProperty("user.dir"))
                .toAbsolutePath();
    }

    private static boolean runningAsRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a PostgreSQL program, as the postgres user when running as root. */
    private static void run(boolean root, Path directory, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        line.addAll(List.of(command));
        exec(directory, line.toArray(String[]::new));
    }

    private static void exec(Path directory, String... command) throws IOException {
        Result result = execute(directory, command);
        if (result.exitCode != 0) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` exited with " + result.exitCode + ":\n"
                    + result.output + logTail(directory));
        }
    }

    private static boolean succeeds(Path directory, String... command) throws IOException {
        return execute(directory, command).exitCode == 0;
    }

    private record Result(int exitCode, String output) {}

    private static Result execute(Path directory, String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        // pg_ctl start leaves the server holding no pipe of ours (its output goes to the log file).
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`" + String.join(" ", command) + "` timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
        return new Result(process.exitValue(), output);
    }

    private static String logTail(Path cluster) {
        Path logFile = cluster.resolve("postgres.log");
        try {
            if (Files.isReadable(logFile)) {
                List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
                return "\npostgres.log:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            }
        } catch (IOException e) {
            // nothing more to show
        }
        return "";
    }
}
