package org.accord.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConflictsTest {

    static final long CHEN = 3;
    static final long LIU = 4;
    static final long GU = 74;
    static final Room FIRST = new Room(1, "SZF-HYS1", "市政府第一会议室", 40, "三楼");
    static final Room SECOND = new Room(2, "SZF-HYS2", "市政府第二会议室", 20, "四楼");
    static final Instant NINE = Instant.parse("2026-12-01T01:00:00Z");
    static final Instant TEN_THIRTY = Instant.parse("2026-12-01T02:30:00Z");

    static Conflicts.Slot slot(long chair, Room room, int seats, Map<Long, String> people) {
        return new Conflicts.Slot(0, NINE, TEN_THIRTY, chair, "陈志华", room, seats, people);
    }

    static Conflicts.Booking booking(long chair, Room room, Instant start, Instant end, Set<Long> people) {
        return new Conflicts.Booking(9, "另一会议", start, end, chair, room.id(), people);
    }

    @Test
    void aChairAlreadyChairingAtThatTimeBlocks() {
        var found = Conflicts.check(
                slot(CHEN, FIRST, 5, Map.of()),
                List.of(booking(CHEN, SECOND, NINE.plusSeconds(1800), TEN_THIRTY.plusSeconds(3600), Set.of())),
                true);

        assertThat(found).extracting(Conflicts.Conflict::kind).containsExactly(Conflicts.Kind.CHAIR_BUSY);
        assertThat(found.get(0).blocking()).isTrue();
        assertThat(found.get(0).subject()).isEqualTo("陈志华");
        assertThat(found.get(0).other()).isEqualTo("另一会议");
    }

    @Test
    void aChairExpectedAsAnAttendeeElsewhereBlocksToo() {
        var found = Conflicts.check(
                slot(CHEN, FIRST, 5, Map.of()), List.of(booking(LIU, SECOND, NINE, TEN_THIRTY, Set.of(CHEN))), true);

        assertThat(found).extracting(Conflicts.Conflict::kind).containsExactly(Conflicts.Kind.CHAIR_BUSY);
    }

    @Test
    void aRoomBookedByAnOverlappingMeetingBlocks() {
        var found = Conflicts.check(
                slot(CHEN, FIRST, 5, Map.of()),
                List.of(booking(LIU, FIRST, NINE.minusSeconds(3600), NINE.plusSeconds(60), Set.of())),
                true);

        assertThat(found).extracting(Conflicts.Conflict::kind).containsExactly(Conflicts.Kind.ROOM_BUSY);
        assertThat(found.get(0).subject()).isEqualTo("市政府第一会议室");
    }

    @Test
    void meetingsThatOnlyTouchDoNotCollide() {
        var found = Conflicts.check(
                slot(CHEN, FIRST, 5, Map.of(GU, "顾子涵")),
                List.of(
                        booking(CHEN, FIRST, TEN_THIRTY, TEN_THIRTY.plusSeconds(3600), Set.of(GU)),
                        booking(CHEN, FIRST, NINE.minusSeconds(3600), NINE, Set.of(GU))),
                true);

        assertThat(found).isEmpty();
    }

    @Test
    void aRequiredAttendeeExpectedElsewhereIsAWarningOnly() {
        var found = Conflicts.check(
                slot(CHEN, FIRST, 5, Map.of(GU, "顾子涵")),
                List.of(booking(LIU, SECOND, NINE, TEN_THIRTY, Set.of(GU))),
                true);

        assertThat(found).singleElement().satisfies(conflict -> {
            assertThat(conflict.kind()).isEqualTo(Conflicts.Kind.PERSON_BUSY);
            assertThat(conflict.blocking()).isFalse();
            assertThat(conflict.subject()).isEqualTo("顾子涵");
        });
    }

    @Test
    void moreAttendeesThanSeatsBlocks() {
        assertThat(Conflicts.check(slot(CHEN, SECOND, 21, Map.of()), List.of(), true))
                .extracting(Conflicts.Conflict::kind)
                .containsExactly(Conflicts.Kind.OVER_CAPACITY);
        assertThat(Conflicts.check(slot(CHEN, SECOND, 20, Map.of()), List.of(), true))
                .isEmpty();
    }

    @Test
    void aNonWorkingDayIsAllowedWithAWarning() {
        var found = Conflicts.check(slot(CHEN, FIRST, 5, Map.of()), List.of(), false);

        assertThat(found).singleElement().satisfies(conflict -> {
            assertThat(conflict.kind()).isEqualTo(Conflicts.Kind.NON_WORKING_DAY);
            assertThat(conflict.blocking()).isFalse();
        });
    }

    @Test
    void theMeetingItselfIsNotItsOwnConflict() {
        var itself = new Conflicts.Booking(0, "本会议", NINE, TEN_THIRTY, CHEN, FIRST.id(), Set.of());

        assertThat(Conflicts.check(slot(CHEN, FIRST, 5, Map.of()), List.of(itself), true))
                .isEmpty();
    }
}
