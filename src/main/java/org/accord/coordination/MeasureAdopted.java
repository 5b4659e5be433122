package org.accord.coordination;

import java.time.LocalDate;
import java.util.Set;

/**
 * A measure that came out of a matter and is now to be carried out: the supervision module opens a
 * supervised task for it.
 *
 * @param matterId the matter it came out of
 * @param measureId the measure, unique across matters
 * @param what the operable text of the measure
 * @param leadUnitId the unit that answers for it (主办)
 * @param cooperatingUnitIds the units that help (协办)
 * @param deadline the day by which it must be done
 * @param adoptedBy the username of whoever adopted it
 */
public record MeasureAdopted(
        long matterId,
        long measureId,
        String what,
        long leadUnitId,
        Set<Long> cooperatingUnitIds,
        LocalDate deadline,
        String adoptedBy) {}
