package org.accord.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.accord.audit.internal.H2AppendOnlyTrigger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the audit tests do to the database behind the application's back: wait for the asynchronous
 * trail, hold the sealer off, lift the append-only guard (as only the owner of the tables can: H2 drops
 * and re-creates its triggers, PostgreSQL disables and enables them), and read rows.
 */
final class AuditDatabase {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    AuditDatabase(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    boolean isPostgreSql() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} for at most 10 s. */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within 10 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    long count(String sql, Object... params) {
        Long count = jdbc.queryForObject(sql, Long.class, params);
        return count == null ? 0 : count;
    }

    long unsealed() {
        return count("SELECT COUNT(*) FROM audit_record r"
                + " WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.record_id = r.id)");
    }

    void awaitAllSealed() {
        await("every audit record sealed", () -> unsealed() == 0);
    }

    long lastSeq() {
        return count("SELECT last_seq FROM audit_chain_head WHERE id = 1");
    }

    record Seal(long seq, long recordId, String previousHash, String hash) {}

    Seal seal(long seq) {
        return jdbc.queryForObject(
                "SELECT seq, record_id, previous_hash, hash FROM audit_seal WHERE seq = ?",
                (rs, n) -> new Seal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                seq);
    }

    AuditRecord record(long id) {
        return jdbc.queryForObject(
                "SELECT " + AuditRecords.COLUMNS + " FROM audit_record WHERE id = ?", AuditRecords.MAPPER, id);
    }

    List<AuditRecord> records(String where, Object... params) {
        return jdbc.query(
                "SELECT " + AuditRecords.COLUMNS + " FROM audit_record WHERE " + where + " ORDER BY id",
                AuditRecords.MAPPER,
                params);
    }

    /** Writes {@code record} with its own id, as it was (to put a deleted record back, or to forge one). */
    void insert(AuditRecord record) {
        jdbc.update(
                "INSERT INTO audit_record (id, occurred_at, actor, address, module, object_type, object_id, action,"
                        + " unit_id, before_text, after_text, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                record.id(),
                AuditRecords.timestamp(record.occurredAt()),
                record.actor(),
                record.address(),
                record.module(),
                record.objectType(),
                record.objectId(),
                record.action(),
                record.unitId(),
                record.before(),
                record.after(),
                AuditRecords.timestamp(record.recordedAt()));
    }

    void insert(Seal seal) {
        jdbc.update(
                "INSERT INTO audit_seal (seq, record_id, previous_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?)",
                seal.seq(),
                seal.recordId(),
                seal.previousHash(),
                seal.hash(),
                AuditRecords.timestamp(Instant.now()));
    }

    /** Runs {@code tampering} with the append-only guard lifted, and puts the guard back. */
    void withoutGuard(Runnable tampering) {
        for (String table : List.of("audit_record", "audit_seal")) {
            if (isPostgreSql()) {
                jdbc.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_append_only");
            } else {
                jdbc.execute("DROP TRIGGER " + table + "_append_only");
            }
        }
        try {
            tampering.run();
        } finally {
            for (String table : List.of("audit_record", "audit_seal")) {
                if (isPostgreSql()) {
                    jdbc.execute("ALTER TABLE " + table + " ENABLE TRIGGER " + table + "_append_only");
                } else {
                    jdbc.execute("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
                            + " FOR EACH ROW CALL '" + H2AppendOnlyTrigger.NAME + "'");
                }
            }
        }
    }

    /** Holds the chain head's row lock, so no sealer writes a seal until {@link Paused#close()}. */
    Paused pauseSealing() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement
                        .executeQuery("SELECT id FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                        .close();
            }
            return new Paused(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Paused(Connection connection) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
