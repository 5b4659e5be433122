package org.accord.search;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * Where the index gets one kind of item from. Each module implements it over its own tables (package-private,
 * a Spring bean), so that search depends on none of them.
 */
public interface SearchSource {

    /** The kind of item this source gives. */
    SearchKind kind();

    /** Whether a change audited as {@code module}/{@code objectType} may change this source's items. */
    boolean handles(String module, String objectType);

    /**
     * The current items that come from one audited object, e.g. a case, or the decisions of one set of minutes;
     * empty when it is gone or has nothing to find. These replace whatever the index held from that object.
     */
    List<Searchable> from(String objectId);

    /**
     * The {@link Searchable#originId()} its items from one audited object carry. Two sources of one kind over
     * different objects (documents and incoming documents, a meeting's decisions and minutes' decisions) prefix
     * theirs, so that replacing one object's items never removes another's that happens to share the number.
     */
    default String origin(String objectId) {
        return objectId;
    }

    /**
     * The items {@code load} gives for the object whose id {@code objectId} names, for a {@link #from} over a table
     * keyed by number. An id that is not a number names no such object, so it gives none, as a missing object does;
     * only the reading of the id is guarded, so whatever {@code load} itself throws still reaches the indexer.
     */
    static List<Searchable> fromNumericId(String objectId, LongFunction<List<Searchable>> load) {
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            return List.of();
        }
        return load.apply(id);
    }

    /** How many items {@link #all} will give, roughly, to show progress. */
    long count();

    /**
     * Every item, read in batches of about {@code batchSize}, each batch handed on in turn. A batch may be indexed
     * on another thread while the next is read, so a source must not reuse a batch's list afterwards. Sources read
     * their rows with {@link #pages}: one query for a page of rows, then one per related table for the whole page.
     */
    void all(int batchSize, Consumer<List<Searchable>> batches);

    /**
     * Reads a table in pages of {@code pageSize} rows by ascending id (keyset paging: each page starts after the
     * last id of the one before, so a page costs the same at the end of a million rows as at the start, and rows
     * added meanwhile are not skipped) and hands each page on until one comes back empty.
     *
     * @param page the rows whose id is above {@code afterId}, at most {@code limit}, ordered by id
     * @param id the id of a row, as {@code page} orders them
     */
    static <R> void pages(int pageSize, Page<R> page, ToLongFunction<R> id, Consumer<List<R>> pages) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<R> rows = page.after(after, pageSize);
            if (rows.isEmpty()) {
                return;
            }
            pages.accept(rows);
            after = id.applyAsLong(rows.get(rows.size() - 1));
        }
    }

    /** One page of {@link #pages}: the rows whose id is above {@code afterId}, at most {@code limit}, by id. */
    @FunctionalInterface
    interface Page<R> {
        List<R> after(long afterId, int limit);
    }
}
