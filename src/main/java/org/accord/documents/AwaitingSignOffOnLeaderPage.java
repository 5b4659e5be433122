package org.accord.documents;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.coordination.LeaderPageSection;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts the documents waiting for the leader's sign-off on his page. Signing needs the text read, so the item
 * links to the document rather than offering a one-step action.
 */
@Component
class AwaitingSignOffOnLeaderPage implements LeaderPageSection.Source {

    private final Documents documents;
    private final MessageSource messages;

    AwaitingSignOffOnLeaderPage(Documents documents, MessageSource messages) {
        this.documents = documents;
        this.messages = messages;
    }

    @Override
    public LeaderPageSection forCurrentLeader() {
        List<Document> waiting = documents.awaitingSignOff();
        Map<Long, String> titles = documents.titles(waiting);
        List<LeaderPageSection.Item> items = waiting.stream()
                .map(document -> new LeaderPageSection.Item(
                        titles.get(document.id()),
                        messages.getMessage(
                                "documents.leader.detail",
                                new Object[] {
                                    messages.getMessage(
                                            "documents.genre."
                                                    + document.genre().name(),
                                            null,
                                            Locale.SIMPLIFIED_CHINESE),
                                    document.revision()
                                },
                                Locale.SIMPLIFIED_CHINESE),
                        "/documents/" + document.id(),
                        null,
                        "documents.sign"))
                .toList();
        return new LeaderPageSection("documents.leader.signing", "documents.leader.signing.empty", items);
    }
}
