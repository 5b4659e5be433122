package org.accord.supervision;

import java.time.LocalDate;
import java.util.Set;

/**
 * What another module asks supervision to follow: one task per source object.
 *
 * @param sourceKind what kind of object it comes from
 * @param sourceId that object's id; a second request for the same source opens nothing new
 * @param title what is to be done
 * @param leadUnitId the unit that answers for it (主办)
 * @param cooperatingUnitIds the units that help (协办); the lead unit is dropped from them
 * @param deadline the day by which it must be done
 */
public record TaskRequest(
        SourceKind sourceKind,
        long sourceId,
        String title,
        long leadUnitId,
        Set<Long> cooperatingUnitIds,
        LocalDate deadline) {

    public static final int TITLE_MAX = 500;

    public TaskRequest {
        if (title.isBlank()) {
            throw new IllegalArgumentException("A task needs a title");
        }
        title = title.strip();
        if (title.length() > TITLE_MAX) {
            title = title.substring(0, TITLE_MAX - 1) + "…";
        }
        cooperatingUnitIds = Set.copyOf(cooperatingUnitIds);
    }
}
