package org.accord.search;

import java.util.List;
import java.util.Optional;

/** Finding the office's work by its words, for other modules; every answer respects the signed-in account's scope. */
public interface Search {

    /** One page of results for the signed-in account, with the counts per kind that it may see. */
    SearchResults find(SearchQuery query);

    /**
     * The items of the given kinds whose text is nearest to a text being written, best first, among what the
     * signed-in account may see.
     */
    List<SearchHit> similar(SimilarQuery query);

    /** One item as the signed-in account may see it, with its opening as the snippet; empty if it may not. */
    Optional<SearchHit> item(SearchKind kind, String id);
}
