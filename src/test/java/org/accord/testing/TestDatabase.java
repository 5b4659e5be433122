package org.accord.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the tests run on, chosen by the system property {@value #SELECTION_PROPERTY}: {@code h2}
 * (default) or {@code postgresql}.
 */
public final class TestDatabase {

    /** System property selecting the database: {@code h2} or {@code postgresql}. */
    public static final String SELECTION_PROPERTY = "accord.test.database";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public enum Kind {
        H2,
        POSTGRESQL
    }

    /** A database made for one application context. */
    public record Database(Kind kind, String name, String url, String username, String password) {

        public String driverClassName() {
            return kind == Kind.H2 ? "org.h2.Driver" : "org.postgresql.Driver";
        }
    }

    private TestDatabase() {}

    /** The database kind selected for this JVM. */
    public static Kind selected() {
        String value = System.getProperty(SELECTION_PROPERTY, "h2").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "h2" -> Kind.H2;
            case "postgresql", "postgres", "pg" -> Kind.POSTGRESQL;
            default ->
                throw new IllegalStateException(
                        "Unknown " + SELECTION_PROPERTY + "=" + value + ": use h2 or postgresql");
        };
    }

    /** Creates a new, empty database of the selected kind. */
    public static Database create() {
        return switch (selected()) {
            case H2 -> {
                String name = "accord-" + COUNTER.incrementAndGet();
                yield new Database(
                        Kind.H2,
                        name,
                        "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "sa",
                        "");
            }
            case POSTGRESQL -> {
                PostgresServer server = PostgresServer.get();
                String name = server.createDatabase("accord_test_", COUNTER);
                yield new Database(Kind.POSTGRESQL, name, server.jdbcUrl(name), server.username(), server.password());
            }
        };
    }

    /**
     * Frees a database once its application context is closed. Nothing is done while the JVM shuts down: the
     * in-memory databases vanish with it and the throwaway PostgreSQL cluster is deleted whole.
     */
    static void dispose(Database database) {
        if (shuttingDown()) {
            return;
        }
        try {
            if (database.kind() == Kind.H2) {
                try (Connection connection =
                                DriverManager.getConnection(database.url(), database.username(), database.password());
                        Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            } else {
                PostgresServer.get().dropDatabase(database.name());
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not drop test database {}: {}", database.name(), e.toString());
        }
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> {});
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
