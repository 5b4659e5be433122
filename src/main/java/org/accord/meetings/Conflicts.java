package org.accord.meetings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The conflicts of a meeting's time and place with the other meetings still to be held, and with the seats
 * and the working calendar. Pure: the caller loads the other meetings that overlap.
 */
final class Conflicts {

    enum Kind {
        /** The chairing leader chairs or attends another meeting then. */
        CHAIR_BUSY(true),
        /** The room is booked by another meeting then. */
        ROOM_BUSY(true),
        /** More people are expected than the room seats. */
        OVER_CAPACITY(true),
        /** A person expected to attend is expected at another meeting then. */
        PERSON_BUSY(false),
        /** The meeting falls on a weekend or holiday: allowed, with a warning. */
        NON_WORKING_DAY(false);

        private final boolean blocking;

        Kind(boolean blocking) {
            this.blocking = blocking;
        }

        boolean blocking() {
            return blocking;
        }
    }

    /** One conflict; {@code subject} and {@code other} fill the message. */
    record Conflict(Kind kind, String subject, String other) {

        public boolean blocking() {
            return kind.blocking();
        }

        public String messageKey() {
            return "meetings.conflict." + kind.name();
        }
    }

    /**
     * The meeting being planned.
     *
     * @param people the persons expected (required attendees and those named in receipts), by id, with names
     */
    record Slot(
            long meetingId,
            Instant start,
            Instant end,
            long chairId,
            String chairName,
            @Nullable Room room,
            int seatsNeeded,
            Map<Long, String> people) {}

    /** Another meeting still to be held: its chair, room and the persons expected there. */
    record Booking(
            long meetingId,
            String title,
            Instant start,
            Instant end,
            long chairId,
            @Nullable Long roomId,
            Set<Long> people) {

        boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && from.isBefore(end);
        }
    }

    private Conflicts() {}

    static List<Conflict> check(Slot slot, List<Booking> others, boolean workingDay) {
        List<Conflict> found = new ArrayList<>();
        for (Booking other : others) {
            if (other.meetingId() == slot.meetingId() || !other.overlaps(slot.start(), slot.end())) {
                continue;
            }
            if (other.chairId() == slot.chairId() || other.people().contains(slot.chairId())) {
                found.add(new Conflict(Kind.CHAIR_BUSY, slot.chairName(), other.title()));
            }
            Room room = slot.room();
            if (room != null && Objects.equals(other.roomId(), room.id())) {
                found.add(new Conflict(Kind.ROOM_BUSY, room.name(), other.title()));
            }
            slot.people().forEach((personId, name) -> {
                if (personId != slot.chairId() && (other.people().contains(personId) || other.chairId() == personId)) {
                    found.add(new Conflict(Kind.PERSON_BUSY, name, other.title()));
                }
            });
        }
        Room room = slot.room();
        if (room != null && slot.seatsNeeded() > room.capacity()) {
            found.add(new Conflict(
                    Kind.OVER_CAPACITY, room.name() + "（" + room.capacity() + "）", String.valueOf(slot.seatsNeeded())));
        }
        if (!workingDay) {
            found.add(new Conflict(Kind.NON_WORKING_DAY, "", ""));
        }
        return List.copyOf(found);
    }
}
