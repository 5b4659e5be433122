package org.accord.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One notice in one person's inbox. */
record InboxItem(
        long id,
        long personId,
        String kind,
        Urgency urgency,
        String title,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }

    public boolean urgent() {
        return urgency == Urgency.URGENT;
    }
}
