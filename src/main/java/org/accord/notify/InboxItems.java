package org.accord.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The inbox table: every person's notices. */
@Repository
class InboxItems {

    private static final String COLUMNS = "id, person_id, kind, urgency, title, body, link, created_at, read_at";

    private final JdbcClient jdbc;

    InboxItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(long personId, Notice notice, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notify_inbox (person_id, kind, urgency, title, body, link, created_at, read_at)"
                        + " VALUES (:person, :kind, :urgency, :title, :body, :link, :at, NULL)")
                .param("person", personId)
                .param("kind", notice.kind())
                .param("urgency", notice.urgency().name())
                .param("title", notice.title())
                .param("body", notice.body())
                .param("link", notice.link())
                .param("at", Timestamps.param(now))
                .update(key, "id");
        Number id = key.getKey();
        if (id == null) {
            throw new IllegalStateException("No id for the new inbox item");
        }
        return id.longValue();
    }

    Optional<InboxItem> find(long id, long personId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notify_inbox WHERE id = :id AND person_id = :person")
                .param("id", id)
                .param("person", personId)
                .query(InboxItems::row)
                .optional();
    }

    /** One page of a person's inbox, newest first: items older than {@code before}, if given. */
    List<InboxItem> page(long personId, @Nullable Long before, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notify_inbox WHERE person_id = :person AND id < :before"
                        + " ORDER BY id DESC LIMIT :size")
                .param("person", personId)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("size", size)
                .query(InboxItems::row)
                .list();
    }

    /**
     * A person's items newer than {@code afterId}, oldest first: the replay on reconnection. When there
     * are more than {@code limit}, the newest ones.
     */
    List<InboxItem> after(long personId, long afterId, int limit) {
        List<InboxItem> newestFirst = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS
                        + " FROM notify_inbox WHERE person_id = :person AND id > :after ORDER BY id DESC LIMIT :limit")
                .param("person", personId)
                .param("after", afterId)
                .param("limit", limit)
                .query(InboxItems::row)
                .list());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Items above {@code floor} for any of these people, oldest first: what the live poller pushes. */
    List<InboxItem> above(long floor, Collection<Long> personIds, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notify_inbox WHERE id > :floor AND person_id IN (:people)"
                        + " ORDER BY id LIMIT :limit")
                .param("floor", floor)
                .param("people", personIds)
                .param("limit", limit)
                .query(InboxItems::row)
                .list();
    }

    /** The highest id above {@code floor} created before {@code cutoff}, if any. */
    @Nullable
    Long highestCreatedBefore(long floor, Instant cutoff) {
        return jdbc.sql("SELECT MAX(id) FROM notify_inbox WHERE id > :floor AND created_at <= :cutoff")
                .param("floor", floor)
                .param("cutoff", Timestamps.param(cutoff))
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /** The id of a person's newest item, 0 if none. */
    long highestOf(long personId) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM notify_inbox WHERE person_id = :person")
                .param("person", personId)
                .query(Long.class)
                .single();
    }

    int unreadCount(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :person AND read_at IS NULL")
                .param("person", personId)
                .query(Integer.class)
                .single();
    }

    boolean markRead(long id, long personId, Instant now) {
        return jdbc.sql("UPDATE notify_inbox SET read_at = :at WHERE id = :id AND person_id = :person"
                                + " AND read_at IS NULL")
                        .param("at", Timestamps.param(now))
                        .param("id", id)
                        .param("person", personId)
                        .update()
                > 0;
    }

    int markAllRead(long personId, Instant now) {
        return jdbc.sql("UPDATE notify_inbox SET read_at = :at WHERE person_id = :person AND read_at IS NULL")
                .param("at", Timestamps.param(now))
                .param("person", personId)
                .update();
    }

    /** The kinds of notice a person has received. */
    List<String> kindsOf(long personId) {
        return jdbc.sql("SELECT DISTINCT kind FROM notify_inbox WHERE person_id = :person")
                .param("person", personId)
                .query(String.class)
                .list();
    }

    private static InboxItem row(ResultSet rs, int rowNum) throws SQLException {
        return new InboxItem(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getString("kind"),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                Timestamps.readRequired(rs, "created_at"),
                Timestamps.read(rs, "read_at"));
    }
}
