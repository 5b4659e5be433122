package org.accord.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One e-mail or SMS for one inbox item, with the item's text. */
record Delivery(
        long id,
        long inboxId,
        long personId,
        Channel channel,
        @Nullable String address,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant sentAt,
        String kind,
        Urgency urgency,
        String title,
        String body,
        @Nullable String link) {}
