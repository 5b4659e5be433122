package org.accord.duty;

import org.jspecify.annotations.Nullable;

/**
 * What the duty officer records at intake (接报), from the page or the API. Fields not given take the form's
 * defaults: received now, by phone, no casualties, not a drill.
 *
 * @param receivedAt when the report came in, to the second: {@code 2026-11-27T09:15:30} in the calendar's zone,
 *     or with an offset; empty for now
 * @param reporterUnitId the reporting unit from the directory, or empty for a reporter without a unit (a resident)
 */
record IntakeForm(
        @Nullable String receivedAt,
        @Nullable Long reporterUnitId,
        @Nullable String reporterName,
        @Nullable String reporterPosition,
        @Nullable String reporterPhone,
        @Nullable IntakeChannel channel,
        @Nullable EventClass eventClass,
        @Nullable String eventType,
        @Nullable Level level,
        @Nullable Long districtUnitId,
        @Nullable Long concernedUnitId,
        @Nullable String place,
        @Nullable String what,
        @Nullable Integer deaths,
        @Nullable Integer injured,
        @Nullable Integer missing,
        @Nullable String measuresTaken,
        @Nullable String doubtful,
        @Nullable Boolean drill) {}
