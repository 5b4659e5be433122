package org.accord.search;

import java.util.List;
import org.accord.security.DataScope;

/**
 * The index behind {@link Search}: the embedded Lucene index on one machine ({@link LuceneSearchIndex}); a cluster
 * would put an OpenSearch client behind the same methods (docs/search.md says how).
 */
interface SearchIndex {

    /** Replaces every item of {@code kind} that came from {@code originId} with {@code items}. */
    void replace(SearchKind kind, String originId, List<Searchable> items);

    /** Empties the index for a rebuild; searches keep the old contents until {@link #finishRebuild}. */
    void startRebuild();

    /** Adds items during a rebuild (all items of one origin together). */
    void addDuringRebuild(List<Searchable> items);

    /** Makes the rebuilt index durable and visible, marked as having seen the audit trail up to {@code mark}. */
    void finishRebuild(Checkpoint mark);

    /** Makes every change so far durable, marked with how far the audit trail had got before. */
    void commit(Checkpoint mark);

    /** How far the audit trail had got at the last durable commit, or null for an index never completed. */
    @org.jspecify.annotations.Nullable
    Checkpoint checkpoint();

    /** Whether anything changed since the last commit. */
    boolean changedSinceCommit();

    long size();

    SearchResults find(SearchQuery query, DataScope scope);

    List<SearchHit> similar(SimilarQuery query, DataScope scope);

    /** One item by its kind and id, if the scope sees it, with its opening as the snippet. */
    java.util.Optional<SearchHit> item(SearchKind kind, String id, DataScope scope);

    /**
     * How far the index has followed the audit trail.
     *
     * @param auditId the highest audit record id seen when the commit began
     * @param atMillis when the commit began
     */
    record Checkpoint(long auditId, long atMillis) {}
}
