package org.accord.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code audit_record}: insert only, and the auditor's queries. */
@Repository
class AuditRecords {

    static final String COLUMNS = "id, occurred_at, actor, address, module, object_type, object_id, action, unit_id,"
            + " before_text, after_text, recorded_at";

    static final RowMapper<AuditRecord> MAPPER = (rs, n) -> read(rs, 0);

    /** One page of a filtered list, newest first; {@code hasNext} without counting all rows. */
    record Page(List<AuditRecord> records, int number, int size, boolean hasNext) {

        boolean hasPrevious() {
            return number > 0;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ZoneId zone;

    AuditRecords(JdbcClient jdbc, JdbcTemplate template, @Value("${accord.audit.zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.template = template;
        this.zone = ZoneId.of(zone);
    }

    ZoneId zone() {
        return zone;
    }

    void insert(Audited event, Instant recordedAt) {
        jdbc.sql("INSERT INTO audit_record (occurred_at, actor, address, module, object_type, object_id, action,"
                        + " unit_id, before_text, after_text, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        timestamp(event.at()),
                        cut(event.actor(), 100),
                        cut(event.address(), 64),
                        cut(event.module(), 40),
                        cut(event.objectType(), 60),
                        cut(event.objectId(), 200),
                        cut(event.action(), 60),
                        event.unitId(),
                        cut(event.before(), 8000),
                        cut(event.after(), 8000),
                        timestamp(recordedAt))
                .update();
    }

    /** Page {@code number} (from 0) of the records that pass {@code filter}, newest first. */
    Page page(AuditFilter filter, int number, int size) {
        AuditFilter.Where where = filter.where(zone);
        List<Object> params = new ArrayList<>(where.params());
        params.add(size + 1);
        params.add((long) number * size);
        List<AuditRecord> rows = jdbc.sql("SELECT " + COLUMNS + " FROM audit_record" + where.sql()
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(MAPPER)
                .list();
        boolean hasNext = rows.size() > size;
        return new Page(hasNext ? rows.subList(0, size) : rows, number, size, hasNext);
    }

    /** Hands every record that passes {@code filter} to {@code sink}, newest first, without holding them all. */
    void each(AuditFilter filter, int limit, Consumer<AuditRecord> sink) {
        AuditFilter.Where where = filter.where(zone);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        template.query(
                connection -> {
                    var statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_record" + where.sql()
                            + " ORDER BY occurred_at DESC, id DESC LIMIT ?");
                    statement.setFetchSize(500);
                    for (int i = 0; i < params.size(); i++) {
                        statement.setObject(i + 1, params.get(i));
                    }
                    return statement;
                },
                rs -> {
                    sink.accept(read(rs, 0));
                });
    }

    /** Reads the record columns ({@link #COLUMNS}) starting after column {@code offset}. */
    static AuditRecord read(ResultSet rs, int offset) throws SQLException {
        long unit = rs.getLong(offset + 9);
        Long unitId = rs.wasNull() ? null : unit;
        return new AuditRecord(
                rs.getLong(offset + 1),
                instant(rs, offset + 2),
                rs.getString(offset + 3),
                rs.getString(offset + 4),
                rs.getString(offset + 5),
                rs.getString(offset + 6),
                rs.getString(offset + 7),
                rs.getString(offset + 8),
                unitId,
                rs.getString(offset + 10),
                rs.getString(offset + 11),
                instant(rs, offset + 12));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(ChainHash.stored(instant), ZoneOffset.UTC);
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }
}
