package org.accord.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery queue. Rows are written in the sender's transaction; workers claim a due row with a
 * conditional update (which also counts the attempt and leases the row), send outside any
 * transaction, and record the outcome. A worker that dies mid-send leaves a lease that expires, so
 * the row is retried: e-mail and SMS go out at least once.
 */
@Repository
class Deliveries {

    private static final String SELECT = "SELECT d.id, d.inbox_id, d.person_id, d.channel, d.address, d.status,"
            + " d.attempts, d.next_attempt_at, d.last_error, d.sent_at, i.kind, i.urgency, i.title, i.body, i.link"
            + " FROM notify_delivery d JOIN notify_inbox i ON i.id = d.inbox_id";

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void queue(long inboxId, long personId, Channel channel, Instant due, Instant now) {
        insert(inboxId, personId, channel, DeliveryStatus.PENDING, due, null, now);
    }

    /** Records a delivery that cannot be made at all, so that the failure is visible. */
    void refuse(long inboxId, long personId, Channel channel, String reason, Instant now) {
        insert(inboxId, personId, channel, DeliveryStatus.FAILED, now, reason, now);
    }

    private void insert(
            long inboxId,
            long personId,
            Channel channel,
            DeliveryStatus status,
            Instant due,
            @Nullable String error,
            Instant now) {
        jdbc.sql("INSERT INTO notify_delivery (inbox_id, person_id, channel, address, status, attempts,"
                        + " next_attempt_at, last_error, created_at, sent_at)"
                        + " VALUES (:inbox, :person, :channel, NULL, :status, 0, :due, :error, :now, NULL)")
                .param("inbox", inboxId)
                .param("person", personId)
                .param("channel", channel.name())
                .param("status", status.name())
                .param("due", Timestamps.param(due))
                .param("error", error)
                .param("now", Timestamps.param(now))
                .update();
    }

    /** Ids of pending deliveries that are due, most overdue first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM notify_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at LIMIT :limit")
                .param("now", Timestamps.param(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * Takes a due delivery for one attempt: counts the attempt and leases the row until
     * {@code leaseUntil}. Only one worker on any instance wins.
     */
    Optional<Delivery> claim(long id, Instant now, Instant leaseUntil) {
        int claimed = jdbc.sql("UPDATE notify_delivery SET attempts = attempts + 1, next_attempt_at = :lease"
                        + " WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now")
                .param("lease", Timestamps.param(leaseUntil))
                .param("id", id)
                .param("now", Timestamps.param(now))
                .update();
        return claimed == 0 ? Optional.empty() : find(id);
    }

    void sent(long id, String address, Instant now) {
        jdbc.sql("UPDATE notify_delivery SET status = 'SENT', address = :address, sent_at = :now, last_error = NULL"
                        + " WHERE id = :id")
                .param("address", address)
                .param("now", Timestamps.param(now))
                .param("id", id)
                .update();
    }

    void retryAt(long id, @Nullable String address, Instant next, String error) {
        jdbc.sql("UPDATE notify_delivery SET address = :address, next_attempt_at = :next, last_error = :error"
                        + " WHERE id = :id")
                .param("address", address)
                .param("next", Timestamps.param(next))
                .param("error", clip(error))
                .param("id", id)
                .update();
    }

    void failed(long id, @Nullable String address, String error) {
        jdbc.sql("UPDATE notify_delivery SET status = 'FAILED', address = :address, last_error = :error"
                        + " WHERE id = :id")
                .param("address", address)
                .param("error", clip(error))
                .param("id", id)
                .update();
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id")
                .param("id", id)
                .query(Deliveries::row)
                .optional();
    }

    /** The deliveries of one inbox item. */
    List<Delivery> ofItem(long inboxId) {
        return jdbc.sql(SELECT + " WHERE d.inbox_id = :inbox ORDER BY d.id")
                .param("inbox", inboxId)
                .query(Deliveries::row)
                .list();
    }

    /** The deliveries of some inbox items (one page of an inbox). */
    List<Delivery> ofItems(List<Long> inboxIds) {
        if (inboxIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE d.inbox_id IN (:items) ORDER BY d.id")
                .param("items", inboxIds)
                .query(Deliveries::row)
                .list();
    }

    private static String clip(String error) {
        return error.length() <= 1000 ? error : error.substring(0, 999) + "…";
    }

    private static Delivery row(ResultSet rs, int rowNum) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("inbox_id"),
                rs.getLong("person_id"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("address"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                Timestamps.readRequired(rs, "next_attempt_at"),
                rs.getString("last_error"),
                Timestamps.read(rs, "sent_at"),
                rs.getString("kind"),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"));
    }
}
