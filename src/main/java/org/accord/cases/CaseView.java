package org.accord.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A case as one viewer may see it: the caller's identity hidden from units when asked, phone numbers masked
 * for units; the deadline's colour and the overdue flag derived for today.
 */
record CaseView(
        long id,
        String number,
        CaseStatus status,
        Channel channel,
        String callerName,
        String phone,
        boolean confidential,
        @Nullable String address,
        @Nullable String districtCode,
        String districtName,
        @Nullable String categoryCode,
        String categoryName,
        boolean urgent,
        String description,
        @Nullable String timeLimitCode,
        @Nullable LocalDate deadline,
        String deadlineColour,
        boolean overdue,
        @Nullable Long leadUnitId,
        String leadUnitName,
        @Nullable Long matterId,
        @Nullable Long masterId,
        @Nullable String masterNumber,
        int reopenCount,
        boolean escalated,
        @Nullable LocalDate suspendedSince,
        @Nullable String suspendReason,
        @Nullable String replyText,
        @Nullable Satisfaction satisfaction,
        @Nullable Solved solved,
        @Nullable Closing closing,
        @Nullable String closeReason,
        @Nullable String delegatedByName,
        @Nullable String delegationInstruction,
        @Nullable String delegationScope,
        Instant createdAt,
        @Nullable Instant dispatchedAt,
        @Nullable Instant closedAt,
        List<ShareView> shares) {

    record ShareView(
            long id,
            long unitId,
            String unitName,
            ShareRole role,
            ShareStatus status,
            Instant signDue,
            @Nullable Instant signedAt,
            boolean signLate,
            @Nullable String reportText,
            @Nullable String returnReason,
            @Nullable String returnBasis,
            @Nullable String suggestedUnitName,
            @Nullable LocalDate extensionUntil,
            @Nullable String extensionReason) {}

    /** A line of a case list. */
    record Line(
            long id,
            String number,
            CaseStatus status,
            String categoryName,
            String districtName,
            String phone,
            @Nullable String address,
            String summary,
            boolean urgent,
            @Nullable LocalDate deadline,
            String deadlineColour,
            boolean overdue,
            String leadUnitName,
            boolean suspended,
            Instant createdAt) {}
}
