package org.accord.meetings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A meeting as loaded whole, with the checks its steps make before anything is written. */
record Meeting(
        long id,
        long matterId,
        String title,
        MeetingKind kind,
        MeetingStatus status,
        long chairPersonId,
        long organiserPersonId,
        long organiserUnitId,
        @Nullable Long roomId,
        String place,
        Instant startsAt,
        Instant endsAt,
        Instant receiptDeadline,
        String background,
        String purpose,
        String basis,
        String contactName,
        String contactPhone,
        boolean urgent,
        String uid,
        int sequence,
        @Nullable Instant noticeSentAt,
        @Nullable Integer remindedSequence,
        @Nullable Boolean minutesWanted,
        @Nullable Instant concludedAt,
        @Nullable String cancelReason,
        Instant createdAt,
        List<AgendaItem> items,
        List<AttendingUnit> units,
        List<Receipt> receipts,
        List<Cooperation> cooperations,
        List<Decision> decisions) {

    public boolean noticeSent() {
        return noticeSentAt != null;
    }

    public Optional<AttendingUnit> unit(long unitId) {
        return units.stream().filter(unit -> unit.unitId() == unitId).findFirst();
    }

    public Optional<Receipt> receipt(long unitId) {
        return receipts.stream().filter(receipt -> receipt.unitId() == unitId).findFirst();
    }

    public Optional<AgendaItem> item(long itemId) {
        return items.stream().filter(item -> item.id() == itemId).findFirst();
    }

    public List<Long> unitIds() {
        return units.stream().map(AttendingUnit::unitId).toList();
    }

    /** The units asked to attend that have not answered. */
    public List<AttendingUnit> unanswered() {
        return units.stream().filter(unit -> receipt(unit.unitId()).isEmpty()).toList();
    }

    /** Seats needed: the chair, plus one per unit that has not declined (each unit sends one attendee). */
    public int seatsNeeded() {
        long sending = units.stream()
                .filter(unit -> receipt(unit.unitId()).map(Receipt::attending).orElse(true))
                .count();
        return (int) sending + 1;
    }

    public List<Decision> decisions(long itemId) {
        return decisions.stream()
                .filter(decision -> decision.itemId() == itemId)
                .toList();
    }

    void ensureOpen() {
        if (!status.open()) {
            throw new MeetingRefused.MeetingNotOpen();
        }
    }

    void ensureOrganiser(@Nullable Long personId) {
        if (personId == null || personId != organiserPersonId) {
            throw new MeetingRefused.NotTheOrganiser();
        }
    }

    void ensureNoticeSent() {
        ensureOpen();
        if (!noticeSent()) {
            throw new MeetingRefused.NoticeNotSent();
        }
    }

    /** Checks a new attending unit. */
    void ensureCanAsk(long unitId, String unitName) {
        ensureOpen();
        if (unit(unitId).isPresent()) {
            throw new MeetingRefused.UnitAlreadyAsked(unitName);
        }
    }

    /** Checks that the notice can go out: something to discuss and someone to tell. */
    void ensureNoticeReady() {
        ensureOpen();
        if (items.isEmpty() || units.isEmpty()) {
            throw new MeetingRefused.NoticeIncomplete();
        }
    }

    /** Checks that the outcome can be recorded: the meeting has begun and is not cancelled or concluded. */
    void ensureHeld(Instant now) {
        ensureOpen();
        if (now.isBefore(startsAt)) {
            throw new MeetingRefused.NotHeldYet();
        }
    }

    /** The organiser decides on a substitute that waits for it. */
    Receipt substituteWaiting(long unitId) {
        ensureOpen();
        return receipt(unitId).filter(Receipt::awaitingAcceptance).orElseThrow(MeetingRefused.NoSubstituteWaiting::new);
    }

    /** Checks a sign-in of the attendee this receipt names. */
    void ensureCanSignIn(Receipt receipt) {
        ensureNoticeSent();
        if (!receipt.expected()) {
            throw new MeetingRefused.NotExpected();
        }
        if (receipt.signedIn()) {
            throw new MeetingRefused.AlreadySignedIn(receipt.attendeeName() == null ? "" : receipt.attendeeName());
        }
    }
}
