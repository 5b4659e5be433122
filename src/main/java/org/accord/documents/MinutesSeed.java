package org.accord.documents;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A concluded meeting whose minutes are wanted, kept until its organiser starts the draft. */
record MinutesSeed(
        long id,
        long meetingId,
        long matterId,
        long organiserId,
        long chairId,
        String title,
        String kind,
        LocalDateTime start,
        String place,
        List<String> present,
        List<String> absent,
        List<String> observers,
        String outcomes,
        List<Revision.Decision> decisions,
        Instant receivedAt,
        @Nullable Long documentId) {}
