package org.accord.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which objects the audit trail says were changed, in the order recorded: for modules that keep a copy of other
 * modules' data (the search index) and must catch up after being stopped. Read-only.
 */
@Service
public class AuditedObjects {

    /** One audited object: the record's id, and the object as the {@link Audited} event named it. */
    public record AuditedObject(
            long recordId,
            String module,
            String objectType,
            @Nullable String objectId) {}

    private final JdbcClient jdbc;

    AuditedObjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the newest record, 0 when there is none. */
    public long lastRecordId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit_record")
                .query(Long.class)
                .single();
    }

    /** The id just before the first record recorded at or after {@code since}: catching up from it covers them. */
    public long lastRecordIdBefore(Instant since) {
        Long first = jdbc.sql("SELECT MIN(id) FROM audit_record WHERE recorded_at >= :since")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query(Long.class)
                .optional()
                .orElse(null);
        return first == null ? lastRecordId() : first - 1;
    }

    /** Up to {@code limit} records after {@code afterId}, oldest first (keyset paging: pass the last id back). */
    public List<AuditedObject> after(long afterId, int limit) {
        return jdbc.sql(
                        "SELECT id, module, object_type, object_id FROM audit_record WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new AuditedObject(
                        rs.getLong("id"),
                        rs.getString("module"),
                        rs.getString("object_type"),
                        rs.getString("object_id")))
                .list();
    }
}
