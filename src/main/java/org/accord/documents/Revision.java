package org.accord.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One saved version of a document: every drafting field as it was, who saved it, when. Units are held by
 * their directory ids; {@code fullText} is the whole text as read, which differences and anchors work on.
 */
record Revision(
        long id,
        int number,
        String title,
        @Nullable String urgency,
        @Nullable String classification,
        List<Long> mainAddressees,
        List<Long> copyTo,
        List<Long> coIssuers,
        String body,
        List<String> attachments,
        @Nullable String note,
        @Nullable String printingUnit,
        List<String> present,
        List<String> excused,
        List<String> observers,
        List<Decision> decisions,
        String fullText,
        @Nullable Long rulingPointId,
        String savedBy,
        String savedByName,
        Instant savedAt) {

    /** A 议定事项 of minutes: what, which unit leads, which help, by when. */
    record Decision(
            String text,
            @Nullable Long leadUnitId,
            List<Long> cooperatingUnitIds,
            @Nullable LocalDate deadline) {}
}
