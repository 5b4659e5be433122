package org.accord.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.coordination.MatterKind;
import org.accord.coordination.Matters;
import org.accord.coordination.PartyRole;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.accord.security.DataScope;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 12345 loop: intake, dispatch, the units' steps and the office's, each in one transaction that locks the
 * case, checks the viewer's data scope and part, changes the case through {@link HotlineCase}, writes the
 * timeline and publishes {@link Audited}.
 */
@Service
class CaseDesk {

    static final int PAGE_SIZE = 50;
    static final int DESCRIPTION_MAX = 4000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final CaseStore store;
    private final DispatchCatalogue catalogue;
    private final Deadlines deadlines;
    private final Directory directory;
    private final Matters matters;
    private final Notifications notifications;
    private final CaseTimers timers;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final CasesSettings settings;
    private final TransactionTemplate transactions;

    CaseDesk(
            CaseStore store,
            DispatchCatalogue catalogue,
            Deadlines deadlines,
            Directory directory,
            Matters matters,
            Notifications notifications,
            CaseTimers timers,
            ApplicationEventPublisher events,
            MessageSource messages,
            CasesSettings settings,
            TransactionTemplate transactions) {
        this.store = store;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.directory = directory;
        this.matters = matters;
        this.notifications = notifications;
        this.timers = timers;
        this.events = events;
        this.messages = messages;
        this.settings = settings;
        this.transactions = transactions;
    }

    // ---------------------------------------------------------------- intake

    /** What is taken in, from any channel. */
    record Intake(
            @Nullable String callerName,
            @Nullable String phone,
            @Nullable Boolean confidential,
            @Nullable String address,
            @Nullable String district,
            @Nullable String category,
            @Nullable Boolean urgent,
            @Nullable String description,
            @Nullable Double lat,
            @Nullable Double lon) {}

    /** The case taken in, and whether it was taken in by an earlier request with the same key. */
    record Taken(long id, String number, @Nullable String token, boolean replayed) {}

    /**
     * Takes a case in: one short transaction with one insert (and the number), the audit event's publication, and
     * nothing else. A repeated idempotency key with the same body returns the first case; with another body it is
     * refused.
     */
    Taken intake(Intake in, Channel channel, String actor, @Nullable String idempotencyKey) {
        HotlineCase c = validated(in, channel, actor);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : actor + ":" + idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw new CaseInputRejected("cases.error.idempotencyKey");
        }
        String hash = key == null ? null : hash(in, channel);
        if (key != null) {
            Optional<Taken> earlier = replay(key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (channel == Channel.OPEN311) {
            c.token = UUID.randomUUID().toString();
        }
        String prefix = settings.numberPrefix() + "-" + DAY.format(deadlines.today()) + "-";
        try {
            Long id = transactions.execute(status -> {
                long inserted = store.insert(c, key, hash, prefix);
                events.publishEvent(new Audited(
                        Instant.now(),
                        actor,
                        null,
                        "cases",
                        "case",
                        String.valueOf(inserted),
                        "intake",
                        null,
                        null,
                        channel + " " + c.number + (c.categoryCode == null ? "" : " " + c.categoryCode)));
                return inserted;
            });
            return new Taken(id == null ? 0 : id, c.number == null ? "" : c.number, c.token, false);
        } catch (DuplicateKeyException race) {
            // Another request with the same key won the race: answer with its case.
            if (key != null) {
                Optional<Taken> earlier = replay(key, hash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw race;
        }
    }

    private Optional<Taken> replay(String key, @Nullable String hash) {
        Optional<CaseStore.Idempotent> earlier = store.byIdempotencyKey(key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (hash != null && !hash.equals(earlier.get().hash())) {
            throw new CaseRefused("cases.refused.idempotencyKeyReused");
        }
        HotlineCase c = store.find(earlier.get().id()).orElseThrow();
        return Optional.of(new Taken(earlier.get().id(), c.number == null ? "" : c.number, c.token, true));
    }

    private HotlineCase validated(Intake in, Channel channel, String actor) {
        String description = clean(in.description(), DESCRIPTION_MAX, "cases.error.description");
        if (description == null) {
            throw new CaseInputRejected("cases.error.description");
        }
        HotlineCase c = new HotlineCase(channel, description, actor, deadlines.now());
        c.callerName = clean(in.callerName(), 100, "cases.error.callerName");
        String phone = clean(in.phone(), 32, "cases.error.phone");
        if (phone != null && !phone.matches("[0-9+\\- ]{3,32}")) {
            throw new CaseInputRejected("cases.error.phone");
        }
        c.phone = phone == null ? null : phone.replaceAll("[\\- ]", "");
        c.confidential = Boolean.TRUE.equals(in.confidential());
        c.address = clean(in.address(), 300, "cases.error.address");
        String district = clean(in.district(), 32, "cases.error.district");
        if (district != null && !DispatchCatalogue.DISTRICTS.contains(district)) {
            throw new CaseInputRejected("cases.error.district");
        }
        c.districtCode = district;
        String category = clean(in.category(), 32, "cases.error.category");
        if (category != null && catalogue.category(category).isEmpty()) {
            throw new CaseInputRejected("cases.error.category");
        }
        c.categoryCode = category;
        c.urgent = Boolean.TRUE.equals(in.urgent());
        if ((in.lat() != null && (in.lat() < -90 || in.lat() > 90))
                || (in.lon() != null && (in.lon() < -180 || in.lon() > 180))) {
            throw new CaseInputRejected("cases.error.location");
        }
        c.lat = in.lat();
        c.lon = in.lon();
        return c;
    }

    private static String hash(Intake in, Channel channel) {
        String canonical = String.join(
                "\u0001",
                channel.name(),
                String.valueOf(in.callerName()),
                String.valueOf(in.phone()),
                String.valueOf(Boolean.TRUE.equals(in.confidential())),
                String.valueOf(in.address()),
                String.valueOf(in.district()),
                String.valueOf(in.category()),
                String.valueOf(Boolean.TRUE.equals(in.urgent())),
                String.valueOf(in.description()),
                String.valueOf(in.lat()),
                String.valueOf(in.lon()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Possible duplicates (same phone, or same address and category, within the window) and knowledge answers. */
    record Suggestions(List<CaseView.Line> duplicates, List<DispatchCatalogue.Answer> answers) {}

    @Transactional(readOnly = true)
    Suggestions suggestions(@Nullable String phone, @Nullable String address, @Nullable String category) {
        String p = phone == null || phone.isBlank() ? null : phone.strip().replaceAll("[\\- ]", "");
        String a = address == null || address.isBlank() ? null : address.strip();
        String cat = category == null || category.isBlank() ? null : category.strip();
        Instant since = deadlines.now().minus(Duration.ofDays(settings.duplicateWindowDays()));
        LocalDate today = deadlines.today();
        Map<String, String> categoryNames = catalogue.categoryNames();
        List<CaseView.Line> duplicates = store.duplicates(p, a, cat, since).stream()
                .map(row -> line(row, today, true, categoryNames))
                .toList();
        return new Suggestions(duplicates, catalogue.answers(cat));
    }

    /** 首呼解决: the operator answered at once; the case is closed as resolved at first contact. */
    @Transactional
    CaseView answerAtOnce(
            long id, DataScope scope, SignedInAccount me, @Nullable Long answerId, @Nullable String text) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        String answer = clean(text, 4000, "cases.error.answer");
        if (answer == null && answerId != null) {
            answer = catalogue
                    .answer(answerId)
                    .map(DispatchCatalogue.Answer::answer)
                    .orElse(null);
        }
        if (answer == null) {
            throw new CaseInputRejected("cases.error.answer");
        }
        String before = c.status.name();
        c.answerAtOnce(answer, deadlines.now());
        store.update(c);
        store.event(id, me.displayName(), null, "first-contact", text("cases.timeline.firstContact", answer), true);
        audit(c, "first-contact", before);
        return view(c, scope, me);
    }

    // ---------------------------------------------------------------- dispatch

    /**
     * How the office dispatches: units by id (defaults from the catalogue when no lead is named), the time-limit
     * class, and for a leader's delegation (领导交办) the leader, the instruction and the scope of authority.
     */
    record Dispatch(
            @Nullable Long leadUnitId,
            @Nullable List<Long> cooperatingUnitIds,
            @Nullable String timeLimit,
            @Nullable String category,
            @Nullable String district,
            @Nullable Long delegatedBy,
            @Nullable String instruction,
            @Nullable String authority) {}

    /** What the catalogue proposes for a case: the office may change any of it. */
    record Proposal(
            @Nullable Long leadUnitId,
            List<Long> cooperatingUnitIds,
            @Nullable String timeLimit) {}

    Proposal propose(@Nullable String category, @Nullable String district, boolean urgent) {
        Optional<DispatchCatalogue.Rule> rule = catalogue.rule(category, district);
        if (rule.isEmpty()) {
            return new Proposal(null, List.of(), urgent ? "URGENT" : null);
        }
        Long lead = directory
                .unitByCode(rule.get().leadUnitCode())
                .map(UnitSummary::id)
                .orElse(null);
        List<Long> cooperating = rule.get().cooperatingCodes().stream()
                .map(directory::unitByCode)
                .flatMap(Optional::stream)
                .map(UnitSummary::id)
                .toList();
        return new Proposal(lead, cooperating, urgent ? "URGENT" : rule.get().timeLimitCode());
    }

    @Transactional
    CaseView dispatch(long id, DataScope scope, SignedInAccount me, Dispatch d) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        if (d.category() != null && !d.category().isBlank()) {
            if (catalogue.category(d.category()).isEmpty()) {
                throw new CaseInputRejected("cases.error.category");
            }
            c.categoryCode = d.category();
        }
        if (d.district() != null && !d.district().isBlank()) {
            if (!DispatchCatalogue.DISTRICTS.contains(d.district())) {
                throw new CaseInputRejected("cases.error.district");
            }
            c.districtCode = d.district();
        }
        Proposal proposal = propose(c.categoryCode, c.districtCode, c.urgent);
        Long lead = d.leadUnitId() != null ? d.leadUnitId() : proposal.leadUnitId();
        if (lead == null || directory.unit(lead).isEmpty()) {
            throw new CaseInputRejected("cases.error.leadUnit");
        }
        List<Long> cooperating = d.leadUnitId() != null
                ? (d.cooperatingUnitIds() == null ? List.of() : d.cooperatingUnitIds())
                : proposal.cooperatingUnitIds();
        Set<Long> coops = new LinkedHashSet<>(cooperating);
        coops.remove(lead);
        for (long unit : coops) {
            if (directory.unit(unit).isEmpty()) {
                throw new CaseInputRejected("cases.error.cooperatingUnit");
            }
        }
        String limitCode = d.timeLimit() != null && !d.timeLimit().isBlank() ? d.timeLimit() : proposal.timeLimit();
        DispatchCatalogue.TimeLimit limit =
                limitCode == null ? null : catalogue.timeLimit(limitCode).orElse(null);
        if (limit == null) {
            throw new CaseInputRejected("cases.error.timeLimit");
        }
        if (d.delegatedBy() != null) {
            PersonSummary leader = directory.person(d.delegatedBy()).orElse(null);
            String instruction = clean(d.instruction(), 2000, "cases.error.instruction");
            String authority = clean(d.authority(), 1000, "cases.error.authority");
            if (leader == null || !leader.isLeader()) {
                throw new CaseInputRejected("cases.error.delegatedBy");
            }
            if (instruction == null || authority == null) {
                throw new CaseInputRejected("cases.error.instruction");
            }
            c.delegatedBy = leader.id();
            c.delegationInstruction = instruction;
            c.delegationScope = authority;
        }
        Instant now = deadlines.now();
        LocalDate today = deadlines.today();
        c.dispatch(limit.code(), deadlines.deadline(today, limit.workingDays()), now);
        c.leadUnitId = lead;
        c.dispatcherId = me.personId();
        Instant signDue = deadlines.signDue(now, limit.signHours());
        c.shares.add(new Share(id, lead, ShareRole.LEAD, now, signDue));
        for (long unit : coops) {
            c.shares.add(new Share(id, unit, ShareRole.COOPERATING, now, signDue));
        }
        c.matterId = openMatter(c, lead, coops);
        store.update(c);
        String unitNames = c.shares.stream().map(s -> unitName(s.unitId)).collect(Collectors.joining("、"));
        store.event(
                id,
                me.displayName(),
                null,
                "dispatch",
                text("cases.timeline.dispatched", unitName(lead), names(coops), limit.name(), c.deadline),
                false);
        store.event(id, me.displayName(), null, "dispatch", text("cases.public.dispatched", c.deadline), true);
        if (c.delegatedBy != null) {
            store.event(
                    id,
                    me.displayName(),
                    null,
                    "delegation",
                    text(
                            "cases.timeline.delegation",
                            directory
                                    .person(c.delegatedBy)
                                    .map(PersonSummary::name)
                                    .orElse(""),
                            c.delegationInstruction,
                            c.delegationScope),
                    false);
        }
        for (Share share : c.shares) {
            timers.scheduleSign(share.id == null ? 0 : share.id, share.signDue);
            tellUnit(share.unitId, c, "cases.dispatched", text("cases.notice.dispatched.title", c.number), c.urgent);
        }
        timers.scheduleDeadline(id, c.deadline);
        audit(
                c,
                "dispatch",
                lead,
                CaseStatus.RECEIVED.name(),
                c.status.name() + "; " + "lead=" + lead + "; cooperating=" + coops + "; units=" + unitNames);
        return view(c, scope, me);
    }

    /** The kernel matter: the case as a matter of the operator's, with the lead and cooperating units as parties. */
    private long openMatter(HotlineCase c, long lead, Set<Long> cooperating) {
        String title = c.number + " " + catalogue.categoryName(c.categoryCode);
        long matterId = matters.create(
                title.strip(), MatterKind.CASE, c.description, text("cases.matter.purpose"), List.of(), List.of());
        matters.addParty(matterId, lead, null, PartyRole.LEAD);
        for (long unit : cooperating) {
            matters.addParty(matterId, unit, null, PartyRole.COOPERATING);
        }
        return matterId;
    }

    // ---------------------------------------------------------------- unit side

    @Transactional
    CaseView signFor(long id, DataScope scope, SignedInAccount me) {
        HotlineCase c = locked(id, scope);
        c.requireHandling();
        Share share = myShare(c, me);
        String before = share.status.name();
        Instant now = deadlines.now();
        share.signFor(now);
        store.update(c);
        boolean late = now.isAfter(share.signDue);
        store.event(
                id,
                me.displayName(),
                share.unitId,
                "sign",
                text(late ? "cases.timeline.signedLate" : "cases.timeline.signed", unitName(share.unitId)),
                false);
        audit(c, "sign", share.unitId, before, share.status.name());
        return view(c, scope, me);
    }

    @Transactional
    CaseView requestReturn(
            long id,
            DataScope scope,
            SignedInAccount me,
            @Nullable String reason,
            @Nullable String basis,
            @Nullable Long suggestedUnitId) {
        HotlineCase c = locked(id, scope);
        c.requireHandling();
        Share share = myShare(c, me);
        String r = required(reason, 1000, "cases.error.returnReason");
        String b = required(basis, 1000, "cases.error.returnBasis");
        if (suggestedUnitId == null || directory.unit(suggestedUnitId).isEmpty() || suggestedUnitId == share.unitId) {
            throw new CaseInputRejected("cases.error.suggestedUnit");
        }
        String before = share.status.name();
        share.requestReturn(
                r,
                b,
                suggestedUnitId,
                deadlines.now(),
                deadlines.returnDue(share.assignedAt, settings.returnWithinWorkingDays()));
        store.update(c);
        store.event(
                id,
                me.displayName(),
                share.unitId,
                "return-request",
                text("cases.timeline.returnRequested", unitName(share.unitId), r, b, unitName(suggestedUnitId)),
                false);
        tellDispatcher(c, text("cases.notice.returnRequested.title", c.number, unitName(share.unitId)));
        audit(c, "return-request", share.unitId, before, share.status.name());
        return view(c, scope, me);
    }

    /** The office accepts a return and re-dispatches (改派) to the suggested or another unit, or rejects it. */
    @Transactional
    CaseView decideReturn(
            long id,
            DataScope scope,
            SignedInAccount me,
            long shareId,
            boolean accept,
            @Nullable Long newUnitId,
            @Nullable String reason) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        c.requireHandling();
        Share share = c.share(shareId).orElseThrow(() -> new CaseNotFound("share " + shareId));
        String before = share.status.name();
        if (!accept) {
            String why = required(reason, 1000, "cases.error.reason");
            share.rejectReturn();
            store.update(c);
            store.event(
                    id,
                    me.displayName(),
                    share.unitId,
                    "return-rejected",
                    text("cases.timeline.returnRejected", unitName(share.unitId), why),
                    false);
            tellUnit(share.unitId, c, "cases.return", text("cases.notice.returnRejected.title", c.number), false);
            audit(c, "return-reject", share.unitId, before, share.status.name());
            return view(c, scope, me);
        }
        Long target = newUnitId != null ? newUnitId : share.returnSuggestedUnitId;
        if (target == null || directory.unit(target).isEmpty()) {
            throw new CaseInputRejected("cases.error.newUnit");
        }
        long to = target;
        if (c.activeShares().stream().anyMatch(s -> s.unitId == to && s != share)) {
            throw new CaseInputRejected("cases.error.newUnitAlreadyOnCase");
        }
        share.acceptReturn();
        Instant now = deadlines.now();
        DispatchCatalogue.TimeLimit limit = catalogue
                .timeLimit(c.timeLimitCode == null ? "" : c.timeLimitCode)
                .orElseThrow(() -> new CaseInputRejected("cases.error.timeLimit"));
        Share again = new Share(id, to, share.role, now, deadlines.signDue(now, limit.signHours()));
        c.shares.add(again);
        if (share.lead()) {
            c.leadUnitId = to;
        }
        addPartyIfOwner(c, to, share.role);
        store.update(c);
        store.event(
                id,
                me.displayName(),
                to,
                "redispatch",
                text("cases.timeline.redispatched", unitName(share.unitId), unitName(to)),
                false);
        timers.scheduleSign(again.id == null ? 0 : again.id, again.signDue);
        tellUnit(to, c, "cases.dispatched", text("cases.notice.dispatched.title", c.number), c.urgent);
        audit(c, "redispatch", share.unitId, before, "unit " + to);
        return view(c, scope, me);
    }

    private void addPartyIfOwner(HotlineCase c, long unitId, ShareRole role) {
        // The kernel lets only the matter's owner change its parties; another operator's re-dispatch stays on
        // the case's own record (its shares and timeline).
        if (c.matterId == null) {
            return;
        }
        var matter = matters.get(c.matterId);
        Long me = currentPerson();
        if (me != null && matter.ownerId() == me && !matter.hasUnit(unitId)) {
            matters.addParty(c.matterId, unitId, null, role == ShareRole.LEAD ? PartyRole.LEAD : PartyRole.COOPERATING);
        }
    }

    private @Nullable Long currentPerson() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInAccount account) {
            return account.personId();
        }
        return null;
    }

    @Transactional
    CaseView requestExtension(
            long id, DataScope scope, SignedInAccount me, @Nullable LocalDate until, @Nullable String reason) {
        HotlineCase c = locked(id, scope);
        c.requireHandling();
        Share share = myShare(c, me);
        String r = required(reason, 1000, "cases.error.extensionReason");
        if (until == null || c.deadline == null) {
            throw new CaseInputRejected("cases.error.extensionDate");
        }
        share.requestExtension(until, r, c.deadline, deadlines.today());
        store.update(c);
        store.event(
                id,
                me.displayName(),
                share.unitId,
                "extension-request",
                text("cases.timeline.extensionRequested", unitName(share.unitId), until, r),
                false);
        tellDispatcher(c, text("cases.notice.extensionRequested.title", c.number, unitName(share.unitId)));
        audit(c, "extension-request", share.unitId, String.valueOf(c.deadline), String.valueOf(until));
        return view(c, scope, me);
    }

    /** The office approves (the deadline moves, the citizen is told) or refuses the lead unit's extension. */
    @Transactional
    CaseView decideExtension(long id, DataScope scope, SignedInAccount me, boolean approve, @Nullable String reason) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        c.requireHandling();
        Share lead = c.leadShare().orElseThrow(() -> new CaseRefused("cases.refused.noExtensionPending"));
        if (!approve) {
            required(reason, 1000, "cases.error.reason");
        }
        LocalDate before = c.deadline;
        LocalDate until = lead.decideExtension();
        if (approve) {
            c.deadline = until;
        }
        store.update(c);
        if (approve) {
            store.event(id, me.displayName(), lead.unitId, "extension", text("cases.timeline.extended", until), false);
            store.event(id, me.displayName(), null, "extension", text("cases.public.extended", until), true);
            timers.scheduleDeadline(id, until);
        } else {
            store.event(
                    id,
                    me.displayName(),
                    lead.unitId,
                    "extension-refused",
                    text("cases.timeline.extensionRefused", reason),
                    false);
        }
        tellUnit(
                lead.unitId,
                c,
                "cases.extension",
                text(approve ? "cases.notice.extended.title" : "cases.notice.extensionRefused.title", c.number),
                false);
        audit(
                c,
                approve ? "extension-approve" : "extension-refuse",
                lead.unitId,
                String.valueOf(before),
                String.valueOf(c.deadline));
        return view(c, scope, me);
    }

    /** A cooperating unit reports its part to the lead unit. */
    @Transactional
    CaseView report(long id, DataScope scope, SignedInAccount me, @Nullable String text) {
        HotlineCase c = locked(id, scope);
        c.requireHandling();
        Share share = myShare(c, me);
        String body = required(text, 4000, "cases.error.report");
        String before = share.status.name();
        share.report(body, deadlines.now());
        store.update(c);
        store.event(
                id,
                me.displayName(),
                share.unitId,
                "report",
                text("cases.timeline.reported", unitName(share.unitId), body),
                false);
        c.leadShare()
                .ifPresent(lead -> tellUnit(
                        lead.unitId,
                        c,
                        "cases.report",
                        text("cases.notice.reported.title", c.number, unitName(share.unitId)),
                        false));
        audit(c, "report", share.unitId, before, share.status.name());
        return view(c, scope, me);
    }

    /** The lead unit's liaison drafts the reply; it goes to the unit's head for approval. */
    @Transactional
    CaseView draftReply(long id, DataScope scope, SignedInAccount me, @Nullable String text) {
        HotlineCase c = locked(id, scope);
        c.requireHandling();
        Share share = myShare(c, me);
        String body = required(text, 4000, "cases.error.reply");
        if (!share.lead()) {
            throw new NotYourStep("cases.forbidden.leadOnly");
        }
        c.requireCooperatorsReported();
        String before = share.status.name();
        share.draftReply(me.personId() == null ? 0 : me.personId());
        share.reportText = body;
        store.update(c);
        store.event(
                id,
                me.displayName(),
                share.unitId,
                "reply-draft",
                text("cases.timeline.drafted", unitName(share.unitId), body),
                false);
        audit(c, "reply-draft", share.unitId, before, share.status.name());
        return view(c, scope, me);
    }

    /**
     * The unit's head approves the draft (it reaches the office) or sends it back to the liaison. The head is the
     * person of the lead unit whose position is one of {@code accord.cases.head-posts}.
     */
    @Transactional
    CaseView decideDraft(long id, DataScope scope, SignedInAccount me, boolean approve, @Nullable String reason) {
        HotlineCase c = locked(id, scope);
        c.requireHandling();
        Share share = myShare(c, me);
        if (!share.lead()) {
            throw new NotYourStep("cases.forbidden.leadOnly");
        }
        if (!isHead(me, share.unitId)) {
            throw new NotYourStep("cases.forbidden.headOnly");
        }
        String before = share.status.name();
        if (approve) {
            share.approveReply(me.personId() == null ? 0 : me.personId(), deadlines.now());
            c.replied(share.reportText == null ? "" : share.reportText, deadlines.now());
            store.update(c);
            store.event(
                    id,
                    me.displayName(),
                    share.unitId,
                    "reply",
                    text("cases.timeline.replied", unitName(share.unitId)),
                    false);
            tellDispatcher(c, text("cases.notice.replied.title", c.number, unitName(share.unitId)));
        } else {
            String why = required(reason, 1000, "cases.error.reason");
            share.rejectDraft();
            store.update(c);
            store.event(
                    id,
                    me.displayName(),
                    share.unitId,
                    "reply-draft-rejected",
                    text("cases.timeline.draftRejected", why),
                    false);
        }
        audit(c, approve ? "reply-approve" : "reply-draft-reject", share.unitId, before, share.status.name());
        return view(c, scope, me);
    }

    boolean isHead(SignedInAccount me, long unitId) {
        if (me.personId() == null) {
            return false;
        }
        return directory
                .person(me.personId())
                .filter(p -> p.unitId() == unitId)
                .map(PersonSummary::position)
                .map(position -> settings.headPosts().contains(position.strip()))
                .orElse(false);
    }

    // ---------------------------------------------------------------- office side

    @Transactional
    CaseView review(long id, DataScope scope, SignedInAccount me, boolean accept, @Nullable String reason) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        String before = c.status.name();
        Instant now = deadlines.now();
        if (accept) {
            c.acceptReply(now);
            store.update(c);
            LocalDate visit = deadlines.visitDue(deadlines.today());
            store.event(
                    id, me.displayName(), null, "review-accept", text("cases.timeline.replyAccepted", visit), false);
            store.event(id, me.displayName(), null, "reply", text("cases.public.replied", c.replyText), true);
        } else {
            String why = required(reason, 1000, "cases.error.reason");
            c.sendReplyBack(now);
            store.update(c);
            store.event(id, me.displayName(), null, "review-back", text("cases.timeline.replySentBack", why), false);
            c.leadShare()
                    .ifPresent(lead -> tellUnit(
                            lead.unitId, c, "cases.review", text("cases.notice.sentBack.title", c.number), false));
        }
        audit(c, accept ? "review-accept" : "review-send-back", before);
        return view(c, scope, me);
    }

    @Transactional
    CaseView visit(
            long id,
            DataScope scope,
            SignedInAccount me,
            @Nullable Satisfaction satisfaction,
            @Nullable Solved solved,
            @Nullable String note) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        if (satisfaction == null || solved == null) {
            throw new CaseInputRejected("cases.error.visit");
        }
        String before = c.status.name();
        c.visit(satisfaction, solved, deadlines.now());
        String n = clean(note, 1000, "cases.error.note");
        store.update(c);
        store.event(
                id,
                me.displayName(),
                null,
                "visit",
                text(
                        "cases.timeline.visited",
                        text("cases.satisfaction." + satisfaction.name()),
                        text("cases.solved." + solved.name()),
                        n == null ? "" : n),
                false);
        if (c.status == CaseStatus.CLOSED) {
            store.event(id, me.displayName(), null, "closed", text("cases.public.closed"), true);
            closeMatter(c);
        }
        audit(c, "visit", before);
        return view(c, scope, me);
    }

    @Transactional
    CaseView reopen(long id, DataScope scope, SignedInAccount me, @Nullable String reason) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        String why = required(reason, 1000, "cases.error.reason");
        String before = c.status.name();
        DispatchCatalogue.TimeLimit limit = catalogue
                .timeLimit(c.timeLimitCode == null ? "" : c.timeLimitCode)
                .orElseThrow(() -> new CaseInputRejected("cases.error.timeLimit"));
        c.reopen(deadlines.deadline(deadlines.today(), limit.workingDays()), deadlines.now());
        boolean escalate = !c.escalated && c.reopenCount >= settings.escalateAfterReopens();
        if (escalate) {
            c.escalated = true;
        }
        store.update(c);
        store.event(
                id,
                me.displayName(),
                null,
                "reopen",
                text("cases.timeline.reopened", c.reopenCount, why, c.deadline),
                false);
        store.event(id, me.displayName(), null, "reopen", text("cases.public.reopened", c.deadline), true);
        timers.scheduleDeadline(id, c.deadline);
        c.leadShare()
                .ifPresent(lead ->
                        tellUnit(lead.unitId, c, "cases.reopen", text("cases.notice.reopened.title", c.number), true));
        if (escalate) {
            escalate(c, me);
        }
        audit(c, "reopen", before);
        return view(c, scope, me);
    }

    /** 提级督办: the overseeing leader of the lead unit is told, and the timeline says so. */
    private void escalate(HotlineCase c, SignedInAccount me) {
        long caseId = c.id == null ? 0 : c.id;
        Optional<PersonSummary> leader =
                c.leadUnitId == null ? Optional.empty() : directory.overseeingLeader(c.leadUnitId);
        String title = text("cases.notice.escalated.title", c.number, c.reopenCount);
        leader.ifPresent(l -> notifications.send(Notice.urgent(
                Set.of(l.id()),
                "cases.escalate",
                title,
                text("cases.notice.body", c.number, summary(c)),
                "/cases/" + caseId)));
        store.event(
                caseId,
                me.displayName(),
                c.leadUnitId,
                "escalate",
                text(
                        "cases.timeline.escalated",
                        c.reopenCount,
                        leader.map(PersonSummary::name).orElse("-")),
                false);
        events.publishEvent(Audited.now(
                "cases",
                "case",
                String.valueOf(caseId),
                "escalate",
                c.leadUnitId,
                null,
                "to: " + leader.map(PersonSummary::name).orElse("-")));
    }

    @Transactional
    CaseView closeWithReason(long id, DataScope scope, SignedInAccount me, @Nullable String reason) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        String why = required(reason, 1000, "cases.error.reason");
        String before = c.status.name();
        c.closeWithReason(why, deadlines.now());
        store.update(c);
        store.event(id, me.displayName(), null, "closed", text("cases.timeline.closedWithReason", why), false);
        store.event(id, me.displayName(), null, "closed", text("cases.public.closed"), true);
        closeMatter(c);
        audit(c, "close", before);
        return view(c, scope, me);
    }

    private void closeMatter(HotlineCase c) {
        // Only the matter's owner may close it in the kernel; otherwise it stays open there, linked to the
        // closed case.
        if (c.matterId == null) {
            return;
        }
        var matter = matters.get(c.matterId);
        Long me = currentPerson();
        if (me != null && matter.ownerId() == me && !matter.closed()) {
            matters.close(c.matterId);
        }
    }

    /** 并案: the case points to its master from now on; the master's timeline records it. */
    @Transactional
    CaseView merge(long id, DataScope scope, SignedInAccount me, @Nullable String masterNumber) {
        requireOffice(me);
        String number = required(masterNumber, 32, "cases.error.master");
        long masterId = store.idByNumber(number).orElseThrow(() -> new CaseInputRejected("cases.error.master"));
        // Lock in id order, so that two merges never deadlock.
        HotlineCase c;
        HotlineCase master;
        if (masterId < id) {
            master = locked(masterId, scope);
            c = locked(id, scope);
        } else {
            c = locked(id, scope);
            master = locked(masterId, scope);
        }
        String before = c.status.name();
        c.mergeInto(master, deadlines.now());
        for (Share share : c.shares) {
            if (share.status != ShareStatus.RETURNED) {
                share.status = ShareStatus.RETURNED;
            }
        }
        store.update(c);
        store.event(id, me.displayName(), null, "merged", text("cases.timeline.merged", master.number), true);
        store.event(masterId, me.displayName(), null, "merged-in", text("cases.timeline.mergedIn", c.number), false);
        audit(c, "merge", before);
        return view(c, scope, me);
    }

    @Transactional
    CaseView suspend(long id, DataScope scope, SignedInAccount me, @Nullable String reason) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        String why = required(reason, 500, "cases.error.reason");
        c.suspend(why, deadlines.today(), deadlines.now());
        store.update(c);
        store.event(id, me.displayName(), null, "suspend", text("cases.timeline.suspended", why), true);
        audit(c, "suspend", "running");
        return view(c, scope, me);
    }

    @Transactional
    CaseView resume(long id, DataScope scope, SignedInAccount me) {
        requireOffice(me);
        HotlineCase c = locked(id, scope);
        LocalDate since = c.suspendedSince;
        if (since == null || c.deadline == null) {
            throw new CaseRefused("cases.refused.notSuspended");
        }
        LocalDate deadline = deadlines.afterSuspension(c.deadline, since, deadlines.today());
        c.resume(deadline, deadlines.now());
        store.update(c);
        store.event(id, me.displayName(), null, "resume", text("cases.timeline.resumed", deadline), true);
        timers.scheduleDeadline(id, deadline);
        audit(c, "resume", "suspended since " + since);
        return view(c, scope, me);
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    CaseView get(long id, DataScope scope, SignedInAccount me) {
        HotlineCase c = store.find(id).filter(x -> visible(x, scope)).orElseThrow(() -> new CaseNotFound("" + id));
        return view(c, scope, me);
    }

    @Transactional(readOnly = true)
    List<CaseStore.Event> timeline(long id, DataScope scope) {
        store.find(id).filter(x -> visible(x, scope)).orElseThrow(() -> new CaseNotFound("" + id));
        return store.events(id, false);
    }

    /** A page of the list within the viewer's scope; the liaison's inbox is their unit's shares. */
    @Transactional(readOnly = true)
    List<CaseView.Line> list(DataScope scope, CaseStore.Filter filter) {
        CaseStore.Filter scoped = filter;
        boolean office = scope.kind() == DataScope.Kind.OFFICE;
        if (scope.kind() == DataScope.Kind.UNIT) {
            Long unit = scope.unitIds().stream().findFirst().orElse(null);
            if (unit == null) {
                return List.of();
            }
            scoped = new CaseStore.Filter(
                    filter.status(),
                    filter.category(),
                    filter.district(),
                    filter.number(),
                    filter.phone(),
                    filter.overdueOnly(),
                    unit,
                    null,
                    filter.before());
        } else if (scope.kind() == DataScope.Kind.LEADER) {
            scoped = new CaseStore.Filter(
                    filter.status(),
                    filter.category(),
                    filter.district(),
                    filter.number(),
                    filter.phone(),
                    filter.overdueOnly(),
                    null,
                    scope.unitIds(),
                    filter.before());
        } else if (!office) {
            return List.of();
        }
        LocalDate today = deadlines.today();
        List<CaseView.Line> lines = new ArrayList<>();
        Map<String, String> categoryNames = catalogue.categoryNames();
        for (CaseStore.Row row : store.list(scoped, today, PAGE_SIZE)) {
            lines.add(line(row, today, office, categoryNames));
        }
        return lines;
    }

    /** The citizen's view: by number and phone, only the public notes. */
    record PublicView(
            String number,
            String statusName,
            String categoryName,
            @Nullable LocalDate deadline,
            Instant createdAt,
            List<CaseStore.Event> notes) {}

    @Transactional(readOnly = true)
    Optional<PublicView> publicView(@Nullable String number, @Nullable String phone) {
        if (number == null || phone == null || number.isBlank() || phone.isBlank()) {
            return Optional.empty();
        }
        String p = phone.strip().replaceAll("[\\- ]", "");
        return store.idByNumber(number.strip())
                .flatMap(store::find)
                .filter(c -> c.phone != null && c.phone.equals(p))
                .map(c -> new PublicView(
                        c.number == null ? "" : c.number,
                        text("cases.public.status." + c.status.name()),
                        catalogue.categoryName(c.categoryCode),
                        c.deadline,
                        c.createdAt,
                        store.events(c.id == null ? 0 : c.id, true)));
    }

    // ---------------------------------------------------------------- helpers

    java.time.ZoneId zone() {
        return deadlines.calendar().zone();
    }

    private HotlineCase locked(long id, DataScope scope) {
        return store.lock(id).filter(c -> visible(c, scope)).orElseThrow(() -> new CaseNotFound("" + id));
    }

    private boolean visible(HotlineCase c, DataScope scope) {
        switch (scope.kind()) {
            case OFFICE:
                return true;
            case LEADER:
            case UNIT:
                return c.shares.stream().anyMatch(s -> scope.unitIds().contains(s.unitId));
            case NONE:
            default:
                return false;
        }
    }

    private static void requireOffice(SignedInAccount me) {
        if (me.role() != Role.STAFF) {
            throw new NotYourStep("cases.forbidden.officeOnly");
        }
    }

    /** The signed-in liaison's unit's share still on the case. */
    private static Share myShare(HotlineCase c, SignedInAccount me) {
        if (me.role() != Role.LIAISON || me.unitId() == null) {
            throw new NotYourStep("cases.forbidden.unitOnly");
        }
        long unit = me.unitId();
        return c.shares.stream()
                .filter(s -> s.unitId == unit && s.active())
                .findFirst()
                .orElseThrow(() -> new NotYourStep("cases.forbidden.notYourShare"));
    }

    CaseView view(HotlineCase c, DataScope scope, SignedInAccount me) {
        boolean office = scope.kind() == DataScope.Kind.OFFICE;
        LocalDate today = deadlines.today();
        String master = c.masterId == null
                ? null
                : store.find(c.masterId).map(m -> m.number).orElse(null);
        List<CaseView.ShareView> shares = c.shares.stream()
                .map(s -> new CaseView.ShareView(
                        s.id == null ? 0 : s.id,
                        s.unitId,
                        unitName(s.unitId),
                        s.role,
                        s.status,
                        s.signDue,
                        s.signedAt,
                        s.signedAt == null
                                ? deadlines.now().isAfter(s.signDue) && s.active()
                                : s.signedAt.isAfter(s.signDue),
                        s.reportText,
                        s.returnReason,
                        s.returnBasis,
                        s.returnSuggestedUnitId == null ? null : unitName(s.returnSuggestedUnitId),
                        s.extensionUntil,
                        s.extensionReason))
                .toList();
        return new CaseView(
                c.id == null ? 0 : c.id,
                c.number == null ? "" : c.number,
                c.status,
                c.channel,
                callerFor(c, office),
                phoneFor(c.phone, c.confidential, office, false),
                c.confidential,
                c.address,
                c.districtCode,
                districtName(c.districtCode),
                c.categoryCode,
                catalogue.categoryName(c.categoryCode),
                c.urgent,
                c.description,
                c.timeLimitCode,
                c.deadline,
                colour(c.status.name(), c.deadline, today, c.suspended()),
                overdue(c.status.name(), c.deadline, today, c.suspended()),
                c.leadUnitId,
                c.leadUnitId == null ? "" : unitName(c.leadUnitId),
                c.matterId,
                c.masterId,
                master,
                c.reopenCount,
                c.escalated,
                c.suspendedSince,
                c.suspendReason,
                c.replyText,
                c.satisfaction,
                c.solved,
                c.closing,
                c.closeReason,
                c.delegatedBy == null
                        ? null
                        : directory
                                .person(c.delegatedBy)
                                .map(PersonSummary::name)
                                .orElse(null),
                c.delegationInstruction,
                c.delegationScope,
                c.createdAt,
                c.dispatchedAt,
                c.closedAt,
                shares);
    }

    private String callerFor(HotlineCase c, boolean office) {
        if (!office && c.confidential) {
            return text("cases.confidentialCaller");
        }
        return c.callerName == null ? "" : c.callerName;
    }

    /** Office staff see the full number on a case's page; lists and units see it masked (138****1234). */
    String phoneFor(@Nullable String phone, boolean confidential, boolean office, boolean list) {
        if (phone == null) {
            return "";
        }
        if (!office && confidential) {
            return text("cases.confidentialPhone");
        }
        if (office && !list) {
            return phone;
        }
        return mask(phone);
    }

    static String mask(String phone) {
        if (phone.length() <= 7) {
            return phone.length() <= 2 ? "**" : phone.charAt(0) + "****" + phone.charAt(phone.length() - 1);
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private CaseView.Line line(CaseStore.Row row, LocalDate today, boolean office, Map<String, String> categoryNames) {
        String summary = row.description().length() > 60 ? row.description().substring(0, 59) + "…" : row.description();
        return new CaseView.Line(
                row.id(),
                row.number(),
                CaseStatus.valueOf(row.status()),
                DispatchCatalogue.categoryName(categoryNames, row.categoryCode()),
                districtName(row.districtCode()),
                phoneFor(row.phone(), row.confidential(), office, true),
                row.address(),
                summary,
                row.urgent(),
                row.deadline(),
                colour(row.status(), row.deadline(), today, row.suspended()),
                overdue(row.status(), row.deadline(), today, row.suspended()),
                row.leadUnitId() == null ? "" : unitName(row.leadUnitId()),
                row.suspended(),
                row.createdAt());
    }

    private static boolean running(String status) {
        return status.equals("DISPATCHED") || status.equals("REPLIED");
    }

    private static boolean overdue(String status, @Nullable LocalDate deadline, LocalDate today, boolean suspended) {
        return running(status) && !suspended && deadline != null && today.isAfter(deadline);
    }

    /** green: time enough; amber: due within a working day; red: overdue; grey: not running. */
    private String colour(String status, @Nullable LocalDate deadline, LocalDate today, boolean suspended) {
        if (!running(status) || deadline == null || suspended) {
            return "grey";
        }
        if (today.isAfter(deadline)) {
            return "red";
        }
        return deadlines.calendar().workingDaysBetween(today, deadline) <= settings.remindBeforeWorkingDays()
                ? "amber"
                : "green";
    }

    String districtName(@Nullable String code) {
        if (code == null) {
            return "";
        }
        return directory.unitByCode(code).map(UnitSummary::displayName).orElse(code);
    }

    String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("#" + unitId);
    }

    private String names(Set<Long> units) {
        return units.isEmpty() ? "-" : units.stream().map(this::unitName).collect(Collectors.joining("、"));
    }

    static String summary(HotlineCase c) {
        return c.description.length() > 200 ? c.description.substring(0, 199) + "…" : c.description;
    }

    private void tellUnit(long unitId, HotlineCase c, String kind, String title, boolean urgent) {
        Set<Long> ids =
                directory.liaisons(unitId).stream().map(PersonSummary::id).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return;
        }
        String body = text("cases.notice.body", c.number, summary(c));
        String link = "/cases/" + c.id;
        notifications.send(
                urgent ? Notice.urgent(ids, kind, title, body, link) : Notice.of(ids, kind, title, body, link));
    }

    private void tellDispatcher(HotlineCase c, String title) {
        if (c.dispatcherId == null) {
            return;
        }
        notifications.send(Notice.of(
                Set.of(c.dispatcherId),
                "cases.office",
                title,
                text("cases.notice.body", c.number, summary(c)),
                "/cases/" + c.id));
    }

    private void audit(HotlineCase c, String action, @Nullable String before) {
        audit(c, action, c.leadUnitId, before, c.status.name());
    }

    private void audit(HotlineCase c, String action, @Nullable Long unitId, @Nullable String before, String after) {
        events.publishEvent(Audited.now("cases", "case", String.valueOf(c.id), action, unitId, before, after));
    }

    static @Nullable String clean(@Nullable String value, int max, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new CaseInputRejected(messageKey);
        }
        return stripped;
    }

    static String required(@Nullable String value, int max, String messageKey) {
        String cleaned = clean(value, max, messageKey);
        if (cleaned == null) {
            throw new CaseInputRejected(messageKey);
        }
        return cleaned;
    }

    String text(String key, @Nullable Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
