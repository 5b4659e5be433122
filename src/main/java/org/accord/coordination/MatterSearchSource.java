package org.accord.coordination;

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
 * Matters of their own (general and information matters) for the search index: title, background, purpose, basis
 * and the parties' names. Matters behind a meeting, document, case or incident are found as that item instead.
 * Visible as {@code MatterStore.list} decides: the office, the parties' units, and the deciding leader.
 */
@Component
class MatterSearchSource implements SearchSource {

    private static final String OWN_KINDS = "('GENERAL', 'INFORMATION')";

    private final JdbcClient jdbc;

    MatterSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.MATTER;
    }

    @Override
    public boolean handles(String module, String objectType) {
        return Matters.MODULE.equals(module) && "matter".equals(objectType);
    }

    @Override
    public List<Searchable> from(String objectId) {
        return SearchSource.fromNumericId(objectId, id -> load(List.of(id)));
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM coordination_matter WHERE kind IN " + OWN_KINDS)
                .query(Long.class)
                .single();
    }

    @Override
    public void all(int batchSize, Consumer<List<Searchable>> batches) {
        SearchSource.pages(
                batchSize,
                (after, n) -> jdbc.sql("SELECT id FROM coordination_matter WHERE id > :after AND kind IN " + OWN_KINDS
                                + " ORDER BY id LIMIT :n")
                        .param("after", after)
                        .param("n", n)
                        .query(Long.class)
                        .list(),
                Long::longValue,
                ids -> batches.accept(load(ids)));
    }

    private List<Searchable> load(List<Long> ids) {
        Map<Long, StringBuilder> basis = new HashMap<>();
        jdbc.sql("SELECT matter_id, text FROM coordination_basis WHERE matter_id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> basis.computeIfAbsent(rs.getLong(1), k -> new StringBuilder())
                        .append('\n')
                        .append(rs.getString(2)))
                .list();
        Map<Long, Set<Long>> units = new HashMap<>();
        Map<Long, List<String>> names = new HashMap<>();
        jdbc.sql("SELECT matter_id, unit_id, name FROM coordination_party WHERE matter_id IN (:ids) ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> {
                    long matter = rs.getLong(1);
                    long unit = rs.getLong(2);
                    if (!rs.wasNull()) {
                        units.computeIfAbsent(matter, k -> new LinkedHashSet<>())
                                .add(unit);
                    }
                    return names.computeIfAbsent(matter, k -> new ArrayList<>()).add(rs.getString(3));
                })
                .list();
        return jdbc.sql("SELECT id, title, kind, background, purpose, deciding_leader_id, created_at, closed_at"
                        + " FROM coordination_matter WHERE id IN (:ids) AND kind IN " + OWN_KINDS + " ORDER BY id")
                .param("ids", ids)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    long leader = rs.getLong("deciding_leader_id");
                    Set<Long> people = rs.wasNull() ? Set.of() : Set.of(leader);
                    Set<Long> concerned = units.getOrDefault(id, Set.of());
                    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
                    OffsetDateTime at = closed != null ? closed : rs.getObject("created_at", OffsetDateTime.class);
                    String body = rs.getString("background") + "\n" + rs.getString("purpose")
                            + basis.getOrDefault(id, new StringBuilder());
                    return new Searchable(
                            SearchKind.MATTER,
                            String.valueOf(id),
                            String.valueOf(id),
                            rs.getString("title"),
                            body,
                            null,
                            names.getOrDefault(id, List.of()),
                            concerned,
                            new SearchVisibility(true, concerned, Set.of(), people),
                            rs.getString("kind"),
                            at.toInstant(),
                            "/matters/" + id,
                            Searchable.Authority.NONE);
                })
                .list();
    }
}
