package org.accord.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.search.SearchKind;
import org.accord.search.SearchSource;
import org.accord.search.SearchVisibility;
import org.accord.search.Searchable;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Documents and minutes for the search index: the current version's title and text (the issued text once issued),
 * the number, drafter and signer. Who finds it follows {@code Documents}: the office; the signing leader and the
 * leaders of every recipient unit; a recipient unit's liaison only when the current version is one they were
 * sent (a consultation round on it, countersigning, issued, or a co-issuer), so a later draft's words do not reach
 * a unit that saw only an earlier one.
 */
@Component
class DocumentSearchSource implements SearchSource {

    private static final String COLUMNS = "d.id, d.genre, d.status, d.drafter_id, d.signer_id, d.issuer_unit_id,"
            + " d.number_text, d.revision, d.updated_at, d.issued_at, r.title, r.body, r.co_issuers, r.main_addressees,"
            + " r.copy_to";
    private static final String FROM =
            " FROM document d JOIN document_revision r ON r.document_id = d.id AND r.number = d.revision";

    private final JdbcClient jdbc;
    private final Directory directory;

    DocumentSearchSource(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.DOCUMENT;
    }

    @Override
    public boolean handles(String module, String objectType) {
        return Documents.MODULE.equals(module) && "document".equals(objectType);
    }

    @Override
    public List<Searchable> from(String objectId) {
        return SearchSource.fromNumericId(objectId, id -> items(rows(id)));
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM document").query(Long.class).single();
    }

    @Override
    public void all(int batchSize, Consumer<List<Searchable>> batches) {
        rows(batchSize, rows -> batches.accept(items(rows)));
    }

    private void rows(int batchSize, Consumer<List<Row>> batches) {
        SearchSource.pages(
                batchSize,
                (after, n) -> jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.id > :after ORDER BY d.id LIMIT :n")
                        .param("after", after)
                        .param("n", n)
                        .query(DocumentSearchSource::row)
                        .list(),
                Row::id,
                batches);
    }

    private List<Row> rows(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE d.id = :id")
                .param("id", id)
                .query(DocumentSearchSource::row)
                .list();
    }

    /**
     * The 议定事项 of issued minutes, one item each, seen by whoever finds the minutes and opening them. Only issued
     * minutes: a decision in a draft may still be changed in consultation and binds nobody yet. The id is the
     * decision's position in the minutes, which stays the same across revisions, so a citation keeps pointing at
     * it.
     */
    private List<Searchable> decisions(List<Row> rows) {
        List<Long> issuedMinutes = rows.stream()
                .filter(r -> Genre.MINUTES.name().equals(r.genre)
                        && DocumentStatus.ISSUED.name().equals(r.status))
                .map(Row::id)
                .toList();
        if (issuedMinutes.isEmpty()) {
            return List.of();
        }
        Map<Long, Searchable> minutes = new HashMap<>();
        for (Searchable item :
                items(rows.stream().filter(r -> issuedMinutes.contains(r.id)).toList())) {
            minutes.put(Long.valueOf(item.id()), item);
        }
        List<Searchable> items = new ArrayList<>();
        jdbc.sql("SELECT r.document_id, x.position, x.text, x.lead_unit_id, x.cooperating FROM document_decision x"
                        + " JOIN document_revision r ON r.id = x.revision_id"
                        + " JOIN document d ON d.id = r.document_id AND d.revision = r.number"
                        + " WHERE r.document_id IN (:ids) ORDER BY r.document_id, x.position")
                .param("ids", issuedMinutes)
                .query((rs, n) -> {
                    long document = rs.getLong("document_id");
                    Searchable of = minutes.get(document);
                    if (of == null) {
                        return false;
                    }
                    Set<Long> concerned = new LinkedHashSet<>();
                    long lead = rs.getLong("lead_unit_id");
                    if (!rs.wasNull()) {
                        concerned.add(lead);
                    }
                    concerned.addAll(DocumentStore.split(rs.getString("cooperating")));
                    return items.add(new Searchable(
                            SearchKind.DECISION,
                            "minutes-" + document + ":" + rs.getInt("position"),
                            "minutes-" + document,
                            of.title(),
                            rs.getString("text"),
                            of.reference(),
                            List.of(),
                            concerned.isEmpty() ? of.unitIds() : concerned,
                            of.visibility(),
                            of.category(),
                            of.at(),
                            of.url(),
                            Searchable.Authority.DECISION));
                })
                .list();
        return items;
    }

    private List<Searchable> items(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, Set<Long>> recipients = new HashMap<>();
        jdbc.sql("SELECT document_id, unit_id FROM document_recipient WHERE document_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> recipients
                        .computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                        .add(rs.getLong(2)))
                .list();
        Map<Long, Map<Integer, Set<Long>>> sentByRevision = new HashMap<>();
        jdbc.sql("SELECT document_id, revision, units FROM document_round WHERE document_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> sentByRevision
                        .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getInt(2), k -> new HashSet<>())
                        .addAll(DocumentStore.split(rs.getString(3))))
                .list();
        Map<Long, String> names = new HashMap<>();
        List<Searchable> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Set<Long> recipientUnits = recipients.getOrDefault(row.id, Set.of());
            DocumentStatus status = DocumentStatus.valueOf(row.status);
            Set<Long> seeCurrent = new LinkedHashSet<>();
            for (Long unit : recipientUnits) {
                boolean sent = sentByRevision
                                .getOrDefault(row.id, Map.of())
                                .getOrDefault(row.revision, Set.of())
                                .contains(unit)
                        || status == DocumentStatus.COUNTERSIGNING
                        || status == DocumentStatus.ISSUED
                        || row.coIssuers.contains(unit);
                if (sent) {
                    seeCurrent.add(unit);
                }
            }
            Set<Long> concerned = new LinkedHashSet<>();
            concerned.add(row.issuerUnitId);
            concerned.addAll(recipientUnits);
            List<String> people = new ArrayList<>();
            addName(people, names, row.drafterId);
            addName(people, names, row.signerId);
            boolean issued = status == DocumentStatus.ISSUED;
            items.add(new Searchable(
                    SearchKind.DOCUMENT,
                    String.valueOf(row.id),
                    String.valueOf(row.id),
                    row.title,
                    row.body,
                    row.numberText,
                    people,
                    concerned,
                    new SearchVisibility(true, seeCurrent, recipientUnits, Set.of(row.signerId)),
                    row.genre,
                    (issued && row.issuedAt != null ? row.issuedAt : row.updatedAt).toInstant(),
                    "/documents/" + row.id,
                    issued ? Searchable.Authority.ISSUED_DOCUMENT : Searchable.Authority.NONE));
        }
        return items;
    }

    private void addName(List<String> people, Map<Long, String> names, long personId) {
        String name = names.computeIfAbsent(
                personId, id -> directory.person(id).map(PersonSummary::name).orElse(""));
        if (!name.isEmpty() && !people.contains(name)) {
            people.add(name);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("genre"),
                rs.getString("status"),
                rs.getLong("drafter_id"),
                rs.getLong("signer_id"),
                rs.getLong("issuer_unit_id"),
                rs.getString("number_text"),
                rs.getInt("revision"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("issued_at", OffsetDateTime.class),
                rs.getString("title"),
                rs.getString("body"),
                DocumentStore.split(rs.getString("co_issuers")));
    }

    private record Row(
            long id,
            String genre,
            String status,
            long drafterId,
            long signerId,
            long issuerUnitId,
            @Nullable String numberText,
            int revision,
            OffsetDateTime updatedAt,
            @Nullable OffsetDateTime issuedAt,
            String title,
            String body,
            List<Long> coIssuers) {}

    /** The 议定事项 of issued minutes ({@code document_decision} of their current version), authority 2. */
    @Component
    static class Decisions implements SearchSource {

        private final DocumentSearchSource documents;
        private final JdbcClient jdbc;

        Decisions(DocumentSearchSource documents, JdbcClient jdbc) {
            this.documents = documents;
            this.jdbc = jdbc;
        }

        @Override
        public SearchKind kind() {
            return SearchKind.DECISION;
        }

        @Override
        public boolean handles(String module, String objectType) {
            return documents.handles(module, objectType);
        }

        @Override
        public String origin(String objectId) {
            return "minutes-" + objectId;
        }

        @Override
        public List<Searchable> from(String objectId) {
            return SearchSource.fromNumericId(objectId, id -> documents.decisions(documents.rows(id)));
        }

        @Override
        public long count() {
            return jdbc.sql("SELECT COUNT(*) FROM document_decision x JOIN document_revision r ON r.id = x.revision_id"
                            + " JOIN document d ON d.id = r.document_id AND d.revision = r.number"
                            + " WHERE d.genre = 'MINUTES' AND d.status = 'ISSUED'")
                    .query(Long.class)
                    .single();
        }

        @Override
        public void all(int batchSize, Consumer<List<Searchable>> batches) {
            documents.rows(batchSize, rows -> {
                List<Searchable> items = documents.decisions(rows);
                if (!items.isEmpty()) {
                    batches.accept(items);
                }
            });
        }
    }
}
