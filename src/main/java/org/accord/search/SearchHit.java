package org.accord.search;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One item found.
 *
 * @param kind what it is
 * @param id its id within its kind (a number, or a composite such as {@code 12:3})
 * @param title its title, plain text
 * @param snippet a short passage around the words found, HTML-escaped with the words wrapped in {@code <mark>}
 * @param url where to open it
 * @param at when it was made or last changed
 * @param score how well it matched, for ordering only
 * @param unitIds the units it concerns
 * @param category its category (a case category, a document kind), if any
 * @param reference its number (case number, document number), if any
 * @param authority how binding it is, higher first: e.g. an issued document above a meeting decision above an
 *     instruction in passing; 0 when it does not apply
 */
public record SearchHit(
        SearchKind kind,
        String id,
        String title,
        String snippet,
        String url,
        @Nullable Instant at,
        double score,
        Set<Long> unitIds,
        @Nullable String category,
        @Nullable String reference,
        int authority) {}
