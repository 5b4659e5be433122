package org.accord.search;

import java.util.List;
import org.accord.security.DataScopes;
import org.springframework.stereotype.Service;

/** {@link Search} over the index, in the signed-in account's scope. */
@Service
class IndexedSearch implements Search {

    private final SearchIndex index;
    private final DataScopes scopes;

    IndexedSearch(SearchIndex index, DataScopes scopes) {
        this.index = index;
        this.scopes = scopes;
    }

    @Override
    public SearchResults find(SearchQuery query) {
        return index.find(query, scopes.current());
    }

    @Override
    public List<SearchHit> similar(SimilarQuery query) {
        return index.similar(query, scopes.current());
    }

    @Override
    public java.util.Optional<SearchHit> item(SearchKind kind, String id) {
        return index.item(kind, id, scopes.current());
    }
}
