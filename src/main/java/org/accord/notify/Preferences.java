package org.accord.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People's channel choices per kind of notice and their quiet hours. */
@Repository
class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The choices of these people for one kind; people without one get {@link ChannelChoice#DEFAULT}. */
    Map<Long, ChannelChoice> choices(Collection<Long> personIds, String kind) {
        Map<Long, ChannelChoice> found = new HashMap<>();
        jdbc.sql("SELECT person_id, email, sms FROM notify_preference WHERE kind = :kind AND person_id IN (:people)")
                .param("kind", kind)
                .param("people", personIds)
                .query(rs -> {
                    found.put(rs.getLong("person_id"), new ChannelChoice(rs.getBoolean("email"), rs.getBoolean("sms")));
                });
        Map<Long, ChannelChoice> all = new HashMap<>();
        personIds.forEach(id -> all.put(id, found.getOrDefault(id, ChannelChoice.DEFAULT)));
        return all;
    }

    /** One person's choices that differ from having none, by kind. */
    Map<String, ChannelChoice> choicesOf(long personId) {
        Map<String, ChannelChoice> found = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, email, sms FROM notify_preference WHERE person_id = :person ORDER BY kind")
                .param("person", personId)
                .query(rs -> {
                    found.put(rs.getString("kind"), new ChannelChoice(rs.getBoolean("email"), rs.getBoolean("sms")));
                });
        return found;
    }

    void choose(long personId, String kind, ChannelChoice choice, Instant now) {
        int updated = jdbc.sql("UPDATE notify_preference SET email = :email, sms = :sms, updated_at = :now"
                        + " WHERE person_id = :person AND kind = :kind")
                .param("email", choice.email())
                .param("sms", choice.sms())
                .param("now", Timestamps.param(now))
                .param("person", personId)
                .param("kind", kind)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO notify_preference (person_id, kind, email, sms, updated_at)"
                            + " VALUES (:person, :kind, :email, :sms, :now)")
                    .param("person", personId)
                    .param("kind", kind)
                    .param("email", choice.email())
                    .param("sms", choice.sms())
                    .param("now", Timestamps.param(now))
                    .update();
        }
    }

    Map<Long, QuietHours> quietHours(Collection<Long> personIds) {
        Map<Long, QuietHours> found = new HashMap<>();
        jdbc.sql("SELECT person_id, starts_at, ends_at FROM notify_quiet_hours WHERE person_id IN (:people)")
                .param("people", personIds)
                .query(rs -> {
                    found.put(
                            rs.getLong("person_id"),
                            new QuietHours(
                                    rs.getObject("starts_at", LocalTime.class),
                                    rs.getObject("ends_at", LocalTime.class)));
                });
        return found;
    }

    Optional<QuietHours> quietHoursOf(long personId) {
        return Optional.ofNullable(quietHours(java.util.List.of(personId)).get(personId));
    }

    void setQuietHours(long personId, Optional<QuietHours> quiet, Instant now) {
        jdbc.sql("DELETE FROM notify_quiet_hours WHERE person_id = :person")
                .param("person", personId)
                .update();
        quiet.ifPresent(hours -> jdbc.sql("INSERT INTO notify_quiet_hours (person_id, starts_at, ends_at, updated_at)"
                        + " VALUES (:person, :start, :end, :now)")
                .param("person", personId)
                .param("start", hours.start())
                .param("end", hours.end())
                .param("now", Timestamps.param(now))
                .update());
    }
}
