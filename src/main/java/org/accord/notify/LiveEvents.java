package org.accord.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Live events for open pages, kept a few minutes so that every instance's poller sees them. */
@Repository
class LiveEvents {

    /** One live event; {@code personIds} null means everyone signed in. */
    record LiveEvent(
            long id, String topic, String payload, @Nullable Set<Long> personIds) {

        boolean isFor(long personId) {
            return personIds == null || personIds.contains(personId);
        }
    }

    private final JdbcClient jdbc;

    LiveEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String topic, String payloadJson, @Nullable Collection<Long> personIds, Instant now) {
        jdbc.sql(
                        "INSERT INTO notify_live (topic, payload, person_ids, created_at) VALUES (:topic, :payload, :people, :now)")
                .param("topic", topic)
                .param("payload", payloadJson)
                .param(
                        "people",
                        personIds == null
                                ? null
                                : personIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("now", Timestamps.param(now))
                .update();
    }

    List<LiveEvent> above(long floor, int limit) {
        return jdbc.sql(
                        "SELECT id, topic, payload, person_ids FROM notify_live WHERE id > :floor ORDER BY id LIMIT :limit")
                .param("floor", floor)
                .param("limit", limit)
                .query(LiveEvents::row)
                .list();
    }

    @Nullable
    Long highestCreatedBefore(long floor, Instant cutoff) {
        return jdbc.sql("SELECT MAX(id) FROM notify_live WHERE id > :floor AND created_at <= :cutoff")
                .param("floor", floor)
                .param("cutoff", Timestamps.param(cutoff))
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM notify_live WHERE created_at < :cutoff")
                .param("cutoff", Timestamps.param(cutoff))
                .update();
    }

    private static LiveEvent row(ResultSet rs, int rowNum) throws SQLException {
        String people = rs.getString("person_ids");
        Set<Long> ids = people == null
                ? null
                : people.isEmpty()
                        ? Set.of()
                        : Arrays.stream(people.split(",")).map(Long::valueOf).collect(Collectors.toSet());
        return new LiveEvent(rs.getLong("id"), rs.getString("topic"), rs.getString("payload"), ids);
    }
}
