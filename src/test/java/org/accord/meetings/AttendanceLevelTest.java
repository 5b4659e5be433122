package org.accord.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who is a substitute (代会), and what a receipt means for the sign-in list. */
class AttendanceLevelTest {

    @Test
    void someoneBelowTheRequiredLevelIsASubstitute() {
        assertThat(AttendanceLevel.IN_CHARGE.substitutesFor(AttendanceLevel.PRINCIPAL))
                .isTrue();
        assertThat(AttendanceLevel.STAFF.substitutesFor(AttendanceLevel.PRINCIPAL))
                .isTrue();
        assertThat(AttendanceLevel.STAFF.substitutesFor(AttendanceLevel.OTHER_LEADER))
                .isTrue();
        assertThat(AttendanceLevel.OTHER_LEADER.substitutesFor(AttendanceLevel.IN_CHARGE))
                .isTrue();
    }

    @Test
    void theRequiredLevelOrAHigherOneIsNot() {
        assertThat(AttendanceLevel.PRINCIPAL.substitutesFor(AttendanceLevel.PRINCIPAL))
                .isFalse();
        assertThat(AttendanceLevel.PRINCIPAL.substitutesFor(AttendanceLevel.IN_CHARGE))
                .isFalse();
        assertThat(AttendanceLevel.IN_CHARGE.substitutesFor(AttendanceLevel.STAFF))
                .isFalse();
        assertThat(AttendanceLevel.STAFF.substitutesFor(AttendanceLevel.STAFF)).isFalse();
    }

    static Receipt receipt(boolean attending, boolean substitute, String decision) {
        return new Receipt(
                1,
                2,
                attending,
                "张欣悦",
                "副局长",
                "139",
                null,
                AttendanceLevel.IN_CHARGE,
                attending ? null : "出差",
                substitute,
                decision,
                "weilijuan",
                Instant.EPOCH,
                "t",
                null,
                null);
    }

    @Test
    void aSubstituteWaitsForTheOrganiserAndIsExpectedUnlessRefused() {
        Receipt waiting = receipt(true, true, null);
        assertThat(waiting.awaitingAcceptance()).isTrue();
        assertThat(waiting.expected()).isTrue();

        Receipt accepted = receipt(true, true, Receipt.ACCEPTED);
        assertThat(accepted.awaitingAcceptance()).isFalse();
        assertThat(accepted.expected()).isTrue();

        Receipt refused = receipt(true, true, Receipt.REFUSED);
        assertThat(refused.awaitingAcceptance()).isFalse();
        assertThat(refused.expected()).isFalse();
    }

    @Test
    void aDecliningUnitIsNotExpectedAndNeedsNoAcceptance() {
        Receipt declined = receipt(false, false, null);
        assertThat(declined.expected()).isFalse();
        assertThat(declined.awaitingAcceptance()).isFalse();
        assertThat(receipt(true, false, null).awaitingAcceptance()).isFalse();
    }
}
