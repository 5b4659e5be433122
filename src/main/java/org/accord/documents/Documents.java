package org.accord.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.Matter;
import org.accord.coordination.MatterKind;
import org.accord.coordination.Matters;
import org.accord.coordination.PartyRole;
import org.accord.coordination.Point;
import org.accord.coordination.PointStatus;
import org.accord.coordination.Position;
import org.accord.coordination.RoundVisibility;
import org.accord.coordination.Stance;
import org.accord.directory.Direction;
import org.accord.directory.Directory;
import org.accord.directory.Party;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.documents.Comment.Adoption;
import org.accord.documents.Revision.Decision;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A document from its first draft to its issuance: every step the pages and the API take, under the
 * signed-in viewer's data scope. The document is a kernel matter; its consultation rounds are the kernel's
 * rounds, its escalations and rulings the kernel's, its 议定事项 the kernel's measures once issued.
 */
@Service
class Documents {

    static final String MODULE = "documents";
    static final int LIST_LIMIT = 200;
    static final String SILENCE = "逾期未复，视为无不同意见";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** What the drafter writes: every field of the drafting page. Units by their directory ids. */
    record Draft(
            String title,
            @Nullable String urgency,
            @Nullable String classification,
            List<Long> mainAddressees,
            List<Long> copyTo,
            List<Long> coIssuers,
            String body,
            List<String> attachments,
            @Nullable String note,
            @Nullable String printingUnit,
            List<String> present,
            List<String> excused,
            List<String> observers,
            List<Decision> decisions) {}

    /** Who is acting: account, person, scope. */
    record Actor(String username, String name, DataScope scope) {

        @Nullable
        public Long personId() {
            return scope.personId();
        }

        public boolean office() {
            return scope.kind() == DataScope.Kind.OFFICE;
        }

        public boolean leader() {
            return scope.kind() == DataScope.Kind.LEADER;
        }

        @Nullable
        public Long unitId() {
            return scope.kind() == DataScope.Kind.UNIT && !scope.unitIds().isEmpty()
                    ? scope.unitIds().iterator().next()
                    : null;
        }
    }

    /** A document as the viewer may see it. */
    record View(
            Document document,
            Revision current,
            List<Revision> revisions,
            @Nullable Matter matter,
            List<ConsultationRound> rounds,
            List<Comment> comments,
            List<Signature> signatures,
            Set<String> silences,
            Actor actor) {

        public boolean drafter() {
            return actor.personId() != null && actor.personId() == document.drafterId();
        }

        public boolean signer() {
            return actor.personId() != null && actor.personId() == document.signerId();
        }

        public boolean reviewer() {
            return actor.personId() != null && actor.personId().equals(document.reviewerId());
        }

        public Optional<ConsultationRound> openRound() {
            if (matter == null) {
                return Optional.empty();
            }
            return matter.openRound()
                    .flatMap(open -> rounds.stream()
                            .filter(round -> round.roundId() == open.id())
                            .findFirst());
        }

        public Optional<Revision> revision(int number) {
            return revisions.stream().filter(r -> r.number() == number).findFirst();
        }

        public List<Signature> validSignatures(Signature.Kind kind) {
            return signatures.stream()
                    .filter(s -> s.kind() == kind && s.valid())
                    .toList();
        }

        public boolean silent(long roundId, long unitId) {
            return silences.contains(roundId + ":" + unitId);
        }

        /** The page offers no further round while the service would refuse it. */
        public boolean awaitingRuling() {
            return Documents.awaitingRuling(matter, rounds);
        }
    }

    /** Whether the last round's point has gone to the leader and is not yet ruled on. */
    static boolean awaitingRuling(@Nullable Matter matter, List<ConsultationRound> rounds) {
        if (matter == null || rounds.isEmpty()) {
            return false;
        }
        return matter.point(rounds.get(rounds.size() - 1).pointId())
                .filter(point -> point.status() == PointStatus.ESCALATED)
                .isPresent();
    }

    private final DocumentStore store;
    private final Matters matters;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final DataScopes scopes;
    private final MessageSource messages;
    private final ObjectProvider<DocumentRules> rules;
    private final ObjectProvider<DocumentNumbers> numbers;
    private final DocumentTimers timers;
    private final int defaultWorkingDays;
    private final boolean silenceAgreesByDefault;
    private final String finalCheckUnit;

    Documents(
            DocumentStore store,
            Matters matters,
            Directory directory,
            WorkingCalendar calendar,
            Notifications notifications,
            ApplicationEventPublisher events,
            DataScopes scopes,
            MessageSource messages,
            ObjectProvider<DocumentRules> rules,
            ObjectProvider<DocumentNumbers> numbers,
            DocumentTimers timers,
            @Value("${accord.documents.consultation-working-days:7}") int defaultWorkingDays,
            @Value("${accord.documents.silence-agrees:true}") boolean silenceAgreesByDefault,
            @Value("${accord.documents.final-check-unit:SZFB-WDK}") String finalCheckUnit) {
        this.store = store;
        this.matters = matters;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
        this.events = events;
        this.scopes = scopes;
        this.messages = messages;
        this.rules = rules;
        this.numbers = numbers;
        this.timers = timers;
        this.defaultWorkingDays = defaultWorkingDays;
        this.silenceAgreesByDefault = silenceAgreesByDefault;
        this.finalCheckUnit = finalCheckUnit;
    }

    int defaultWorkingDays() {
        return defaultWorkingDays;
    }

    boolean silenceAgreesByDefault() {
        return silenceAgreesByDefault;
    }

    Actor actor() {
        DataScope scope = scopes.current();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String username = authentication == null ? "system" : authentication.getName();
        String name = username;
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount) {
            name = ((SignedInAccount) authentication.getPrincipal()).displayName();
        } else if (scope.personId() != null) {
            name = directory.person(scope.personId()).map(PersonSummary::name).orElse(username);
        }
        return new Actor(username, name, scope);
    }

    // ---- reading

    @Transactional(readOnly = true)
    public List<Document> list() {
        Actor actor = actor();
        switch (actor.scope().kind()) {
            case OFFICE:
                return store.all(LIST_LIMIT);
            case LEADER:
                return actor.personId() == null
                        ? List.of()
                        : store.forLeader(actor.personId(), actor.scope().unitIds(), LIST_LIMIT);
            case UNIT:
                return store.forUnits(actor.scope().unitIds(), LIST_LIMIT);
            default:
                return List.of();
        }
    }

    /** The documents waiting for the signed-in leader's sign-off. */
    @Transactional(readOnly = true)
    public List<Document> awaitingSignOff() {
        Actor actor = actor();
        if (!actor.leader() || actor.personId() == null) {
            return List.of();
        }
        return store.awaitingSignOff(actor.personId(), LIST_LIMIT);
    }

    /** The latest revision of each listed document, for titles. */
    @Transactional(readOnly = true)
    public Map<Long, String> titles(List<Document> documents) {
        Map<Long, String> latest =
                store.latestTitles(documents.stream().map(Document::id).toList());
        return documents.stream().collect(Collectors.toMap(Document::id, d -> latest.getOrDefault(d.id(), "")));
    }

    @Transactional(readOnly = true)
    public View view(long id) {
        Actor actor = actor();
        Document document = visible(store.find(id), actor);
        return view(document, actor);
    }

    private View view(Document document, Actor actor) {
        List<Revision> revisions = store.revisions(document.id());
        Revision current = revisions.get(revisions.size() - 1);
        List<ConsultationRound> rounds = store.rounds(document.id());
        // The kernel shows the matter to its parties and its deciding leader: a liaison or a leader who sees
        // the document through a unit that was only addressed or asked to countersign is not among them.
        boolean party = actor.office()
                || (actor.personId() != null && actor.personId() == document.signerId())
                || rounds.stream()
                        .anyMatch(round -> round.unitIds().stream()
                                .anyMatch(unit -> actor.scope().unitIds().contains(unit)));
        Matter matter = party ? matters.get(document.matterId()) : null;
        List<Comment> comments = store.comments(document.id());
        List<Signature> signatures = store.signatures(document.id());
        Set<String> silences = store.silences(document.id()).stream()
                .map(pair -> pair[0] + ":" + pair[1])
                .collect(Collectors.toSet());
        Long unitId = actor.unitId();
        if (unitId != null) {
            // A liaison sees the versions sent to their unit, and the issued text once addressed.
            Set<Integer> sent = rounds.stream()
                    .filter(round -> round.unitIds().contains(unitId))
                    .map(ConsultationRound::revision)
                    .collect(Collectors.toSet());
            if (document.status() == DocumentStatus.COUNTERSIGNING
                    || document.status() == DocumentStatus.ISSUED
                    || current.coIssuers().contains(unitId)) {
                sent.add(current.number());
            }
            revisions =
                    revisions.stream().filter(r -> sent.contains(r.number())).toList();
            if (revisions.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            current = revisions.get(revisions.size() - 1);
            rounds = rounds.stream()
                    .filter(round -> round.unitIds().contains(unitId))
                    .toList();
            comments = comments.stream().filter(c -> c.unitId() == unitId).toList();
        }
        return new View(document, current, revisions, matter, rounds, comments, signatures, silences, actor);
    }

    private Document visible(Optional<Document> found, Actor actor) {
        Document document = found.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!sees(document, actor)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return document;
    }

    private boolean sees(Document document, Actor actor) {
        switch (actor.scope().kind()) {
            case OFFICE:
                return true;
            case LEADER:
                return actor.personId() != null
                        && (actor.personId() == document.signerId()
                                || store.sentToAny(document.id(), actor.scope().unitIds()));
            case UNIT:
                Long unitId = actor.unitId();
                return unitId != null
                        && store.recipientSince(document.id(), unitId).isPresent();
            default:
                return false;
        }
    }

    /** The rule findings for a text as written. */
    List<Finding> findings(DocumentText text) {
        DocumentRules checker = rules.getIfAvailable();
        return checker == null ? List.of() : checker.check(text);
    }

    /** A revision as the rules read it: units by their names. */
    DocumentText text(Genre genre, long issuerUnitId, Draft draft, @Nullable String number, @Nullable LocalDate date) {
        return new DocumentText(
                genre,
                unitName(issuerUnitId),
                names(draft.mainAddressees()),
                names(draft.copyTo()),
                draft.title(),
                number,
                date == null ? null : written(date),
                draft.body(),
                draft.attachments());
    }

    /** A date written in full the way documents write it: 2026年3月5日. */
    static String written(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    // ---- drafting

    @Transactional
    public long create(
            Genre genre,
            long issuerUnitId,
            String issuerCode,
            long signerId,
            Draft draft,
            @Nullable Long meetingId,
            @Nullable String minutesHeading) {
        Actor actor = actor();
        if (!actor.office() || actor.personId() == null) {
            throw DocumentRefused.notYours("notDrafter");
        }
        directory.unit(issuerUnitId).orElseThrow(() -> DocumentRefused.input("issuer"));
        String code = required(issuerCode, "issuerCode", 50);
        PersonSummary signer = directory
                .person(signerId)
                .filter(PersonSummary::isLeader)
                .orElseThrow(() -> DocumentRefused.input("signer"));
        Draft clean = clean(draft);
        long matterId = matters.create(
                clean.title(),
                MatterKind.DOCUMENT,
                text("documents.matter.background", text(genre)),
                "",
                List.of(),
                List.of());
        matters.addParty(matterId, null, signer.id(), PartyRole.DECIDING_LEADER);
        Instant now = Instant.now();
        long id = store.insertDocument(
                matterId, genre, actor.personId(), issuerUnitId, code, signer.id(), meetingId, minutesHeading, now);
        store.insertRevision(id, 1, revision(genre, clean, null, actor), now);
        audit(id, "create", null, null, "genre=" + genre + "; title=" + clean.title() + "; matter=" + matterId);
        return id;
    }

    /**
     * Saves a new revision. After sign-off, a substantive change voids the sign-off and the countersignatures
     * and returns the document to the signer; once registered, the text is fixed.
     */
    @Transactional
    public int save(long id, Draft draft, @Nullable Long rulingPointId) {
        Actor actor = actor();
        Document document = drafted(id, actor);
        if (document.status() == DocumentStatus.REGISTERED || document.status() == DocumentStatus.ISSUED) {
            throw DocumentRefused.conflict("fixed");
        }
        Draft clean = clean(draft);
        if (rulingPointId != null) {
            Matter matter = matters.get(document.matterId());
            boolean ruled = matter.point(rulingPointId)
                    .filter(point -> point.status() == PointStatus.RULED)
                    .isPresent();
            if (!ruled) {
                throw DocumentRefused.input("ruling");
            }
        }
        List<Revision> revisions = store.revisions(id);
        Revision previous = revisions.get(revisions.size() - 1);
        Revision next = revision(document.genre(), clean, rulingPointId, actor);
        int number = previous.number() + 1;
        Instant now = Instant.now();
        store.insertRevision(id, number, next, now);
        audit(
                id,
                "save",
                null,
                "revision=" + previous.number(),
                "revision=" + number + (rulingPointId == null ? "" : "; ruling point=" + rulingPointId));
        if (document.status().signedOff() && TextDifference.substantive(previous.fullText(), next.fullText())) {
            int voided = store.voidSignatures(
                    id,
                    List.of(Signature.Kind.SIGN, Signature.Kind.COUNTERSIGN),
                    text("documents.void.reason", number),
                    now);
            store.setStatus(id, DocumentStatus.SIGNING, now);
            store.setDate(id, null);
            audit(
                    id,
                    "void-signoff",
                    null,
                    document.status().name(),
                    DocumentStatus.SIGNING.name() + "; voided=" + voided + "; revision=" + number);
            notifications.send(Notice.of(
                    Set.of(document.signerId()),
                    "documents.signoff-voided",
                    text("documents.notice.voided", next.title()),
                    text("documents.notice.voidedBody", actor.name(), number),
                    "/documents/" + id));
        }
        return number;
    }

    private Revision revision(Genre genre, Draft draft, @Nullable Long rulingPointId, Actor actor) {
        return new Revision(
                0,
                0,
                draft.title(),
                draft.urgency(),
                draft.classification(),
                draft.mainAddressees(),
                draft.copyTo(),
                draft.coIssuers(),
                draft.body(),
                draft.attachments(),
                draft.note(),
                draft.printingUnit(),
                draft.present(),
                draft.excused(),
                draft.observers(),
                draft.decisions(),
                fullText(genre, draft),
                rulingPointId,
                actor.username(),
                actor.name(),
                Instant.now());
    }

    /** The whole text as read, in the order of the page: what differences and anchors work on. */
    String fullText(Genre genre, Draft draft) {
        StringBuilder text = new StringBuilder(draft.title()).append('\n');
        if (!draft.mainAddressees().isEmpty()) {
            text.append(String.join("、", names(draft.mainAddressees()))).append("：\n");
        }
        text.append(draft.body()).append('\n');
        if (!draft.attachments().isEmpty()) {
            text.append("附件：");
            for (int i = 0; i < draft.attachments().size(); i++) {
                text.append(i == 0 ? "" : "　　　")
                        .append(i + 1)
                        .append('．')
                        .append(draft.attachments().get(i))
                        .append('\n');
            }
        }
        if (genre == Genre.MINUTES) {
            appendPeople(text, "出席", draft.present());
            appendPeople(text, "请假", draft.excused());
            appendPeople(text, "列席", draft.observers());
            int n = 1;
            for (Decision decision : draft.decisions()) {
                text.append("议定事项").append(n++).append("：").append(decision.text());
                if (decision.leadUnitId() != null) {
                    text.append("（牵头：").append(unitName(decision.leadUnitId()));
                    if (!decision.cooperatingUnitIds().isEmpty()) {
                        text.append("；配合：").append(String.join("、", names(decision.cooperatingUnitIds())));
                    }
                    if (decision.deadline() != null) {
                        text.append("；时限：").append(written(decision.deadline()));
                    }
                    text.append("）");
                }
                text.append('\n');
            }
        }
        if (!draft.copyTo().isEmpty()) {
            text.append("抄送：").append(String.join("，", names(draft.copyTo()))).append('\n');
        }
        return text.toString();
    }

    private static void appendPeople(StringBuilder text, String label, List<String> people) {
        if (!people.isEmpty()) {
            text.append(label).append("：").append(String.join("，", people)).append('\n');
        }
    }

    private Draft clean(Draft draft) {
        String title = required(draft.title(), "title", 300);
        for (Decision decision : draft.decisions()) {
            if (decision.text().length() > 2000) {
                throw DocumentRefused.input("decision");
            }
        }
        List<Long> units = new ArrayList<>(draft.mainAddressees());
        units.addAll(draft.copyTo());
        units.addAll(draft.coIssuers());
        draft.decisions().forEach(decision -> {
            if (decision.leadUnitId() != null) {
                units.add(decision.leadUnitId());
            }
            units.addAll(decision.cooperatingUnitIds());
        });
        for (Long unit : units) {
            directory.unit(unit).orElseThrow(() -> DocumentRefused.input("unit"));
        }
        String body =
                draft.body() == null ? "" : draft.body().replace("\r\n", "\n").strip();
        if (body.length() > 100_000) {
            throw DocumentRefused.input("body");
        }
        return new Draft(
                title,
                blankToNull(draft.urgency()),
                blankToNull(draft.classification()),
                distinct(draft.mainAddressees()),
                distinct(draft.copyTo()),
                distinct(draft.coIssuers()),
                body,
                draft.attachments(),
                blankToNull(draft.note()),
                blankToNull(draft.printingUnit()),
                draft.present(),
                draft.excused(),
                draft.observers(),
                draft.decisions());
    }

    // ---- consultation

    /** Sends the current version to units for their comments, as a kernel round on the document's matter. */
    @Transactional
    public long openRound(
            long id, Collection<Long> unitIds, @Nullable Integer workingDays, @Nullable Boolean silenceAgrees) {
        Actor actor = actor();
        Document document = drafted(id, actor);
        if (document.status() != DocumentStatus.DRAFTING) {
            throw DocumentRefused.conflict("notDrafting");
        }
        List<Long> units = distinct(List.copyOf(unitIds));
        if (units.isEmpty()) {
            throw DocumentRefused.input("consulted");
        }
        Matter matter = matters.get(document.matterId());
        List<ConsultationRound> rounds = store.rounds(id);
        // One point carries the units' overall stance until it is settled; a settled one is not asked again.
        Long pointId = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1).pointId();
        if (awaitingRuling(matter, rounds)) {
            // The leader was asked to settle the point: asking the units again first would pre-empt the ruling.
            throw DocumentRefused.conflict("awaitingRuling");
        }
        for (Long unit : units) {
            directory.unit(unit).orElseThrow(() -> DocumentRefused.input("unit"));
            if (!matter.hasUnit(unit)) {
                matters.addParty(document.matterId(), unit, null, PartyRole.CONSULTED);
            }
        }
        if (pointId != null) {
            Long last = pointId;
            boolean unsettled = matter.point(last)
                    .filter(point -> point.status() == PointStatus.OPEN || point.status() == PointStatus.DIVIDED)
                    .isPresent();
            if (!unsettled) {
                pointId = null;
            }
        }
        if (pointId == null) {
            pointId = matters.addPoint(document.matterId(), text("documents.point", document.revision()));
        }
        int days = workingDays == null ? defaultWorkingDays : workingDays;
        long roundId = matters.openRound(document.matterId(), List.of(pointId), units, days, RoundVisibility.OPEN);
        LocalDate deadline = calendar.addWorkingDays(calendar.dateOf(Instant.now()), days);
        boolean silence = silenceAgrees == null ? silenceAgreesByDefault : silenceAgrees;
        Instant now = Instant.now();
        int number = rounds.size() + 1;
        store.insertRound(new ConsultationRound(
                roundId, id, number, pointId, document.revision(), units, deadline, silence, now));
        units.forEach(unit -> store.addRecipient(id, unit, "ROUND", now));
        if (silence) {
            timers.schedule(roundId, calendar.endOfOfficeHours(deadline));
        }
        audit(
                id,
                "open-round",
                null,
                null,
                "round=" + number + "; revision=" + document.revision() + "; units=" + units + "; deadline=" + deadline
                        + "; silenceAgrees=" + silence);
        return roundId;
    }

    /** A liaison comments for their unit on the version sent, on the whole text or on a quoted passage. */
    @Transactional
    public long comment(
            long id, long roundId, @Nullable String quote, @Nullable String proposed, @Nullable String text) {
        Actor actor = actor();
        Document document = visible(store.lock(id), actor);
        ConsultationRound round = askedRound(document, roundId, actor);
        String cleanText = required(text, "comment", 4000);
        String cleanQuote = blankToNull(quote);
        Integer start = null;
        if (cleanQuote != null) {
            Revision sent = store.revisions(id).stream()
                    .filter(r -> r.number() == round.revision())
                    .findFirst()
                    .orElseThrow();
            int at = sent.fullText().indexOf(cleanQuote);
            if (at < 0) {
                throw DocumentRefused.input("quote");
            }
            start = at;
        }
        long commentId = store.insertComment(
                id,
                roundId,
                round.revision(),
                actor.unitId(),
                actor.username(),
                actor.name(),
                cleanQuote,
                start,
                blankToNull(proposed),
                cleanText,
                Instant.now());
        audit(id, "comment", actor.unitId(), null, "round=" + round.number() + "; comment=" + commentId);
        notifications.send(Notice.of(
                Set.of(document.drafterId()),
                "documents.comment",
                text("documents.notice.comment", unitName(actor.unitId())),
                cleanText,
                "/documents/" + id));
        return commentId;
    }

    /** A liaison gives their unit's overall stance on the version: the kernel position on the round's point. */
    @Transactional
    public void answer(long id, long roundId, @Nullable Stance stance, @Nullable String summary) {
        Actor actor = actor();
        Document document = visible(store.lock(id), actor);
        ConsultationRound round = askedRound(document, roundId, actor);
        if (stance == null || stance == Stance.NO_OPINION) {
            throw DocumentRefused.input("stance");
        }
        String clean = blankToNull(summary);
        matters.answer(
                document.matterId(),
                roundId,
                round.pointId(),
                stance,
                stance == Stance.AGREE_WITH_CONDITIONS ? clean : null,
                stance == Stance.DISAGREE ? clean : null,
                null);
        audit(id, "answer", actor.unitId(), null, "round=" + round.number() + "; stance=" + stance);
    }

    private ConsultationRound askedRound(Document document, long roundId, Actor actor) {
        Long unitId = actor.unitId();
        ConsultationRound round = store.round(roundId)
                .filter(r -> r.documentId() == document.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (unitId == null || !round.unitIds().contains(unitId)) {
            throw DocumentRefused.notYours("notAsked");
        }
        Matter matter = matters.get(document.matterId());
        if (matter.round(roundId).filter(r -> r.open()).isEmpty()) {
            throw DocumentRefused.conflict("roundClosed");
        }
        return round;
    }

    /** The drafter's answer to a comment (意见采纳情况), which the consulted unit sees. */
    @Transactional
    public void adopt(long id, long commentId, @Nullable Adoption adoption, @Nullable String reason) {
        Actor actor = actor();
        Document document = drafted(id, actor);
        if (adoption == null) {
            throw DocumentRefused.input("adoption");
        }
        Comment comment = store.comments(id).stream()
                .filter(c -> c.id() == commentId)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String clean = blankToNull(reason);
        if (adoption != Adoption.ADOPTED && clean == null) {
            throw DocumentRefused.input("adoptionReason");
        }
        store.adopt(commentId, adoption, clean == null ? "" : clean, actor.name(), Instant.now());
        audit(
                id,
                "adopt",
                comment.unitId(),
                comment.adoption() == null ? null : comment.adoption().name(),
                adoption + "; comment=" + commentId);
        notifyLiaisons(
                List.of(comment.unitId()),
                "documents.adoption",
                text("documents.notice.adoption", store.revisions(id).get(0).title()),
                text(adoption.messageKey()) + (clean == null ? "" : "：" + clean),
                "/documents/" + document.id());
    }

    @Transactional
    public void closeRound(long id) {
        Document document = drafted(id, actor());
        matters.closeRound(document.matterId());
        audit(id, "close-round", null, null, null);
    }

    @Transactional
    public void escalate(long id, long pointId, @Nullable String recommendation) {
        Document document = drafted(id, actor());
        matters.escalate(document.matterId(), pointId, recommendation);
        audit(id, "escalate", null, "point=" + pointId, "ESCALATED");
    }

    /** The signer, who is the document's deciding leader, rules on an escalated point. */
    @Transactional
    public void rule(long id, long pointId, @Nullable String ruling) {
        Actor actor = actor();
        Document document = visible(store.lock(id), actor);
        if (ruling == null || ruling.isBlank()) {
            throw DocumentRefused.input("ruling");
        }
        matters.rule(document.matterId(), pointId, ruling, null);
        audit(id, "rule", null, "point=" + pointId, "RULED");
        notifications.send(Notice.of(
                Set.of(document.drafterId()),
                "documents.ruling",
                text("documents.notice.ruled", actor.name()),
                ruling,
                "/documents/" + id));
    }

    /** At a round's deadline: each asked unit that gave no stance is recorded as having no different opinion. */
    @Transactional
    public int silenceAtDeadline(long roundId) {
        Optional<ConsultationRound> found = store.round(roundId);
        if (found.isEmpty() || !found.get().silenceAgrees()) {
            return 0;
        }
        ConsultationRound round = found.get();
        Document document = store.lock(round.documentId()).orElseThrow();
        int recorded = 0;
        Instant now = Instant.now();
        for (Long unit : round.unitIds()) {
            if (matters.recordOnBehalf(document.matterId(), roundId, round.pointId(), unit, Stance.AGREE, SILENCE)) {
                store.recordSilence(roundId, unit, now);
                recorded++;
                events.publishEvent(Audited.now(
                        MODULE,
                        "document",
                        String.valueOf(document.id()),
                        "silence-agrees",
                        unit,
                        null,
                        "round=" + round.number()));
            }
        }
        if (recorded > 0) {
            notifications.send(Notice.of(
                    Set.of(document.drafterId()),
                    "documents.silence",
                    text("documents.notice.silence", round.number()),
                    text("documents.notice.silenceBody", recorded),
                    "/documents/" + document.id()));
        }
        return recorded;
    }

    // ---- sign-off

    /** The drafter sends the settled text to a reviewer (核稿). */
    @Transactional
    public void submit(long id, @Nullable Long reviewerId) {
        Actor actor = actor();
        Document document = drafted(id, actor);
        if (reviewerId == null) {
            throw DocumentRefused.input("reviewer");
        }
        if (document.status() != DocumentStatus.DRAFTING) {
            throw DocumentRefused.conflict("notDrafting");
        }
        PersonSummary reviewer = directory
                .person(reviewerId)
                .filter(person -> !person.isLeader() && person.id() != document.drafterId() && office(person.unitId()))
                .orElseThrow(() -> DocumentRefused.input("reviewer"));
        submitHold(document, current(id), matters.get(document.matterId()), store.comments(id))
                .ifPresent(hold -> {
                    throw hold.refusal();
                });
        store.setReviewer(id, reviewer.id());
        store.setStatus(id, DocumentStatus.REVIEW, Instant.now());
        audit(
                id,
                "submit",
                null,
                DocumentStatus.DRAFTING.name(),
                DocumentStatus.REVIEW.name() + "; reviewer=" + reviewer.name());
        notifications.send(Notice.of(
                Set.of(reviewer.id()),
                "documents.review",
                text("documents.notice.review", title(id)),
                actor.name(),
                "/documents/" + id));
    }

    /**
     * Why the draft cannot go to review as it stands, or nothing when it can: {@link #submit} refuses with it and
     * the page shows it in place of the form.
     */
    private Optional<SubmitHold> submitHold(
            Document document, Revision current, Matter matter, List<Comment> comments) {
        if (matter.openRound().isPresent()) {
            return Optional.of(new SubmitHold(SubmitHold.Reason.ROUND_OPEN, null));
        }
        for (Point point : matter.points()) {
            if (!point.status().settled()) {
                return Optional.of(new SubmitHold(
                        point.status() == PointStatus.ESCALATED
                                ? SubmitHold.Reason.AWAITING_RULING
                                : SubmitHold.Reason.POINT_UNSETTLED,
                        point.text()));
            }
        }
        long unanswered = comments.stream().filter(c -> c.adoption() == null).count();
        if (unanswered > 0) {
            return Optional.of(new SubmitHold(SubmitHold.Reason.COMMENTS_UNANSWERED, unanswered));
        }
        return ruleErrors(document, current).map(errors -> new SubmitHold(SubmitHold.Reason.RULE_ERRORS, errors));
    }

    /** The same check for the page: only the drafter of a draft is offered 送核稿, so only they are told why not. */
    @Transactional(readOnly = true)
    public Optional<SubmitHold> submitHold(View view) {
        Matter matter = view.matter();
        if (!view.drafter() || view.document().status() != DocumentStatus.DRAFTING || matter == null) {
            return Optional.empty();
        }
        return submitHold(view.document(), view.current(), matter, view.comments());
    }

    /** The reviewer passes the text to the signer, or returns it to the drafter. */
    @Transactional
    public void review(long id, boolean approve, @Nullable String opinion) {
        Actor actor = actor();
        Document document = visible(store.lock(id), actor);
        if (actor.personId() == null || !actor.personId().equals(document.reviewerId())) {
            throw DocumentRefused.notYours("notReviewer");
        }
        if (document.status() != DocumentStatus.REVIEW) {
            throw DocumentRefused.conflict("notInReview");
        }
        String clean = required(opinion, "opinion", 2000);
        Instant now = Instant.now();
        store.insertSignature(
                id,
                Signature.Kind.REVIEW,
                actor.personId(),
                null,
                actor.name(),
                (approve ? "" : "退回：") + clean,
                calendar.dateOf(now),
                actor.username(),
                document.revision(),
                now);
        DocumentStatus next = approve ? DocumentStatus.SIGNING : DocumentStatus.DRAFTING;
        store.setStatus(id, next, now);
        audit(id, approve ? "review" : "review-return", null, document.status().name(), next.name());
        notifications.send(Notice.of(
                Set.of(approve ? document.signerId() : document.drafterId()),
                "documents.signing",
                text(approve ? "documents.notice.sign" : "documents.notice.returned", title(id)),
                clean,
                "/documents/" + id));
    }

    /** The authorised leader signs off (签发) the text as it stands, or returns it. */
    @Transactional
    public void sign(long id, boolean approve, @Nullable String opinion) {
        Actor actor = actor();
        Document document = visible(store.lock(id), actor);
        if (!actor.leader() || actor.personId() == null || actor.personId() != document.signerId()) {
            throw DocumentRefused.notYours("notSigner");
        }
        if (document.status() != DocumentStatus.SIGNING) {
            throw DocumentRefused.conflict("notSigning");
        }
        String clean = required(opinion, "opinion", 2000);
        Instant now = Instant.now();
        LocalDate today = calendar.dateOf(now);
        DocumentStatus next;
        if (!approve) {
            next = DocumentStatus.DRAFTING;
        } else {
            ensureNoErrors(document);
            store.insertSignature(
                    id,
                    Signature.Kind.SIGN,
                    actor.personId(),
                    null,
                    actor.name(),
                    clean,
                    today,
                    actor.username(),
                    document.revision(),
                    now);
            List<Long> coIssuers = current(id).coIssuers();
            next = coIssuers.isEmpty() ? DocumentStatus.FINAL_CHECK : DocumentStatus.COUNTERSIGNING;
            store.setDate(id, today);
            coIssuers.forEach(unit -> store.addRecipient(id, unit, "CO_ISSUER", now));
            if (!coIssuers.isEmpty()) {
                notifyLiaisons(
                        coIssuers,
                        "documents.countersign",
                        text("documents.notice.countersign", title(id)),
                        clean,
                        "/documents/" + id);
            }
        }
        store.setStatus(id, next, now);
        audit(id, approve ? "sign" : "sign-return", null, document.status().name(), next.name() + "; " + clean);
        notifications.send(Notice.of(
                Set.of(document.drafterId()),
                "documents.signed",
                text(approve ? "documents.notice.signed" : "documents.notice.returned", title(id)),
                actor.name() + "：" + clean,
                "/documents/" + id));
    }

    /**
     * A co-issuer countersigns a joint document (会签). The co-issuer's liaison records it on behalf of the
     * unit's leader, whose name is recorded (docs/documents.md); the document is dated on the last signature.
     */
    @Transactional
    public void countersign(long id, @Nullable String leaderName, @Nullable String opinion) {
        Actor actor = actor();
        Document document = visible(store.lock(id), actor);
        Long unitId = actor.unitId();
        Revision current = current(id);
        if (unitId == null || !current.coIssuers().contains(unitId)) {
            throw DocumentRefused.notYours("notCoIssuer");
        }
        if (document.status() != DocumentStatus.COUNTERSIGNING) {
            throw DocumentRefused.conflict("notCountersigning");
        }
        boolean done = store.signatures(id).stream()
                .anyMatch(s -> s.kind() == Signature.Kind.COUNTERSIGN && s.valid() && unitId.equals(s.unitId()));
        if (done) {
            throw DocumentRefused.conflict("countersigned");
        }
        String name = required(leaderName, "leaderName", 100);
        String clean = required(opinion, "opinion", 2000);
        Instant now = Instant.now();
        LocalDate today = calendar.dateOf(now);
        store.insertSignature(
                id,
                Signature.Kind.COUNTERSIGN,
                null,
                unitId,
                name,
                clean,
                today,
                actor.username(),
                document.revision(),
                now);
        Set<Long> signed = store.signatures(id).stream()
                .filter(s -> s.kind() == Signature.Kind.COUNTERSIGN && s.valid() && s.unitId() != null)
                .map(Signature::unitId)
                .collect(Collectors.toSet());
        DocumentStatus next = signed.containsAll(current.coIssuers()) ? DocumentStatus.FINAL_CHECK : document.status();
        store.setDate(id, today);
        store.setStatus(id, next, now);
        audit(id, "countersign", unitId, document.status().name(), next.name() + "; " + name + "：" + clean);
    }

    /** 文电科 checks the signed text (复核) and registers it: the number is allocated here, in this transaction. */
    @Transactional
    public String register(long id) {
        Actor actor = actor();
        Document document = visible(store.lock(id), actor);
        boolean checker = actor.office()
                && actor.personId() != null
                && directory
                        .person(actor.personId())
                        .flatMap(person -> directory.unit(person.unitId()))
                        .filter(unit -> unit.code().equals(finalCheckUnit))
                        .isPresent();
        if (!checker) {
            throw DocumentRefused.notYours("notChecker");
        }
        if (document.status() != DocumentStatus.FINAL_CHECK) {
            throw DocumentRefused.conflict("notFinalCheck");
        }
        ensureNoErrors(document);
        DocumentNumbers allocator = numbers.getIfAvailable();
        if (allocator == null) {
            throw DocumentRefused.conflict("noNumbers");
        }
        LocalDate date = document.date() == null ? calendar.dateOf(Instant.now()) : document.date();
        int sequence = allocator.allocate(document.issuerCode(), date.getYear(), id);
        String number = DocumentNumbers.format(document.issuerCode(), date.getYear(), sequence);
        store.setNumber(id, date.getYear(), sequence, number);
        store.setStatus(id, DocumentStatus.REGISTERED, Instant.now());
        audit(
                id,
                "register",
                null,
                DocumentStatus.FINAL_CHECK.name(),
                DocumentStatus.REGISTERED.name() + "; number=" + number);
        notifications.send(Notice.of(
                Set.of(document.drafterId()),
                "documents.registered",
                text("documents.notice.registered", title(id), number),
                actor.name(),
                "/documents/" + id));
        return number;
    }

    /**
     * Issues the registered document: sent to the main addressees and copy-to units (their liaisons), and for
     * minutes every 议定事项 becomes a kernel measure that supervision follows.
     */
    @Transactional
    public List<Long> issue(long id) {
        Actor actor = actor();
        Document document = drafted(id, actor);
        if (document.status() != DocumentStatus.REGISTERED) {
            throw DocumentRefused.conflict("notRegistered");
        }
        Revision current = current(id);
        Instant now = Instant.now();
        current.mainAddressees().forEach(unit -> store.addRecipient(id, unit, "MAIN", now));
        current.copyTo().forEach(unit -> store.addRecipient(id, unit, "COPY", now));
        List<Long> measures = new ArrayList<>();
        if (document.genre() == Genre.MINUTES) {
            Matter matter = matters.get(document.matterId());
            Set<Long> parties = new LinkedHashSet<>(matter.partyUnitIds());
            for (Decision decision : current.decisions()) {
                if (decision.leadUnitId() == null || decision.deadline() == null) {
                    continue;
                }
                if (parties.add(decision.leadUnitId())) {
                    matters.addParty(document.matterId(), decision.leadUnitId(), null, PartyRole.LEAD);
                }
                for (Long unit : decision.cooperatingUnitIds()) {
                    if (parties.add(unit)) {
                        matters.addParty(document.matterId(), unit, null, PartyRole.COOPERATING);
                    }
                }
                matters.addMeasure(
                        document.matterId(),
                        decision.text(),
                        decision.leadUnitId(),
                        decision.cooperatingUnitIds(),
                        decision.deadline());
                store.addRecipient(id, decision.leadUnitId(), "MEASURE", now);
            }
            if (current.decisions().stream().anyMatch(d -> d.leadUnitId() != null && d.deadline() != null)) {
                measures.addAll(matters.adoptMeasures(document.matterId()));
            }
        }
        store.setIssued(id, now);
        audit(
                id,
                "issue",
                null,
                DocumentStatus.REGISTERED.name(),
                DocumentStatus.ISSUED.name() + "; main=" + current.mainAddressees() + "; copy=" + current.copyTo()
                        + "; measures=" + measures);
        Set<Long> units = new LinkedHashSet<>(current.mainAddressees());
        units.addAll(current.copyTo());
        notifyLiaisons(
                units,
                "documents.issued",
                text("documents.notice.issued", document.number(), current.title()),
                text("documents.notice.issuedBody", current.title()),
                "/documents/" + id);
        return measures;
    }

    private void ensureNoErrors(Document document) {
        Optional<String> errors = ruleErrors(document, current(document.id()));
        if (errors.isPresent()) {
            throw DocumentRefused.conflict("ruleErrors", errors.get());
        }
    }

    /** The ERROR findings of the rules on the revision, joined as the refusal names them. */
    private Optional<String> ruleErrors(Document document, Revision current) {
        List<Finding> errors =
                findings(text(document.genre(), document.issuerUnitId(), draftOf(current), null, null)).stream()
                        .filter(finding -> finding.severity() == Finding.Severity.ERROR)
                        .toList();
        return errors.isEmpty()
                ? Optional.empty()
                : Optional.of(errors.stream().map(Finding::message).collect(Collectors.joining("；")));
    }

    // ---- output

    /** The registered or issued document as the national layout prints it. */
    @Transactional(readOnly = true)
    public DocumentLayout layout(long id) {
        View view = view(id);
        Document document = view.document();
        if (document.status() != DocumentStatus.REGISTERED && document.status() != DocumentStatus.ISSUED) {
            throw DocumentRefused.conflict("notRegistered");
        }
        Revision current = view.current();
        List<String> issuers = new ArrayList<>();
        issuers.add(unitName(document.issuerUnitId()));
        issuers.addAll(names(current.coIssuers()));
        List<String> signers = new ArrayList<>();
        if (upward(document, current)) {
            view.validSignatures(Signature.Kind.SIGN).forEach(s -> signers.add(s.name()));
            view.validSignatures(Signature.Kind.COUNTERSIGN).forEach(s -> signers.add(s.name()));
        }
        String mark = document.genre() == Genre.MINUTES && document.minutesHeading() != null
                ? document.minutesHeading()
                : String.join("", issuers) + "文件";
        List<String> body =
                current.body().isBlank() ? List.of() : List.of(current.body().split("\\n+"));
        if (document.genre() == Genre.MINUTES && !current.decisions().isEmpty()) {
            List<String> withDecisions = new ArrayList<>(body);
            int n = 1;
            for (Decision decision : current.decisions()) {
                StringBuilder line = new StringBuilder().append(n++).append("．").append(decision.text());
                if (decision.leadUnitId() != null) {
                    line.append("（").append(unitName(decision.leadUnitId())).append("牵头");
                    if (!decision.cooperatingUnitIds().isEmpty()) {
                        line.append("，")
                                .append(String.join("、", names(decision.cooperatingUnitIds())))
                                .append("配合");
                    }
                    if (decision.deadline() != null) {
                        line.append("，").append(written(decision.deadline())).append("前完成");
                    }
                    line.append("）");
                }
                withDecisions.add(line.toString());
            }
            body = withDecisions;
        }
        LocalDate date = document.date() == null ? calendar.dateOf(Instant.now()) : document.date();
        LocalDate printed = document.issuedAt() == null ? date : calendar.dateOf(document.issuedAt());
        return new DocumentLayout(
                document.genre(),
                mark,
                document.number(),
                signers,
                current.urgency(),
                current.classification(),
                null,
                current.title(),
                current.mainAddressees().isEmpty() ? "" : String.join("，", names(current.mainAddressees())) + "：",
                body,
                current.attachments(),
                String.join("　", issuers),
                date,
                current.note(),
                names(current.copyTo()),
                current.printingUnit() == null ? unitName(document.issuerUnitId()) : current.printingUnit(),
                printed,
                current.present(),
                current.excused(),
                current.observers());
    }

    // ---- minutes from a meeting

    @Transactional(readOnly = true)
    public List<MinutesSeed> seeds() {
        Actor actor = actor();
        if (!actor.office() || actor.personId() == null) {
            return List.of();
        }
        return store.seeds(actor.personId());
    }

    /** The organiser starts the draft of minutes from what the meeting recorded. */
    @Transactional
    public long draftFromSeed(long seedId, long issuerUnitId, String issuerCode) {
        Actor actor = actor();
        MinutesSeed seed = store.lockSeed(seedId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (actor.personId() == null || actor.personId() != seed.organiserId()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (seed.documentId() != null) {
            throw DocumentRefused.conflict("seedDrafted");
        }
        String chair = directory.person(seed.chairId()).map(PersonSummary::name).orElse("");
        String body = text(
                        "documents.minutes.opening",
                        written(seed.start().toLocalDate()),
                        chair,
                        seed.kind(),
                        seed.place(),
                        seed.title())
                + "\n" + seed.outcomes();
        Draft draft = new Draft(
                seed.title() + "纪要",
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                body,
                List.of(),
                null,
                null,
                seed.present(),
                seed.absent(),
                seed.observers(),
                seed.decisions());
        long id = create(
                Genre.MINUTES, issuerUnitId, issuerCode, seed.chairId(), draft, seed.meetingId(), seed.kind() + "纪要");
        store.seedDrafted(seedId, id);
        return id;
    }

    // ---- helpers

    Revision current(long id) {
        List<Revision> revisions = store.revisions(id);
        return revisions.get(revisions.size() - 1);
    }

    private String title(long id) {
        return current(id).title();
    }

    static Draft draftOf(Revision revision) {
        return new Draft(
                revision.title(),
                revision.urgency(),
                revision.classification(),
                revision.mainAddressees(),
                revision.copyTo(),
                revision.coIssuers(),
                revision.body(),
                revision.attachments(),
                revision.note(),
                revision.printingUnit(),
                revision.present(),
                revision.excused(),
                revision.observers(),
                revision.decisions());
    }

    /** The document for a drafting step: locked, visible, and the viewer is its drafter. */
    private Document drafted(long id, Actor actor) {
        Document document = visible(store.lock(id), actor);
        if (!actor.office() || actor.personId() == null || actor.personId() != document.drafterId()) {
            throw DocumentRefused.notYours("notDrafter");
        }
        return document;
    }

    private boolean office(long unitId) {
        return directory
                .unit(unitId)
                .map(unit -> unit.code().equals("SZFB") || unit.code().startsWith("SZFB-"))
                .orElse(false);
    }

    /** Whether the document goes up from its issuer to its first main addressee (the signer shows in the header). */
    boolean upward(Document document, Revision revision) {
        if (revision.mainAddressees().isEmpty()) {
            return false;
        }
        return directory.direction(
                        Party.unit(document.issuerUnitId()),
                        Party.unit(revision.mainAddressees().get(0)))
                == Direction.UP;
    }

    String unitName(@Nullable Long unitId) {
        return unitId == null
                ? ""
                : directory.unit(unitId).map(UnitSummary::name).orElse("?");
    }

    List<String> names(List<Long> unitIds) {
        return unitIds.stream().map(this::unitName).toList();
    }

    private void notifyLiaisons(Collection<Long> unitIds, String kind, String title, String body, String link) {
        List<Long> recipients = unitIds.stream()
                .flatMap(unit -> directory.liaisons(unit).stream())
                .map(PersonSummary::id)
                .distinct()
                .toList();
        if (!recipients.isEmpty()) {
            notifications.send(Notice.of(recipients, kind, title, body, link));
        }
    }

    private void audit(long id, String action, @Nullable Long unitId, @Nullable String before, @Nullable String after) {
        events.publishEvent(Audited.now(MODULE, "document", String.valueOf(id), action, unitId, before, after));
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, CHINESE);
    }

    private String text(Genre genre) {
        return genre.word();
    }

    private static String required(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw DocumentRefused.input(field);
        }
        return value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<Long> distinct(List<Long> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** A kernel position as shown: 无不同意见 / 有修改意见 / 有不同意见. */
    static String stanceKey(Position position) {
        return "documents.stance." + position.stance().name();
    }
}
