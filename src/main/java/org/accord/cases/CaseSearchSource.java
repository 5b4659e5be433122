package org.accord.cases;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hotline cases for the search index: number, category, address, the caller's words and the reply. A caller who
 * asked for confidentiality is not findable by name (units do not see it either); phone numbers are never indexed.
 * Visible to the office and to the units holding a share, as {@code CaseDesk} decides.
 */
@Component
class CaseSearchSource implements SearchSource {

    private static final String COLUMNS = "c.id, c.case_number, c.caller_name, c.confidential, c.address,"
            + " c.category_code, c.description, c.reply_text, c.updated_at, k.name AS category_name";
    private static final String FROM = " FROM hotline_case c LEFT JOIN case_category k ON k.code = c.category_code";

    private final JdbcClient jdbc;

    CaseSearchSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.CASE;
    }

    @Override
    public boolean handles(String module, String objectType) {
        return "cases".equals(module) && "case".equals(objectType);
    }

    @Override
    public List<Searchable> from(String objectId) {
        return SearchSource.fromNumericId(
                objectId,
                id -> items(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.id = :id")
                        .param("id", id)
                        .query(CaseSearchSource::row)
                        .list()));
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM hotline_case").query(Long.class).single();
    }

    @Override
    public void all(int batchSize, Consumer<List<Searchable>> batches) {
        SearchSource.pages(
                batchSize,
                (after, n) -> jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.id > :after ORDER BY c.id LIMIT :n")
                        .param("after", after)
                        .param("n", n)
                        .query(CaseSearchSource::row)
                        .list(),
                Row::id,
                rows -> batches.accept(items(rows)));
    }

    private List<Searchable> items(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Long>> shares = new HashMap<>();
        jdbc.sql("SELECT case_id, unit_id FROM case_share WHERE case_id IN (:ids)")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> shares.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>())
                        .add(rs.getLong(2)))
                .list();
        List<Searchable> items = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Set<Long> units = shares.getOrDefault(row.id, Set.of());
            String title = (row.number == null ? "" : row.number + " ")
                    + (row.categoryName == null ? "" : row.categoryName)
                    + (row.address == null ? "" : " " + row.address);
            String body = row.description + (row.replyText == null ? "" : "\n" + row.replyText);
            items.add(new Searchable(
                    SearchKind.CASE,
                    String.valueOf(row.id),
                    String.valueOf(row.id),
                    title.strip(),
                    body,
                    row.number,
                    row.confidential || row.callerName == null ? List.of() : List.of(row.callerName),
                    units,
                    SearchVisibility.officeAnd(units),
                    row.categoryCode,
                    row.updatedAt.toInstant(),
                    "/cases/" + row.id,
                    Searchable.Authority.NONE));
        }
        return items;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("case_number"),
                rs.getString("caller_name"),
                rs.getBoolean("confidential"),
                rs.getString("address"),
                rs.getString("category_code"),
                rs.getString("category_name"),
                rs.getString("description"),
                rs.getString("reply_text"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private record Row(
            long id,
            String number,
            String callerName,
            boolean confidential,
            String address,
            String categoryCode,
            String categoryName,
            String description,
            String replyText,
            OffsetDateTime updatedAt) {}
}
