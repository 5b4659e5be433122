package org.accord.meetings;

import org.jspecify.annotations.Nullable;

/**
 * A unit asked to attend.
 *
 * @param level who it must send
 * @param important whether the organiser marked it as an important department (重要部门): its divergences are
 *     named in the warnings
 * @param observer attends without a vote (列席)
 * @param requiredPersonId the person expected to come, if known: checked against other meetings at that time
 */
record AttendingUnit(
        long id,
        long unitId,
        String unitName,
        AttendanceLevel level,
        boolean important,
        boolean observer,
        @Nullable Long requiredPersonId) {}
