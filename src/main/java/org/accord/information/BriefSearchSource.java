package org.accord.information;

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
 * Briefs to leaders for the search index (title, text, author) and the leaders' instructions on them as items of
 * their own. Visible as {@code Briefs.get} decides: the office, and the leaders the brief was sent to; units never.
 */
@Component
class BriefSearchSource implements SearchSource {

    private final JdbcClient jdbc;

    BriefSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.BRIEF;
    }

    @Override
    public boolean handles(String module, String objectType) {
        return SituationRequests.MODULE.equals(module) && "brief".equals(objectType);
    }

    @Override
    public List<Searchable> from(String objectId) {
        return SearchSource.fromNumericId(objectId, id -> load(List.of(id), false));
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM info_brief").query(Long.class).single();
    }

    @Override
    public void all(int batchSize, Consumer<List<Searchable>> batches) {
        all(jdbc, batchSize, ids -> batches.accept(load(ids, false)));
    }

    static void all(JdbcClient jdbc, int batchSize, Consumer<List<Long>> batches) {
        SearchSource.pages(
                batchSize,
                (after, n) -> jdbc.sql("SELECT id FROM info_brief WHERE id > :after ORDER BY id LIMIT :n")
                        .param("after", after)
                        .param("n", n)
                        .query(Long.class)
                        .list(),
                Long::longValue,
                batches);
    }

    List<Searchable> load(List<Long> ids, boolean instructions) {
        Map<Long, Set<Long>> readers = new HashMap<>();
        jdbc.sql("SELECT brief_id, leader_id FROM info_brief_reader WHERE brief_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> readers.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                        .add(rs.getLong(2)))
                .list();
        List<Searchable> items = new ArrayList<>();
        if (instructions) {
            jdbc.sql("SELECT i.id, i.brief_id, i.leader_name, i.text, i.created_at, i.unit_ids, b.title"
                            + " FROM info_instruction i JOIN info_brief b ON b.id = i.brief_id"
                            + " WHERE i.brief_id IN (:ids) ORDER BY i.brief_id, i.id")
                    .param("ids", ids)
                    .query((rs, n) -> {
                        long brief = rs.getLong("brief_id");
                        Set<Long> units = new LinkedHashSet<>();
                        for (String unit : rs.getString("unit_ids").split(",")) {
                            if (!unit.isBlank()) {
                                units.add(Long.valueOf(unit.strip()));
                            }
                        }
                        return items.add(new Searchable(
                                SearchKind.INSTRUCTION,
                                "brief-" + brief + ":" + rs.getLong("id"),
                                "brief-" + brief,
                                rs.getString("title"),
                                rs.getString("text"),
                                null,
                                List.of(rs.getString("leader_name")),
                                units,
                                new SearchVisibility(true, Set.of(), Set.of(), readers.getOrDefault(brief, Set.of())),
                                null,
                                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                                "/information/briefs/" + brief,
                                Searchable.Authority.INSTRUCTION));
                    })
                    .list();
            return items;
        }
        jdbc.sql("SELECT id, kind, brief_year, number, title, body, author_name, author_unit_id, sent_at"
                        + " FROM info_brief WHERE id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return items.add(new Searchable(
                            SearchKind.BRIEF,
                            String.valueOf(id),
                            String.valueOf(id),
                            rs.getString("title"),
                            rs.getString("body"),
                            null,
                            List.of(rs.getString("author_name")),
                            Set.of(rs.getLong("author_unit_id")),
                            new SearchVisibility(true, Set.of(), Set.of(), readers.getOrDefault(id, Set.of())),
                            rs.getString("kind"),
                            rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                            "/information/briefs/" + id,
                            Searchable.Authority.NONE));
                })
                .list();
        return items;
    }

    /** The leaders' instructions on briefs. */
    @Component
    static class Instructions implements SearchSource {

        private final BriefSearchSource briefs;
        private final JdbcClient jdbc;

        Instructions(BriefSearchSource briefs, JdbcClient jdbc) {
            this.briefs = briefs;
            this.jdbc = jdbc;
        }

        @Override
        public SearchKind kind() {
            return SearchKind.INSTRUCTION;
        }

        @Override
        public boolean handles(String module, String objectType) {
            return briefs.handles(module, objectType);
        }

        @Override
        public String origin(String objectId) {
            return "brief-" + objectId;
        }

        @Override
        public List<Searchable> from(String objectId) {
            return SearchSource.fromNumericId(objectId, id -> briefs.load(List.of(id), true));
        }

        @Override
        public long count() {
            return jdbc.sql("SELECT COUNT(*) FROM info_instruction")
                    .query(Long.class)
                    .single();
        }

        @Override
        public void all(int batchSize, Consumer<List<Searchable>> batches) {
            BriefSearchSource.all(jdbc, batchSize, ids -> batches.accept(briefs.load(ids, true)));
        }
    }
}
