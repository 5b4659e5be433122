package org.accord.notify;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something to tell some people: it lands in each recipient's inbox and, by their preferences,
 * goes out by e-mail and SMS.
 *
 * @param recipients directory person ids
 * @param kind what it is about, a dotted name owned by the sending module (e.g. {@code directory.import},
 *     {@code duty.incident}); people choose their channels per kind
 * @param urgency an urgent notice ignores preferences and quiet hours for e-mail and SMS
 * @param title one line, shown in the inbox, the toast, the e-mail subject and the SMS
 * @param body the text, shown in the inbox and the e-mail
 * @param link the object's page, a relative URL of the application ({@code /cases/12}), if any
 */
public record Notice(
        Set<Long> recipients,
        String kind,
        Urgency urgency,
        String title,
        String body,
        @Nullable String link) {

    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 4000;
    public static final int KIND_MAX = 64;
    public static final int LINK_MAX = 500;

    public Notice {
        recipients = Set.copyOf(new LinkedHashSet<>(recipients));
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("A notice needs at least one recipient");
        }
        if (kind.isBlank() || kind.length() > KIND_MAX) {
            throw new IllegalArgumentException("A notice's kind must be 1-" + KIND_MAX + " characters: " + kind);
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("A notice needs a title");
        }
        title = clip(title.strip(), TITLE_MAX);
        body = clip(body, BODY_MAX);
        if (link != null && (!isRelative(link) || link.length() > LINK_MAX)) {
            throw new IllegalArgumentException("A notice's link must be a relative URL of the application: " + link);
        }
    }

    /** A normal notice. */
    public static Notice of(
            Collection<Long> recipients, String kind, String title, String body, @Nullable String link) {
        return new Notice(Set.copyOf(recipients), kind, Urgency.NORMAL, title, body, link);
    }

    /** An urgent notice: e-mail and SMS at once, whatever the preferences and quiet hours. */
    public static Notice urgent(
            Collection<Long> recipients, String kind, String title, String body, @Nullable String link) {
        return new Notice(Set.copyOf(recipients), kind, Urgency.URGENT, title, body, link);
    }

    /** Whether a link stays inside the application: one leading slash, no scheme, no host. */
    static boolean isRelative(String link) {
        return link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\");
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
