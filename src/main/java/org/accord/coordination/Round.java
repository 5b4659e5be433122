package org.accord.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One consultation round: the units asked, the points asked, by when. */
public record Round(
        long id,
        int number,
        LocalDate deadline,
        RoundVisibility visibility,
        boolean open,
        List<Long> partyUnitIds,
        List<Long> pointIds,
        Instant openedAt,
        @Nullable Instant closedAt) {

    public boolean asks(long unitId, long pointId) {
        return partyUnitIds.contains(unitId) && pointIds.contains(pointId);
    }

    public boolean blind() {
        return visibility == RoundVisibility.BLIND;
    }
}
