package org.accord.meetings;

import org.jspecify.annotations.Nullable;

/** One agenda item; its kernel point (if positions were asked on it) and, once held, its outcome. */
record AgendaItem(
        long id,
        int number,
        String title,
        String presenter,
        @Nullable Long pointId,
        @Nullable String outcome) {}
