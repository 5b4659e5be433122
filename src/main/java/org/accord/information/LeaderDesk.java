package org.accord.information;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.audit.Audited;
import org.accord.coordination.Matter;
import org.accord.coordination.Matters;
import org.accord.directory.Direction;
import org.accord.directory.Directory;
import org.accord.directory.Party;
import org.accord.directory.PersonSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScope;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The leaders' side of information work: their current concerns (kept by the office), suggestions to them,
 * and their inbox of briefs, suggestions and matters grouped by concern.
 */
@Service
class LeaderDesk {

    /** One group of a leader's inbox: a concern (or none, for what is not tagged) and what belongs to it. */
    record Group(
            @Nullable Concern concern, List<Brief> briefs, List<Suggestion> suggestions, List<MatterLink> matters) {

        public boolean isEmpty() {
            return briefs.isEmpty() && suggestions.isEmpty() && matters.isEmpty();
        }
    }

    record MatterLink(long id, String title) {}

    /** What a staff member typed to file a suggestion. */
    record SuggestionDraft(long leaderId, @Nullable Long concernId, String title, String body, String basis) {}

    private final ConcernStore store;
    private final BriefStore briefs;
    private final Directory directory;
    private final Matters matters;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    LeaderDesk(
            ConcernStore store,
            BriefStore briefs,
            Directory directory,
            Matters matters,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.store = store;
        this.briefs = briefs;
        this.directory = directory;
        this.matters = matters;
        this.notifications = notifications;
        this.events = events;
        this.messages = messages;
    }

    List<PersonSummary> leaders() {
        return directory.leaders();
    }

    @Transactional(readOnly = true)
    List<Concern> concerns(@Nullable Long leaderId, boolean activeOnly) {
        return store.concerns(leaderId, activeOnly);
    }

    @Transactional
    long addConcern(long leaderId, @Nullable String title, @Nullable String note) {
        directory
                .person(leaderId)
                .filter(PersonSummary::isLeader)
                .orElseThrow(() -> new InformationInputRejected("information.error.leaders"));
        String clean = SituationRequests.required(title, "information.concern.field.title", 200);
        long id = store.insertConcern(leaderId, clean, SituationRequests.optional(note, 1000));
        audit("concern", id, "add", clean);
        return id;
    }

    @Transactional
    void setConcernActive(long id, boolean active) {
        store.concern(id).orElseThrow(InformationRequestsNotFound::new);
        store.setActive(id, active);
        audit("concern", id, active ? "reopen" : "close", null);
    }

    /** Tags a coordination matter to a concern; the matter must exist and be visible to the office. */
    @Transactional
    void tagMatter(long concernId, long matterId) {
        store.concern(concernId).orElseThrow(InformationRequestsNotFound::new);
        try {
            matters.get(matterId);
        } catch (ResponseStatusException e) {
            throw new InformationInputRejected("information.error.matter");
        }
        store.tagMatter(matterId, concernId);
        audit("concern", concernId, "tag-matter", "matter " + matterId);
    }

    @Transactional
    long fileSuggestion(SuggestionDraft draft, SignedInAccount me) {
        PersonSummary author =
                me.personId() == null ? null : directory.person(me.personId()).orElse(null);
        if (author == null) {
            throw new InformationRefused("information.error.noPerson");
        }
        PersonSummary leader = directory
                .person(draft.leaderId())
                .filter(PersonSummary::isLeader)
                .orElseThrow(() -> new InformationInputRejected("information.error.leaders"));
        if (directory.direction(Party.unit(author.unitId()), Party.person(leader.id())) != Direction.UP) {
            throw new InformationRefused("information.error.notUp");
        }
        if (draft.concernId() != null
                && store.concern(draft.concernId())
                        .filter(c -> c.leaderId() == leader.id())
                        .isEmpty()) {
            throw new InformationInputRejected("information.error.concern");
        }
        String title = SituationRequests.required(draft.title(), "information.brief.field.title", 200);
        String body = SituationRequests.required(draft.body(), "information.suggestion.field.body", 10000);
        String basis = SituationRequests.required(draft.basis(), "information.suggestion.field.basis", 2000);
        long id = store.insertSuggestion(new Suggestion(
                0,
                leader.id(),
                draft.concernId(),
                title,
                body,
                basis,
                author.id(),
                author.name(),
                author.unitId(),
                Instant.now(),
                null,
                null,
                null));
        notifications.send(Notice.of(
                List.of(leader.id()),
                "information.suggestion",
                text("information.notice.suggestion.title", title),
                Briefs.clip(body, 400),
                "/information/suggestions/" + id));
        audit("suggestion", id, "file", title);
        return id;
    }

    @Transactional(readOnly = true)
    List<Suggestion> suggestions(DataScope scope) {
        switch (scope.kind()) {
            case OFFICE:
                return store.suggestions(null);
            case LEADER:
                return scope.personId() == null ? List.of() : store.suggestions(scope.personId());
            default:
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The office sees every suggestion; a leader only his own (else 404). */
    @Transactional(readOnly = true)
    Suggestion suggestion(long id, DataScope scope) {
        Suggestion suggestion = store.suggestion(id).orElseThrow(InformationRequestsNotFound::new);
        if (scope.kind() == DataScope.Kind.OFFICE
                || (scope.kind() == DataScope.Kind.LEADER
                        && scope.personId() != null
                        && suggestion.leaderId() == scope.personId())) {
            return suggestion;
        }
        throw new InformationRequestsNotFound();
    }

    @Transactional
    void answerSuggestion(long id, DataScope scope, @Nullable String answer) {
        if (scope.kind() != DataScope.Kind.LEADER) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Suggestion suggestion = suggestion(id, scope);
        store.lockSuggestion(id);
        if (suggestion.answer() != null) {
            throw new InformationRefused("information.error.answered");
        }
        String clean = SituationRequests.required(answer, "information.suggestion.field.answer", 2000);
        store.answerSuggestion(id, clean, Instant.now());
        notifications.send(Notice.of(
                List.of(suggestion.authorId()),
                "information.suggestion",
                text(
                        "information.notice.suggestionAnswered.title",
                        leaderName(suggestion.leaderId()),
                        suggestion.title()),
                clean,
                "/information/suggestions/" + id));
        audit("suggestion", id, "answer", clean);
    }

    @Transactional
    void readSuggestion(long id, DataScope scope) {
        if (scope.kind() != DataScope.Kind.LEADER) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        suggestion(id, scope);
        store.readSuggestion(id, Instant.now());
    }

    /** The leader's inbox: one group per active concern, in the office's order, then what is not tagged. */
    @Transactional(readOnly = true)
    List<Group> inbox(long leaderId) {
        List<Concern> active = store.concerns(leaderId, true);
        Map<Long, List<Brief>> briefsBy = new LinkedHashMap<>();
        Map<Long, List<Suggestion>> suggestionsBy = new LinkedHashMap<>();
        List<Brief> otherBriefs = new ArrayList<>();
        List<Suggestion> otherSuggestions = new ArrayList<>();
        List<Long> activeIds = active.stream().map(Concern::id).toList();
        for (Brief brief : briefs.list(leaderId, Briefs.LIST_LIMIT)) {
            if (brief.concernId() != null && activeIds.contains(brief.concernId())) {
                briefsBy.computeIfAbsent(brief.concernId(), k -> new ArrayList<>())
                        .add(brief);
            } else {
                otherBriefs.add(brief);
            }
        }
        for (Suggestion suggestion : store.suggestions(leaderId)) {
            if (suggestion.concernId() != null && activeIds.contains(suggestion.concernId())) {
                suggestionsBy
                        .computeIfAbsent(suggestion.concernId(), k -> new ArrayList<>())
                        .add(suggestion);
            } else {
                otherSuggestions.add(suggestion);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (Concern concern : active) {
            List<MatterLink> links = new ArrayList<>();
            for (Long matterId : store.matters(concern.id())) {
                try {
                    Matter matter = matters.get(matterId);
                    links.add(new MatterLink(matter.id(), matter.title()));
                } catch (ResponseStatusException e) {
                    // A tagged matter the leader may not see stays out of his inbox.
                }
            }
            groups.add(new Group(
                    concern,
                    briefsBy.getOrDefault(concern.id(), List.of()),
                    suggestionsBy.getOrDefault(concern.id(), List.of()),
                    links));
        }
        groups.add(new Group(null, otherBriefs, otherSuggestions, List.of()));
        return groups;
    }

    String leaderName(long personId) {
        return directory.person(personId).map(PersonSummary::name).orElse("#" + personId);
    }

    private void audit(String type, long id, String action, @Nullable String after) {
        events.publishEvent(Audited.now(SituationRequests.MODULE, type, String.valueOf(id), action, null, null, after));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
    }
}
