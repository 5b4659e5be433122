package org.accord.directory;

import org.jspecify.annotations.Nullable;

/** A unit as other modules see it. */
public record UnitSummary(
        long id,
        String code,
        String name,
        @Nullable String shortName,
        UnitKind kind,
        @Nullable Long parentId,
        @Nullable Long overseeingLeaderId,
        boolean authoritative,
        @Nullable String dutyPhone,
        boolean active) {

    public String displayName() {
        return shortName == null || shortName.isBlank() ? name : shortName;
    }
}
