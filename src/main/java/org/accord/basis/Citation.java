package org.accord.basis;

import java.time.Instant;
import org.accord.search.SearchKind;
import org.jspecify.annotations.Nullable;

/**
 * A basis cited for something sent to units, as the cited item read when it was cited.
 *
 * @param sourceKind a leader's instruction, a meeting decision or an issued document
 * @param excerpt plain text, the passage that bears on what was sent
 */
public record Citation(
        long id,
        BasisTarget target,
        SearchKind sourceKind,
        String sourceId,
        String title,
        @Nullable String reference,
        String excerpt,
        String url,
        @Nullable Instant sourceAt,
        String citedBy,
        Instant citedAt) {

    /**
     * The cited item's kind by name ({@code INSTRUCTION}, {@code DECISION}, {@code DOCUMENT}), for the modules that
     * record a citation without depending on search.
     */
    public String sourceKindName() {
        return sourceKind.name();
    }

    /** The message key naming the cited item's kind ({@code basis.kind.*}), for notices other modules word. */
    public String kindMessageKey() {
        return "basis.kind." + sourceKind.name();
    }
}
