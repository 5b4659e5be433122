package org.accord.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incoming documents (收文) for the search index, as documents: the title, the sender and its number, the
 * attachments and the handling opinion; the receipt number as the reference, so that 收文〔2026〕3号 finds it.
 * Who finds it follows {@code IncomingDesk}: the office, and the leaders it was circulated to. The sender unit's
 * liaison may open a reduced view of what they sent, but the index cannot give them that without also giving it
 * to the leaders their unit routes to, whom the incoming rule does not allow; they keep their list instead.
 * Items carry authority 0: a received document is not a basis the office cites, and the basis finder skips it.
 */
@Component
class IncomingSearchSource implements SearchSource {

    static final String ORIGIN = "incoming-";

    private static final String COLUMNS = "id, state, receipt_year, receipt_seq, signed_at, signed_by_name,"
            + " sender_unit_id, sender_name, sender_number, title, genre, attachments, handling_unit_id,"
            + " handling_unit_name, handling_opinion";

    private final JdbcClient jdbc;
    private final String receiptPrefix;

    IncomingSearchSource(
            JdbcClient jdbc, @Value("${accord.documents.incoming.receipt-prefix:收文}") String receiptPrefix) {
        this.jdbc = jdbc;
        this.receiptPrefix = receiptPrefix;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.DOCUMENT;
    }

    @Override
    public boolean handles(String module, String objectType) {
        return Documents.MODULE.equals(module) && "incoming".equals(objectType);
    }

    @Override
    public String origin(String objectId) {
        return ORIGIN + objectId;
    }

    @Override
    public List<Searchable> from(String objectId) {
        return SearchSource.fromNumericId(
                objectId,
                id -> items(jdbc.sql("SELECT " + COLUMNS + " FROM documents_incoming WHERE id = :id")
                        .param("id", id)
                        .query(IncomingSearchSource::row)
                        .list()));
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM documents_incoming")
                .query(Long.class)
                .single();
    }

    @Override
    public void all(int batchSize, Consumer<List<Searchable>> batches) {
        SearchSource.pages(
                batchSize,
                (after, n) -> jdbc.sql(
                                "SELECT " + COLUMNS + " FROM documents_incoming WHERE id > :after ORDER BY id LIMIT :n")
                        .param("after", after)
                        .param("n", n)
                        .query(IncomingSearchSource::row)
                        .list(),
                Row::id,
                rows -> batches.accept(items(rows)));
    }

    private List<Searchable> items(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Long>> readers = new HashMap<>();
        jdbc.sql("SELECT document_id, person_id FROM documents_incoming_reader WHERE document_id IN (:ids)")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> readers.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                        .add(rs.getLong(2)))
                .list();
        List<Searchable> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Set<Long> units = new LinkedHashSet<>();
            if (row.senderUnitId != null) {
                units.add(row.senderUnitId);
            }
            if (row.handlingUnitId != null) {
                units.add(row.handlingUnitId);
            }
            StringBuilder body = new StringBuilder(row.senderName);
            append(body, row.senderNumber);
            append(body, row.attachments);
            append(body, row.handlingUnitName);
            append(body, row.handlingOpinion);
            String reference = row.receiptYear == null || row.receiptSeq == null
                    ? null
                    : new IncomingDocument.ReceiptNumber(row.receiptYear, row.receiptSeq).format(receiptPrefix);
            items.add(new Searchable(
                    SearchKind.DOCUMENT,
                    ORIGIN + row.id,
                    ORIGIN + row.id,
                    row.title,
                    body.toString(),
                    reference,
                    List.of(row.signedByName),
                    units,
                    new SearchVisibility(true, Set.of(), Set.of(), readers.getOrDefault(row.id, Set.of())),
                    row.genre,
                    row.signedAt.toInstant(),
                    "/documents/incoming/" + row.id,
                    Searchable.Authority.NONE));
        }
        return items;
    }

    private static void append(StringBuilder body, @Nullable String text) {
        if (text != null && !text.isBlank()) {
            body.append('\n').append(text.strip());
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getObject("receipt_year", Integer.class),
                rs.getObject("receipt_seq", Integer.class),
                rs.getObject("signed_at", OffsetDateTime.class),
                rs.getString("signed_by_name"),
                rs.getObject("sender_unit_id", Long.class),
                rs.getString("sender_name"),
                rs.getString("sender_number"),
                rs.getString("title"),
                rs.getString("genre"),
                rs.getString("attachments"),
                rs.getObject("handling_unit_id", Long.class),
                rs.getString("handling_unit_name"),
                rs.getString("handling_opinion"));
    }

    private record Row(
            long id,
            @Nullable Integer receiptYear,
            @Nullable Integer receiptSeq,
            OffsetDateTime signedAt,
            String signedByName,
            @Nullable Long senderUnitId,
            String senderName,
            @Nullable String senderNumber,
            String title,
            @Nullable String genre,
            @Nullable String attachments,
            @Nullable Long handlingUnitId,
            @Nullable String handlingUnitName,
            @Nullable String handlingOpinion) {}
}
