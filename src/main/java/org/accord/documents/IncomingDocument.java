package org.accord.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An incoming document (来文) and the rules of its handling: signed for, registered with a receipt number,
 * checked (accepted, or returned to the sender and registered again when it comes back), routed to the
 * section that handles it, circulated to leaders, reminded and answered. A step out of order is refused
 * with {@link IncomingRefused} before anything changes.
 */
final class IncomingDocument {

    static final int REASON_MAX = 2000;
    static final int OPINION_MAX = 2000;
    static final int REFERENCE_MAX = 200;

    /** The receipt number given at the first registration: year and sequence, printed 收文〔2026〕15号. */
    record ReceiptNumber(int year, int sequence) {
        String format(String prefix) {
            return prefix + "〔" + year + "〕" + sequence + "号";
        }
    }

    private final long id;
    private IncomingState state;
    private @Nullable ReceiptNumber receiptNumber;
    private final Instant signedAt;
    private final String signedBy;
    private final String signedByName;
    private final IncomingChannel channel;
    private IncomingRegistration registration;
    private @Nullable String registeredBy;
    private @Nullable Long registeredByPerson;
    private @Nullable IncomingReturnReason returnReasonKind;
    private @Nullable String returnReason;
    private @Nullable Long handlingUnitId;
    private @Nullable String handlingUnitName;
    private @Nullable String handlingOpinion;
    private @Nullable LocalDate handlingDeadline;
    private @Nullable IncomingReplyKind replyKind;
    private @Nullable String replyReference;
    private @Nullable LocalDate replyOn;
    private @Nullable Instant closedAt;
    private final long version;

    IncomingDocument(
            long id,
            IncomingState state,
            @Nullable ReceiptNumber receiptNumber,
            Instant signedAt,
            String signedBy,
            String signedByName,
            IncomingChannel channel,
            IncomingRegistration registration,
            @Nullable String registeredBy,
            @Nullable Long registeredByPerson,
            @Nullable IncomingReturnReason returnReasonKind,
            @Nullable String returnReason,
            @Nullable Long handlingUnitId,
            @Nullable String handlingUnitName,
            @Nullable String handlingOpinion,
            @Nullable LocalDate handlingDeadline,
            @Nullable IncomingReplyKind replyKind,
            @Nullable String replyReference,
            @Nullable LocalDate replyOn,
            @Nullable Instant closedAt,
            long version) {
        this.id = id;
        this.state = state;
        this.receiptNumber = receiptNumber;
        this.signedAt = signedAt;
        this.signedBy = signedBy;
        this.signedByName = signedByName;
        this.channel = channel;
        this.registration = registration;
        this.registeredBy = registeredBy;
        this.registeredByPerson = registeredByPerson;
        this.returnReasonKind = returnReasonKind;
        this.returnReason = returnReason;
        this.handlingUnitId = handlingUnitId;
        this.handlingUnitName = handlingUnitName;
        this.handlingOpinion = handlingOpinion;
        this.handlingDeadline = handlingDeadline;
        this.replyKind = replyKind;
        this.replyReference = replyReference;
        this.replyOn = replyOn;
        this.closedAt = closedAt;
        this.version = version;
    }

    /** 签收: a document taken in, with what its cover shows; not yet stored (id 0). */
    static IncomingDocument signed(
            IncomingChannel channel,
            Instant signedAt,
            String signedBy,
            String signedByName,
            IncomingRegistration registration) {
        return new IncomingDocument(
                0,
                IncomingState.SIGNED,
                null,
                signedAt,
                signedBy,
                signedByName,
                channel,
                registration,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }

    /**
     * 登记: records the registration (again, after a return); the receipt number is taken from
     * {@code numbers} only the first time, and only once the step is allowed.
     */
    void register(
            IncomingRegistration corrected,
            String byUsername,
            @Nullable Long byPerson,
            Supplier<ReceiptNumber> numbers) {
        require(EnumSet.of(IncomingState.SIGNED, IncomingState.RETURNED), "documents.incoming.refused.register");
        if (receiptNumber == null) {
            receiptNumber = numbers.get();
        }
        registration = corrected;
        registeredBy = byUsername;
        registeredByPerson = byPerson;
        state = IncomingState.REGISTERED;
    }

    /** 初审通过. */
    void accept() {
        require(EnumSet.of(IncomingState.REGISTERED), "documents.incoming.refused.check");
        returnReasonKind = null;
        returnReason = null;
        state = IncomingState.ACCEPTED;
    }

    /** 退文: back to the sender with a reason; a reason of kind OTHER must be written out. */
    void returnToSender(IncomingReturnReason kind, @Nullable String reason) {
        require(EnumSet.of(IncomingState.REGISTERED), "documents.incoming.refused.check");
        String why = kind == IncomingReturnReason.OTHER
                ? IncomingRegistration.required(reason, REASON_MAX, "documents.incoming.error.reason")
                : IncomingRegistration.optional(reason, REASON_MAX, "documents.incoming.error.reason");
        returnReasonKind = kind;
        returnReason = why;
        state = IncomingState.RETURNED;
    }

    /** 承办: to an office section, with the proposed handling (拟办意见) and a deadline. */
    void route(long unitId, String unitName, @Nullable String opinion, LocalDate deadline) {
        require(EnumSet.of(IncomingState.ACCEPTED), "documents.incoming.refused.route");
        String proposed = IncomingRegistration.required(opinion, OPINION_MAX, "documents.incoming.error.opinion");
        if (deadline.isBefore(registration.receivedOn())) {
            throw new IncomingInputRejected("documents.incoming.error.deadline");
        }
        handlingUnitId = unitId;
        handlingUnitName = unitName;
        handlingOpinion = proposed;
        handlingDeadline = deadline;
        state = IncomingState.ROUTED;
    }

    /** Whether the check may return it now (before the reason is looked at). */
    void checkMayReturn() {
        require(EnumSet.of(IncomingState.REGISTERED), "documents.incoming.refused.check");
    }

    /** Whether it may be routed now (before the section is looked at). */
    void checkMayRoute() {
        require(EnumSet.of(IncomingState.ACCEPTED), "documents.incoming.refused.route");
    }

    /** Whether the reply may be recorded now (before its details are looked at). */
    void checkMayReply() {
        require(EnumSet.of(IncomingState.ROUTED), "documents.incoming.refused.reply");
    }

    /** 传阅 is for a document that passed the check and is not yet answered. */
    void checkMayCirculate() {
        require(EnumSet.of(IncomingState.ACCEPTED, IncomingState.ROUTED), "documents.incoming.refused.circulate");
    }

    /** 催办 is for a document with a handling section. */
    void checkMayRemind() {
        require(EnumSet.of(IncomingState.ROUTED), "documents.incoming.refused.remind");
    }

    /** 答复, which closes it (办结). */
    void reply(IncomingReplyKind kind, @Nullable String reference, @Nullable LocalDate on, Instant now) {
        require(EnumSet.of(IncomingState.ROUTED), "documents.incoming.refused.reply");
        String ref = kind == IncomingReplyKind.PHONE
                ? IncomingRegistration.optional(reference, REFERENCE_MAX, "documents.incoming.error.reference")
                : IncomingRegistration.required(reference, REFERENCE_MAX, "documents.incoming.error.reference");
        if (on == null || on.isBefore(registration.receivedOn())) {
            throw new IncomingInputRejected("documents.incoming.error.replyOn");
        }
        replyKind = kind;
        replyReference = ref;
        replyOn = on;
        closedAt = now;
        state = IncomingState.CLOSED;
    }

    /** The deadline that counts now: the handling deadline once routed, before that the sender's. */
    @Nullable
    LocalDate deadline() {
        return handlingDeadline != null ? handlingDeadline : registration.answerBy();
    }

    boolean isOverdue(LocalDate today) {
        LocalDate deadline = deadline();
        return state != IncomingState.CLOSED && deadline != null && deadline.isBefore(today);
    }

    private void require(Set<IncomingState> allowed, String messageKey) {
        if (!allowed.contains(state)) {
            throw new IncomingRefused(messageKey, id, state);
        }
    }

    long id() {
        return id;
    }

    IncomingState state() {
        return state;
    }

    @Nullable
    ReceiptNumber receiptNumber() {
        return receiptNumber;
    }

    Instant signedAt() {
        return signedAt;
    }

    String signedBy() {
        return signedBy;
    }

    String signedByName() {
        return signedByName;
    }

    IncomingChannel channel() {
        return channel;
    }

    IncomingRegistration registration() {
        return registration;
    }

    @Nullable
    String registeredBy() {
        return registeredBy;
    }

    @Nullable
    Long registeredByPerson() {
        return registeredByPerson;
    }

    @Nullable
    IncomingReturnReason returnReasonKind() {
        return returnReasonKind;
    }

    @Nullable
    String returnReason() {
        return returnReason;
    }

    @Nullable
    Long handlingUnitId() {
        return handlingUnitId;
    }

    @Nullable
    String handlingUnitName() {
        return handlingUnitName;
    }

    @Nullable
    String handlingOpinion() {
        return handlingOpinion;
    }

    @Nullable
    LocalDate handlingDeadline() {
        return handlingDeadline;
    }

    @Nullable
    IncomingReplyKind replyKind() {
        return replyKind;
    }

    @Nullable
    String replyReference() {
        return replyReference;
    }

    @Nullable
    LocalDate replyOn() {
        return replyOn;
    }

    @Nullable
    Instant closedAt() {
        return closedAt;
    }

    long version() {
        return version;
    }
}
