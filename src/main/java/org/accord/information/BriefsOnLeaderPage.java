package org.accord.information;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accord.coordination.LeaderPageSection;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts the briefs a leader has not read yet on his page, each to be marked read (with a remark) in one step. */
@Component
class BriefsOnLeaderPage implements LeaderPageSection.Source {

    private final Briefs briefs;
    private final DataScopes scopes;
    private final MessageSource messages;

    BriefsOnLeaderPage(Briefs briefs, DataScopes scopes, MessageSource messages) {
        this.briefs = briefs;
        this.scopes = scopes;
        this.messages = messages;
    }

    @Override
    public LeaderPageSection forCurrentLeader() {
        DataScope scope = scopes.current();
        List<LeaderPageSection.Item> items = new ArrayList<>();
        if (scope.kind() == DataScope.Kind.LEADER) {
            for (Brief brief : briefs.unread(scope)) {
                items.add(new LeaderPageSection.Item(
                        brief.title(),
                        messages.getMessage(
                                "information.leader.detail",
                                new Object[] {
                                    briefs.label(brief.kind(), brief.year(), brief.number()), brief.authorName()
                                },
                                Locale.SIMPLIFIED_CHINESE),
                        "/information/briefs/" + brief.id(),
                        "/information/briefs/" + brief.id() + "/read?back=leader",
                        "information.leader.read"));
            }
        }
        return new LeaderPageSection("information.leader.heading", "information.leader.empty", items);
    }
}
