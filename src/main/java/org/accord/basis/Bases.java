package org.accord.basis;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.search.Search;
import org.accord.search.SearchHit;
import org.accord.search.SearchKind;
import org.accord.search.Searchable;
import org.accord.search.SimilarQuery;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The basis finder (借东风): what has already been decided that bears on what the office is writing to units, and
 * the bases cited, which the recipients see beside what they received.
 */
@Service
public class Bases {

    /** A basis is something already binding: a leader's instruction, a meeting's decision, an issued document. */
    static final Set<SearchKind> KINDS = EnumSet.of(SearchKind.INSTRUCTION, SearchKind.DECISION, SearchKind.DOCUMENT);

    /** Items matching less than this share of the best match's score are noise beside it. */
    static final double RELEVANT_SHARE = 0.35;

    static final int SHOWN = 6;

    private final Search search;
    private final CitationStore store;
    private final DataScopes scopes;
    private final ApplicationEventPublisher events;

    Bases(Search search, CitationStore store, DataScopes scopes, ApplicationEventPublisher events) {
        this.search = search;
        this.store = store;
        this.scopes = scopes;
        this.events = events;
    }

    /** The bases cited for it, in the order they were cited: for the page its recipients open. */
    @Transactional(readOnly = true)
    public List<Citation> cited(BasisTarget target) {
        return store.forTarget(target);
    }

    /**
     * The bases that bear on a text: the items nearest to it (same units and same category count for more), of
     * those the relevant ones, the most authoritative first and, among equals, the newest first.
     */
    @Transactional(readOnly = true)
    List<Suggestion> suggest(BasisTarget target, String text, Set<Long> unitIds, @Nullable String category) {
        requireOffice();
        if (text.isBlank()) {
            return List.of();
        }
        List<SearchHit> hits = search.similar(new SimilarQuery(text, KINDS, unitIds, category, 20)).stream()
                .filter(Bases::binding)
                .toList();
        if (hits.isEmpty()) {
            return List.of();
        }
        double best = hits.stream().mapToDouble(SearchHit::score).max().orElse(0);
        Set<String> cited = store.forTarget(target).stream()
                .map(c -> c.sourceKind() + ":" + c.sourceId())
                .collect(Collectors.toSet());
        return ranked(hits, best).stream()
                .limit(SHOWN)
                .map(hit -> Suggestion.of(hit, cited.contains(hit.kind() + ":" + hit.id())))
                .toList();
    }

    static List<SearchHit> ranked(List<SearchHit> hits, double best) {
        return hits.stream()
                .filter(hit -> hit.score() >= best * RELEVANT_SHARE)
                .sorted(Comparator.comparingInt(SearchHit::authority)
                        .reversed()
                        .thenComparing(
                                SearchHit::at,
                                Comparator.nullsLast(
                                        Comparator.<Instant>naturalOrder().reversed())))
                .toList();
    }

    /** Cites an item as it reads now; citing it again changes nothing. */
    @Transactional
    public Citation cite(BasisTarget target, SearchKind kind, String sourceId) {
        requireOffice();
        if (!KINDS.contains(kind)) {
            throw new BasisRefused("basis.error.kind");
        }
        SearchHit hit = search.item(kind, sourceId)
                .filter(Bases::binding)
                .orElseThrow(() -> new BasisRefused("basis.error.notFound"));
        if (store.exists(target, kind, sourceId)) {
            return store.forTarget(target).stream()
                    .filter(c -> c.sourceKind() == kind && c.sourceId().equals(sourceId))
                    .findFirst()
                    .orElseThrow();
        }
        Citation citation = new Citation(
                0,
                target,
                kind,
                sourceId,
                clip(hit.title(), 500),
                hit.reference(),
                clip(Suggestion.plain(hit.snippet()), 1000),
                hit.url(),
                hit.at(),
                citedBy(),
                Instant.now());
        store.insert(citation, hit.authority());
        events.publishEvent(Audited.now(
                "basis", "citation", target.toString(), "cite", null, null, kind + ":" + sourceId + " " + hit.title()));
        return citation;
    }

    /** The recipients read who cited it: a person's name, not an account name. */
    private static String citedBy() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication.getPrincipal() instanceof SignedInAccount account
                ? account.displayName()
                : authentication.getName();
    }

    @Transactional
    void withdraw(long citationId) {
        requireOffice();
        Citation citation = store.one(citationId).orElseThrow(() -> new BasisRefused("basis.error.noCitation"));
        store.delete(citationId);
        events.publishEvent(Audited.now(
                "basis",
                "citation",
                citation.target().toString(),
                "withdraw",
                null,
                citation.sourceKind() + ":" + citation.sourceId() + " " + citation.title(),
                null));
    }

    /**
     * Only what binds is a basis: a document before issuance has no number and binds nobody, and a received
     * document (收文) has a receipt number but is the sender's word, not the government's.
     */
    private static boolean binding(SearchHit hit) {
        return hit.kind() != SearchKind.DOCUMENT
                || (hit.reference() != null && hit.authority() >= Searchable.Authority.ISSUED_DOCUMENT);
    }

    private void requireOffice() {
        if (scopes.current().kind() != DataScope.Kind.OFFICE) {
            throw new BasisRefused("basis.error.officeOnly");
        }
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
