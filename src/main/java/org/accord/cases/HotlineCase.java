package org.accord.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A citizen's request to the hotline, with its units' shares. Guards every step of the 12345 loop; a
 * refused step throws {@link CaseRefused} and changes nothing.
 */
class HotlineCase {

    @Nullable
    Long id;

    @Nullable
    String number;

    Channel channel;

    @Nullable
    String callerName;

    @Nullable
    String phone;

    boolean confidential;

    @Nullable
    String address;

    @Nullable
    String districtCode;

    @Nullable
    String categoryCode;

    boolean urgent;
    String description;

    @Nullable
    Double lat;

    @Nullable
    Double lon;

    CaseStatus status = CaseStatus.RECEIVED;

    @Nullable
    String timeLimitCode;

    @Nullable
    LocalDate deadline;

    @Nullable
    Long leadUnitId;

    @Nullable
    Long matterId;

    @Nullable
    Long masterId;

    int reopenCount;
    boolean escalated;

    @Nullable
    LocalDate suspendedSince;

    @Nullable
    String suspendReason;

    @Nullable
    String replyText;

    @Nullable
    Satisfaction satisfaction;

    @Nullable
    Solved solved;

    @Nullable
    Closing closing;

    @Nullable
    String closeReason;

    @Nullable
    Long delegatedBy;

    @Nullable
    String delegationInstruction;

    @Nullable
    String delegationScope;

    @Nullable
    Long dispatcherId;

    @Nullable
    String token;

    String createdBy;
    Instant createdAt;

    @Nullable
    Instant dispatchedAt;

    Instant updatedAt;

    @Nullable
    Instant closedAt;

    final List<Share> shares = new ArrayList<>();

    HotlineCase(Channel channel, String description, String createdBy, Instant now) {
        this.channel = channel;
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean suspended() {
        return suspendedSince != null;
    }

    List<Share> activeShares() {
        return shares.stream().filter(Share::active).toList();
    }

    Optional<Share> leadShare() {
        return shares.stream().filter(s -> s.active() && s.lead()).findFirst();
    }

    Optional<Share> share(long shareId) {
        return shares.stream().filter(s -> s.id != null && s.id == shareId).findFirst();
    }

    void requireOpen() {
        if (status.finished()) {
            throw new CaseRefused(status == CaseStatus.MERGED ? "cases.refused.merged" : "cases.refused.closed");
        }
    }

    /** 首呼解决: answered at once, before any dispatch. */
    void answerAtOnce(String answer, Instant now) {
        requireOpen();
        if (status != CaseStatus.RECEIVED) {
            throw new CaseRefused("cases.refused.alreadyDispatched");
        }
        replyText = answer;
        close(Closing.FIRST_CONTACT, null, now);
    }

    /** Dispatch (派单) to a lead unit and cooperating units with a deadline. */
    void dispatch(String timeLimit, LocalDate deadline, Instant now) {
        requireOpen();
        if (status != CaseStatus.RECEIVED) {
            throw new CaseRefused("cases.refused.alreadyDispatched");
        }
        this.timeLimitCode = timeLimit;
        this.deadline = deadline;
        this.status = CaseStatus.DISPATCHED;
        this.dispatchedAt = now;
    }

    void requireHandling() {
        requireOpen();
        if (status != CaseStatus.DISPATCHED) {
            throw new CaseRefused("cases.refused.notHandling");
        }
    }

    /** The lead unit may reply only once every cooperating unit still on the case has reported. */
    void requireCooperatorsReported() {
        boolean pending = shares.stream().anyMatch(s -> s.active() && !s.lead() && s.status != ShareStatus.REPORTED);
        if (pending) {
            throw new CaseRefused("cases.refused.cooperatingNotReported");
        }
    }

    /** The lead unit's head approved the reply: it reaches the office. */
    void replied(String text, Instant now) {
        requireHandling();
        replyText = text;
        status = CaseStatus.REPLIED;
        updatedAt = now;
    }

    void acceptReply(Instant now) {
        requireOpen();
        if (status != CaseStatus.REPLIED) {
            throw new CaseRefused("cases.refused.noReply");
        }
        status = CaseStatus.VISIT;
        updatedAt = now;
    }

    void sendReplyBack(Instant now) {
        requireOpen();
        if (status != CaseStatus.REPLIED) {
            throw new CaseRefused("cases.refused.noReply");
        }
        status = CaseStatus.DISPATCHED;
        leadShare().ifPresent(Share::workAgain);
        updatedAt = now;
    }

    /** 回访: satisfied closes the case; otherwise the office decides to reopen or close with a reason. */
    void visit(Satisfaction satisfaction, Solved solved, Instant now) {
        requireOpen();
        if (status != CaseStatus.VISIT) {
            throw new CaseRefused("cases.refused.noVisitDue");
        }
        this.satisfaction = satisfaction;
        this.solved = solved;
        if (satisfaction.satisfied()) {
            close(Closing.SATISFIED, null, now);
        } else {
            status = CaseStatus.UNSATISFIED;
            updatedAt = now;
        }
    }

    /** 重办: back to the lead unit with a new deadline; the count drives escalation. */
    void reopen(LocalDate newDeadline, Instant now) {
        requireOpen();
        if (status != CaseStatus.UNSATISFIED) {
            throw new CaseRefused("cases.refused.notUnsatisfied");
        }
        reopenCount++;
        deadline = newDeadline;
        status = CaseStatus.DISPATCHED;
        satisfaction = null;
        solved = null;
        leadShare().ifPresent(Share::workAgain);
        updatedAt = now;
    }

    void closeWithReason(String reason, Instant now) {
        requireOpen();
        if (status != CaseStatus.UNSATISFIED) {
            throw new CaseRefused("cases.refused.notUnsatisfied");
        }
        close(Closing.WITH_REASON, reason, now);
    }

    private void close(Closing how, @Nullable String reason, Instant now) {
        status = CaseStatus.CLOSED;
        closing = how;
        closeReason = reason;
        closedAt = now;
        updatedAt = now;
        suspendedSince = null;
    }

    /** 并案: a duplicate points to its master; updates go there. */
    void mergeInto(HotlineCase master, Instant now) {
        requireOpen();
        if (status != CaseStatus.RECEIVED && status != CaseStatus.DISPATCHED) {
            throw new CaseRefused("cases.refused.mergeNotNow");
        }
        if (master.id == null || master.id.equals(id)) {
            throw new CaseRefused("cases.refused.mergeIntoSelf");
        }
        if (master.status.finished()) {
            throw new CaseRefused("cases.refused.masterFinished");
        }
        masterId = master.id;
        status = CaseStatus.MERGED;
        closedAt = now;
        updatedAt = now;
    }

    /** The clock stops (e.g. waiting for the citizen). */
    void suspend(String reason, LocalDate today, Instant now) {
        requireHandling();
        if (suspended()) {
            throw new CaseRefused("cases.refused.alreadySuspended");
        }
        suspendedSince = today;
        suspendReason = reason;
        updatedAt = now;
    }

    /** The clock runs again; the deadline moves by the working days it stood still. */
    void resume(LocalDate newDeadline, Instant now) {
        requireOpen();
        if (!suspended()) {
            throw new CaseRefused("cases.refused.notSuspended");
        }
        suspendedSince = null;
        suspendReason = null;
        deadline = newDeadline;
        updatedAt = now;
    }
}
