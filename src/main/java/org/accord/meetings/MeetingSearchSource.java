package org.accord.meetings;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.accord.search.SearchKind;
import org.accord.search.SearchSource;
import org.accord.search.SearchVisibility;
import org.accord.search.Searchable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Meetings for the search index (title, place, background, purpose, basis, the agenda and its outcomes) and their
 * decisions (议定事项) as items of their own. Visible as {@link MeetingDesk#sees} decides: the office, the
 * attending units, and the chairing leader.
 */
@Component
class MeetingSearchSource implements SearchSource {

    private final JdbcClient jdbc;

    MeetingSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.MEETING;
    }

    @Override
    public boolean handles(String module, String objectType) {
        return MeetingDesk.MODULE.equals(module) && "meeting".equals(objectType);
    }

    @Override
    public List<Searchable> from(String objectId) {
        return SearchSource.fromNumericId(objectId, id -> load(List.of(id), false));
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM meetings_meeting")
                .query(Long.class)
                .single();
    }

    @Override
    public void all(int batchSize, Consumer<List<Searchable>> batches) {
        all(jdbc, batchSize, ids -> batches.accept(load(ids, false)));
    }

    static void all(JdbcClient jdbc, int batchSize, Consumer<List<Long>> batches) {
        SearchSource.pages(
                batchSize,
                (after, n) -> jdbc.sql("SELECT id FROM meetings_meeting WHERE id > :after ORDER BY id LIMIT :n")
                        .param("after", after)
                        .param("n", n)
                        .query(Long.class)
                        .list(),
                Long::longValue,
                batches);
    }

    /** The meetings with these ids, or (with {@code decisions}) their decisions. */
    List<Searchable> load(List<Long> ids, boolean decisions) {
        Map<Long, Set<Long>> units = new HashMap<>();
        jdbc.sql("SELECT meeting_id, unit_id FROM meetings_attending_unit WHERE meeting_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> units.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                        .add(rs.getLong(2)))
                .list();
        Map<Long, Meta> meetings = new HashMap<>();
        jdbc.sql("SELECT id, title, kind, place, background, purpose, basis, chair_person_id, starts_at"
                        + " FROM meetings_meeting WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> meetings.put(
                        rs.getLong("id"),
                        new Meta(
                                rs.getString("title"),
                                rs.getString("kind"),
                                rs.getString("place") + "\n" + rs.getString("background") + "\n"
                                        + rs.getString("purpose") + "\n" + rs.getString("basis"),
                                rs.getLong("chair_person_id"),
                                rs.getObject("starts_at", OffsetDateTime.class))))
                .list();
        List<Searchable> items = new ArrayList<>();
        if (decisions) {
            jdbc.sql("SELECT id, meeting_id, text, lead_unit_id, cooperating_unit_ids FROM meetings_decision"
                            + " WHERE meeting_id IN (:ids) ORDER BY meeting_id, id")
                    .param("ids", ids)
                    .query((rs, n) -> {
                        long meeting = rs.getLong("meeting_id");
                        Meta meta = meetings.get(meeting);
                        if (meta == null) {
                            return false;
                        }
                        Set<Long> concerned = new LinkedHashSet<>();
                        long lead = rs.getLong("lead_unit_id");
                        if (!rs.wasNull()) {
                            concerned.add(lead);
                        }
                        String cooperating = rs.getString("cooperating_unit_ids");
                        if (cooperating != null) {
                            for (String unit : cooperating.split(",")) {
                                if (!unit.isBlank()) {
                                    concerned.add(Long.valueOf(unit.strip()));
                                }
                            }
                        }
                        Set<Long> seen = units.getOrDefault(meeting, Set.of());
                        return items.add(new Searchable(
                                SearchKind.DECISION,
                                meeting + ":" + rs.getLong("id"),
                                String.valueOf(meeting),
                                meta.title,
                                rs.getString("text"),
                                null,
                                List.of(),
                                concerned,
                                new SearchVisibility(true, seen, Set.of(), Set.of(meta.chair)),
                                meta.kind,
                                meta.startsAt.toInstant(),
                                "/meetings/" + meeting,
                                Searchable.Authority.DECISION));
                    })
                    .list();
            return items;
        }
        Map<Long, StringBuilder> agenda = new HashMap<>();
        jdbc.sql("SELECT meeting_id, title, outcome FROM meetings_agenda_item WHERE meeting_id IN (:ids)"
                        + " ORDER BY meeting_id, number")
                .param("ids", ids)
                .query((rs, n) -> {
                    StringBuilder text = agenda.computeIfAbsent(rs.getLong(1), k -> new StringBuilder());
                    text.append('\n').append(rs.getString(2));
                    String outcome = rs.getString(3);
                    return outcome == null ? text : text.append('\n').append(outcome);
                })
                .list();
        for (Long id : ids) {
            Meta meta = meetings.get(id);
            if (meta == null) {
                continue;
            }
            Set<Long> seen = units.getOrDefault(id, Set.of());
            items.add(new Searchable(
                    SearchKind.MEETING,
                    String.valueOf(id),
                    String.valueOf(id),
                    meta.title,
                    meta.text + agenda.getOrDefault(id, new StringBuilder()),
                    null,
                    List.of(),
                    seen,
                    new SearchVisibility(true, seen, Set.of(), Set.of(meta.chair)),
                    meta.kind,
                    meta.startsAt.toInstant(),
                    "/meetings/" + id,
                    Searchable.Authority.NONE));
        }
        return items;
    }

    private record Meta(String title, String kind, String text, long chair, OffsetDateTime startsAt) {}

    /** The decisions (议定事项) of each meeting, as items of their own for the basis finder. */
    @Component
    static class Decisions implements SearchSource {

        private final MeetingSearchSource meetings;
        private final JdbcClient jdbc;

        Decisions(MeetingSearchSource meetings, JdbcClient jdbc) {
            this.meetings = meetings;
            this.jdbc = jdbc;
        }

        @Override
        public SearchKind kind() {
            return SearchKind.DECISION;
        }

        @Override
        public boolean handles(String module, String objectType) {
            return meetings.handles(module, objectType);
        }

        @Override
        public List<Searchable> from(String objectId) {
            return SearchSource.fromNumericId(objectId, id -> meetings.load(List.of(id), true));
        }

        @Override
        public long count() {
            return jdbc.sql("SELECT COUNT(*) FROM meetings_decision")
                    .query(Long.class)
                    .single();
        }

        @Override
        public void all(int batchSize, Consumer<List<Searchable>> batches) {
            MeetingSearchSource.all(jdbc, batchSize, ids -> batches.accept(meetings.load(ids, true)));
        }
    }
}
