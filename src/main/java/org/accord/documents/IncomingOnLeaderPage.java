package org.accord.documents;

import java.util.List;
import java.util.Locale;
import org.accord.coordination.LeaderPageSection;
import org.accord.security.DataScopes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts the incoming documents circulated to a leader and not yet read on his page, each read in one step. */
@Component
class IncomingOnLeaderPage implements LeaderPageSection.Source {

    private final IncomingDesk desk;
    private final DataScopes scopes;
    private final MessageSource messages;

    IncomingOnLeaderPage(IncomingDesk desk, DataScopes scopes, MessageSource messages) {
        this.desk = desk;
        this.scopes = scopes;
        this.messages = messages;
    }

    @Override
    public LeaderPageSection forCurrentLeader() {
        List<LeaderPageSection.Item> items = desk.unreadBy(scopes.current()).stream()
                .map(document -> new LeaderPageSection.Item(
                        document.title(),
                        messages.getMessage(
                                "documents.incoming.leader.detail",
                                new Object[] {
                                    document.senderName(),
                                    document.receiptNumber() == null ? "" : document.receiptNumber(),
                                    document.urgency() == null
                                            ? ""
                                            : messages.getMessage(
                                                    document.urgency().messageKey(), null, Locale.SIMPLIFIED_CHINESE)
                                },
                                Locale.SIMPLIFIED_CHINESE),
                        "/documents/incoming/" + document.id(),
                        "/documents/incoming/" + document.id() + "/read",
                        "documents.incoming.leader.read"))
                .toList();
        return new LeaderPageSection("documents.incoming.leader.heading", "documents.incoming.leader.empty", items);
    }
}
