package org.accord.basis;

import java.util.Locale;
import java.util.Optional;

/**
 * What the office is writing to units, to which a basis is cited: a case being dispatched, a document in
 * consultation, a meeting whose notice goes out, a supervised task whose unit is urged (催办).
 */
public record BasisTarget(Kind kind, long id) {

    public enum Kind {
        CASE,
        DOCUMENT,
        MEETING,
        TASK
    }

    public static BasisTarget ofCase(long id) {
        return new BasisTarget(Kind.CASE, id);
    }

    public static BasisTarget ofDocument(long id) {
        return new BasisTarget(Kind.DOCUMENT, id);
    }

    public static BasisTarget ofMeeting(long id) {
        return new BasisTarget(Kind.MEETING, id);
    }

    public static BasisTarget ofTask(long id) {
        return new BasisTarget(Kind.TASK, id);
    }

    /** The form pages carry it as {@code CASE:12}. */
    static Optional<BasisTarget> parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        try {
            Kind kind = Kind.valueOf(text.substring(0, colon).toUpperCase(Locale.ROOT));
            long id = Long.parseLong(text.substring(colon + 1));
            return id > 0 ? Optional.of(new BasisTarget(kind, id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return kind.name() + ":" + id;
    }
}
