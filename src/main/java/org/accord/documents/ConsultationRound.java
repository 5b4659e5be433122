package org.accord.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A kernel round of a document: the version it sent, its point, its deadline, whether silence agrees. */
record ConsultationRound(
        long roundId,
        long documentId,
        int number,
        long pointId,
        int revision,
        List<Long> unitIds,
        LocalDate deadline,
        boolean silenceAgrees,
        Instant openedAt) {}
