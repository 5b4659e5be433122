package org.accord.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One unit's share of a case: it signs for it, may ask to return it or for more time, and reports (a
 * cooperating unit, to the lead) or replies (the lead unit, after its head approves). Guards its own steps.
 */
class Share {

    @Nullable
    Long id;

    final long caseId;
    final long unitId;
    final ShareRole role;
    ShareStatus status;
    final Instant assignedAt;
    final Instant signDue;

    @Nullable
    Instant signedAt;

    @Nullable
    String reportText;

    @Nullable
    Instant reportedAt;

    @Nullable
    String returnReason;

    @Nullable
    String returnBasis;

    @Nullable
    Long returnSuggestedUnitId;

    @Nullable
    LocalDate extensionUntil;

    @Nullable
    String extensionReason;

    @Nullable
    Long draftedBy;

    @Nullable
    Long approvedBy;

    Share(long caseId, long unitId, ShareRole role, Instant assignedAt, Instant signDue) {
        this.caseId = caseId;
        this.unitId = unitId;
        this.role = role;
        this.status = ShareStatus.ASSIGNED;
        this.assignedAt = assignedAt;
        this.signDue = signDue;
    }

    boolean lead() {
        return role == ShareRole.LEAD;
    }

    boolean active() {
        return status.active();
    }

    void signFor(Instant now) {
        if (status != ShareStatus.ASSIGNED) {
            throw new CaseRefused("cases.refused.alreadySigned");
        }
        status = ShareStatus.SIGNED;
        signedAt = now;
    }

    /** 退单: only while assigned or just signed, and before the return window closes. */
    void requestReturn(String reason, String basis, @Nullable Long suggestedUnitId, Instant now, Instant returnDue) {
        if (status != ShareStatus.ASSIGNED && status != ShareStatus.SIGNED) {
            throw new CaseRefused("cases.refused.returnNotNow");
        }
        if (now.isAfter(returnDue)) {
            throw new CaseRefused("cases.refused.returnTooLate");
        }
        returnReason = reason;
        returnBasis = basis;
        returnSuggestedUnitId = suggestedUnitId;
        status = ShareStatus.RETURN_REQUESTED;
    }

    void acceptReturn() {
        requireReturnRequested();
        status = ShareStatus.RETURNED;
    }

    void rejectReturn() {
        requireReturnRequested();
        status = signedAt == null ? ShareStatus.ASSIGNED : ShareStatus.SIGNED;
    }

    private void requireReturnRequested() {
        if (status != ShareStatus.RETURN_REQUESTED) {
            throw new CaseRefused("cases.refused.noReturnRequested");
        }
    }

    /** 延期: the lead unit, signed for, before the deadline passes, one request at a time. */
    void requestExtension(LocalDate until, String reason, LocalDate deadline, LocalDate today) {
        if (!lead()) {
            throw new NotYourStep("cases.forbidden.leadOnly");
        }
        if (status != ShareStatus.SIGNED) {
            throw new CaseRefused("cases.refused.notSigned");
        }
        if (extensionUntil != null) {
            throw new CaseRefused("cases.refused.extensionPending");
        }
        if (today.isAfter(deadline)) {
            throw new CaseRefused("cases.refused.extensionTooLate");
        }
        if (!until.isAfter(deadline)) {
            throw new CaseInputRejected("cases.error.extensionDate");
        }
        extensionUntil = until;
        extensionReason = reason;
    }

    LocalDate decideExtension() {
        LocalDate until = extensionUntil;
        if (until == null) {
            throw new CaseRefused("cases.refused.noExtensionPending");
        }
        extensionUntil = null;
        extensionReason = null;
        return until;
    }

    /** A cooperating unit reports its part to the lead unit. */
    void report(String text, Instant now) {
        if (lead()) {
            throw new NotYourStep("cases.forbidden.cooperatingOnly");
        }
        if (status == ShareStatus.ASSIGNED) {
            throw new CaseRefused("cases.refused.notSigned");
        }
        if (status != ShareStatus.SIGNED) {
            throw new CaseRefused("cases.refused.alreadyReported");
        }
        reportText = text;
        reportedAt = now;
        status = ShareStatus.REPORTED;
    }

    void draftReply(long byPersonId) {
        if (!lead()) {
            throw new NotYourStep("cases.forbidden.leadOnly");
        }
        if (status == ShareStatus.ASSIGNED) {
            throw new CaseRefused("cases.refused.notSigned");
        }
        if (status != ShareStatus.SIGNED) {
            throw new CaseRefused("cases.refused.replyNotNow");
        }
        draftedBy = byPersonId;
        status = ShareStatus.DRAFTED;
    }

    void approveReply(long headPersonId, Instant now) {
        requireDrafted();
        approvedBy = headPersonId;
        reportedAt = now;
        status = ShareStatus.REPLIED;
    }

    void rejectDraft() {
        requireDrafted();
        status = ShareStatus.SIGNED;
    }

    private void requireDrafted() {
        if (status != ShareStatus.DRAFTED) {
            throw new CaseRefused("cases.refused.noDraft");
        }
    }

    /** The office sent the reply back or the case was reopened: the lead unit works on it again. */
    void workAgain() {
        approvedBy = null;
        draftedBy = null;
        status = ShareStatus.SIGNED;
    }
}
