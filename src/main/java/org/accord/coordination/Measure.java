package org.accord.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An operable measure that comes out of a matter: what, who leads, who helps, by when. */
public record Measure(
        long id,
        String what,
        long leadUnitId,
        List<Long> cooperatingUnitIds,
        LocalDate deadline,
        boolean adopted,
        @Nullable String adoptedBy,
        @Nullable Instant adoptedAt) {}
