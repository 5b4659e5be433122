package org.accord.search;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Items that bear on a text being written.
 *
 * @param text what is being written (title and body)
 * @param kinds the kinds to suggest from; empty means all
 * @param unitIds the units it goes to: items concerning them rank higher
 * @param category its category, if any: items of the same category rank higher
 * @param limit at most this many
 */
public record SimilarQuery(
        String text,
        Set<SearchKind> kinds,
        Set<Long> unitIds,
        @Nullable String category,
        int limit) {}
