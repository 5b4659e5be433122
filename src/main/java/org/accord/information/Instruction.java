package org.accord.information;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A leader's instruction (批示) on a brief, word for word, with what it became and whom it reached. */
record Instruction(
        long id,
        long briefId,
        long leaderId,
        String leaderName,
        String text,
        InstructionOutcome outcome,
        @Nullable Long leadUnitId,
        List<Long> unitIds,
        @Nullable LocalDate deadline,
        @Nullable Long taskId,
        @Nullable Long matterId,
        String relayedTo,
        Instant createdAt) {

    public boolean awaitingMatter() {
        return outcome == InstructionOutcome.MATTER && matterId == null;
    }
}
