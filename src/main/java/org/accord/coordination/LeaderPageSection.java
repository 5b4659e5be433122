package org.accord.coordination;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A section another module puts on the leader's page, e.g. the overdue supervised tasks in the units
 * routed to him. Each item can be acted on in one step: a form posting an optional written
 * instruction (批示) to {@code actionPath}.
 *
 * @param headingKey message key of the section's heading
 * @param emptyKey message key shown when there are no items
 * @param items the items, most pressing first
 */
public record LeaderPageSection(String headingKey, String emptyKey, List<Item> items) {

    /**
     * @param title what the item is
     * @param detail one line on why it is here (e.g. how long overdue, which unit)
     * @param link where the item's page is
     * @param actionPath where the one-step action posts, with a parameter {@code instruction}
     * @param actionKey message key of the action's button
     */
    public record Item(
            String title,
            String detail,
            String link,
            @Nullable String actionPath,
            String actionKey) {}

    /** Supplies a section for the signed-in leader; modules that sit above coordination implement it. */
    public interface Source {
        LeaderPageSection forCurrentLeader();
    }
}
