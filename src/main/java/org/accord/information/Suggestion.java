package org.accord.information;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A suggestion (建议) filed by office staff to a leader, with its basis and the leader's answer. */
record Suggestion(
        long id,
        long leaderId,
        @Nullable Long concernId,
        String title,
        String body,
        String basis,
        long authorId,
        String authorName,
        long authorUnitId,
        Instant filedAt,
        @Nullable Instant readAt,
        @Nullable String answer,
        @Nullable Instant answeredAt) {}
