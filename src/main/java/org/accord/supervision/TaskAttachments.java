package org.accord.supervision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The files attached to a task's progress and completion entries. */
@Repository
class TaskAttachments {

    /** What the history shows of a file: no content. */
    record Attachment(long id, long taskId, long entryId, String fileName, String contentType, long sizeBytes) {}

    /** A file to serve. */
    record StoredFile(long id, String fileName, String contentType, byte[] content) {}

    private final JdbcClient jdbc;

    TaskAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long taskId, long entryId, Attachments.Upload upload, String uploadedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO supervision_attachment (task_id, entry_id, file_name, content_type, size_bytes,"
                        + " content, uploaded_by, uploaded_at)"
                        + " VALUES (:task, :entry, :name, :type, :size, :content, :by, :at)")
                .param("task", taskId)
                .param("entry", entryId)
                .param("name", upload.fileName())
                .param("type", upload.contentType())
                .param("size", upload.size())
                .param("content", upload.content())
                .param("by", uploadedBy)
                .param("at", Instant.now().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A task's attachments by entry id, in upload order. */
    Map<Long, List<Attachment>> byEntry(long taskId) {
        Map<Long, List<Attachment>> result = new LinkedHashMap<>();
        jdbc.sql("SELECT id, task_id, entry_id, file_name, content_type, size_bytes FROM supervision_attachment"
                        + " WHERE task_id = :task ORDER BY entry_id, id")
                .param("task", taskId)
                .query((rs, n) -> new Attachment(
                        rs.getLong("id"),
                        rs.getLong("task_id"),
                        rs.getLong("entry_id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes")))
                .list()
                .forEach(a -> result.computeIfAbsent(a.entryId(), id -> new java.util.ArrayList<>())
                        .add(a));
        return result;
    }

    /** One attachment of one task: empty when the id belongs to another task. */
    Optional<StoredFile> find(long taskId, long attachmentId) {
        return jdbc.sql("SELECT id, file_name, content_type, content FROM supervision_attachment"
                        + " WHERE id = :id AND task_id = :task")
                .param("id", attachmentId)
                .param("task", taskId)
                .query((rs, n) -> new StoredFile(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }
}
