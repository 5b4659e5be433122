package org.accord.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One item as a module hands it to the index: its words, how to find it exactly, and who may see it.
 *
 * @param kind what it is
 * @param id its id within its kind (a number, or a composite such as {@code 12:3})
 * @param originId the id of the audited object it comes from (the case, the document); when that object changes,
 *     every item of this kind from it is replaced, so items that disappeared leave the index too
 * @param title its title, plain text
 * @param body its text, plain
 * @param reference its number (case number, document number), found exactly, if any
 * @param people names of the people it names (caller, drafter, signer), found exactly
 * @param unitIds the units it concerns, for the unit filter and for ranking similar items
 * @param visibility who may find it
 * @param category its category (a case category, a document genre), if any
 * @param at when it was made or last changed
 * @param url where to open it
 * @param authority how binding it is, higher first; 0 when it does not apply (see {@link Authority})
 */
public record Searchable(
        SearchKind kind,
        String id,
        String originId,
        String title,
        String body,
        @Nullable String reference,
        List<String> people,
        Set<Long> unitIds,
        SearchVisibility visibility,
        @Nullable String category,
        @Nullable Instant at,
        String url,
        int authority) {

    /** The ranks of {@link #authority()}, so that modules agree on them. */
    public static final class Authority {
        public static final int NONE = 0;
        public static final int INSTRUCTION = 1;
        public static final int DECISION = 2;
        public static final int ISSUED_DOCUMENT = 3;

        private Authority() {}
    }
}
