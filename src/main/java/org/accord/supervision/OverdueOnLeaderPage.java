package org.accord.supervision;

import java.util.List;
import java.util.Locale;
import org.accord.coordination.LeaderPageSection;
import org.accord.security.DataScopes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts the overdue tasks of the units routed to a leader on his page, each to be urged in one step. */
@Component
class OverdueOnLeaderPage implements LeaderPageSection.Source {

    private final TaskDesk desk;
    private final DataScopes scopes;
    private final MessageSource messages;

    OverdueOnLeaderPage(TaskDesk desk, DataScopes scopes, MessageSource messages) {
        this.desk = desk;
        this.scopes = scopes;
        this.messages = messages;
    }

    @Override
    public LeaderPageSection forCurrentLeader() {
        List<LeaderPageSection.Item> items = desk.overdue(scopes.current()).stream()
                .map(task -> new LeaderPageSection.Item(
                        task.title(),
                        messages.getMessage(
                                "supervision.leader.overdue.detail",
                                new Object[] {task.leadUnitName(), task.deadline(), desk.workingDaysOverdue(task)},
                                Locale.SIMPLIFIED_CHINESE),
                        "/tasks/" + task.id(),
                        "/tasks/" + task.id() + "/urge",
                        "supervision.leader.urge"))
                .toList();
        return new LeaderPageSection("supervision.leader.overdue", "supervision.leader.overdue.empty", items);
    }
}
