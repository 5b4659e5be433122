package org.accord.search;

import java.util.List;
import java.util.function.Consumer;

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

    /** How many items {@link #all} will give, roughly, to show progress. */
    long count();

    /** Every item, read in batches of about {@code batchSize} (keyset paging), each batch handed on in turn. */
    void all(int batchSize, Consumer<List<Searchable>> batches);
}
