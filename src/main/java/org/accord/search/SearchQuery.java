package org.accord.search;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search as a person asks it.
 *
 * @param text the words, a case number, a document number or a person's name
 * @param kinds the kinds to look in; empty means all
 * @param unitId only items concerning this unit, if given
 * @param from only items on or after this day, if given
 * @param to only items on or before this day, if given
 * @param page zero-based page
 * @param size results per page
 */
public record SearchQuery(
        String text,
        Set<SearchKind> kinds,
        @Nullable Long unitId,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        int page,
        int size) {}
