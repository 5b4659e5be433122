package org.accord.duty;

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
 * Incidents at the duty desk for the search index (title, place, what happened, measures taken) and the leaders'
 * instructions on them as items of their own. Visible as {@link DutyDesk#sees} decides: the office; the leaders of
 * the district and the concerned unit, and the leaders told; the liaisons of the units told.
 */
@Component
class IncidentSearchSource implements SearchSource {

    private final JdbcClient jdbc;

    IncidentSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.INCIDENT;
    }

    @Override
    public boolean handles(String module, String objectType) {
        return DutyDesk.MODULE.equals(module) && "incident".equals(objectType);
    }

    @Override
    public List<Searchable> from(String objectId) {
        return SearchSource.fromNumericId(objectId, id -> load(List.of(id), false));
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM duty_incident").query(Long.class).single();
    }

    @Override
    public void all(int batchSize, Consumer<List<Searchable>> batches) {
        all(jdbc, batchSize, ids -> batches.accept(load(ids, false)));
    }

    static void all(JdbcClient jdbc, int batchSize, Consumer<List<Long>> batches) {
        SearchSource.pages(
                batchSize,
                (after, n) -> jdbc.sql("SELECT id FROM duty_incident WHERE id > :after ORDER BY id LIMIT :n")
                        .param("after", after)
                        .param("n", n)
                        .query(Long.class)
                        .list(),
                Long::longValue,
                batches);
    }

    List<Searchable> load(List<Long> ids, boolean instructions) {
        Map<Long, Set<Long>> toldUnits = new HashMap<>();
        Map<Long, Set<Long>> toldPeople = new HashMap<>();
        jdbc.sql("SELECT incident_id, unit_id, person_id FROM duty_notification WHERE incident_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> {
                    long incident = rs.getLong(1);
                    long unit = rs.getLong(2);
                    if (!rs.wasNull()) {
                        toldUnits
                                .computeIfAbsent(incident, k -> new LinkedHashSet<>())
                                .add(unit);
                    }
                    long person = rs.getLong(3);
                    if (!rs.wasNull()) {
                        toldPeople
                                .computeIfAbsent(incident, k -> new LinkedHashSet<>())
                                .add(person);
                    }
                    return incident;
                })
                .list();
        Map<Long, Meta> incidents = new HashMap<>();
        jdbc.sql("SELECT id, title, event_type, place, what, measures_taken, reporter_name, district_unit_id,"
                        + " concerned_unit_id, received_at FROM duty_incident WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    Set<Long> leaderUnits = new LinkedHashSet<>();
                    long district = rs.getLong("district_unit_id");
                    if (!rs.wasNull()) {
                        leaderUnits.add(district);
                    }
                    long concerned = rs.getLong("concerned_unit_id");
                    if (!rs.wasNull()) {
                        leaderUnits.add(concerned);
                    }
                    String measures = rs.getString("measures_taken");
                    return incidents.put(
                            id,
                            new Meta(
                                    rs.getString("title"),
                                    rs.getString("event_type"),
                                    rs.getString("place") + "\n" + rs.getString("what")
                                            + (measures == null ? "" : "\n" + measures),
                                    rs.getString("reporter_name"),
                                    leaderUnits,
                                    rs.getObject("received_at", OffsetDateTime.class)));
                })
                .list();
        List<Searchable> items = new ArrayList<>();
        if (instructions) {
            jdbc.sql("SELECT id, incident_id, text, at FROM duty_instruction WHERE incident_id IN (:ids)"
                            + " ORDER BY incident_id, id")
                    .param("ids", ids)
                    .query((rs, n) -> {
                        long incident = rs.getLong("incident_id");
                        Meta meta = incidents.get(incident);
                        if (meta == null) {
                            return false;
                        }
                        return items.add(item(
                                SearchKind.INSTRUCTION,
                                incident + ":" + rs.getLong("id"),
                                incident,
                                meta,
                                rs.getString("text"),
                                rs.getObject("at", OffsetDateTime.class),
                                toldUnits,
                                toldPeople,
                                Searchable.Authority.INSTRUCTION));
                    })
                    .list();
            return items;
        }
        for (Long id : ids) {
            Meta meta = incidents.get(id);
            if (meta != null) {
                items.add(item(
                        SearchKind.INCIDENT,
                        String.valueOf(id),
                        id,
                        meta,
                        meta.text,
                        meta.receivedAt,
                        toldUnits,
                        toldPeople,
                        Searchable.Authority.NONE));
            }
        }
        return items;
    }

    private static Searchable item(
            SearchKind kind,
            String id,
            long incident,
            Meta meta,
            String body,
            OffsetDateTime at,
            Map<Long, Set<Long>> toldUnits,
            Map<Long, Set<Long>> toldPeople,
            int authority) {
        Set<Long> units = toldUnits.getOrDefault(incident, Set.of());
        Set<Long> concerned = new LinkedHashSet<>(meta.leaderUnits);
        concerned.addAll(units);
        return new Searchable(
                kind,
                id,
                String.valueOf(incident),
                meta.title,
                body,
                null,
                meta.reporter == null ? List.of() : List.of(meta.reporter),
                concerned,
                new SearchVisibility(true, units, meta.leaderUnits, toldPeople.getOrDefault(incident, Set.of())),
                meta.eventType,
                at.toInstant(),
                "/duty/incidents/" + incident,
                authority);
    }

    private record Meta(
            String title,
            String eventType,
            String text,
            String reporter,
            Set<Long> leaderUnits,
            OffsetDateTime receivedAt) {}

    /** The leaders' instructions on incidents, as items of their own for the basis finder. */
    @Component
    static class Instructions implements SearchSource {

        private final IncidentSearchSource incidents;
        private final JdbcClient jdbc;

        Instructions(IncidentSearchSource incidents, JdbcClient jdbc) {
            this.incidents = incidents;
            this.jdbc = jdbc;
        }

        @Override
        public SearchKind kind() {
            return SearchKind.INSTRUCTION;
        }

        @Override
        public boolean handles(String module, String objectType) {
            return incidents.handles(module, objectType);
        }

        @Override
        public List<Searchable> from(String objectId) {
            return SearchSource.fromNumericId(objectId, id -> incidents.load(List.of(id), true));
        }

        @Override
        public long count() {
            return jdbc.sql("SELECT COUNT(*) FROM duty_instruction")
                    .query(Long.class)
                    .single();
        }

        @Override
        public void all(int batchSize, Consumer<List<Searchable>> batches) {
            IncidentSearchSource.all(jdbc, batchSize, ids -> batches.accept(incidents.load(ids, true)));
        }
    }
}
