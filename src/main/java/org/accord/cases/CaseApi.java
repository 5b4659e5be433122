package org.accord.cases;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.security.DataScopes;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases as JSON: intake (office staff, or another system with a key of scope {@code cases:intake}, with an
 * {@code Idempotency-Key}), the list by keyset, a case with its timeline, and every step of the loop.
 */
@RestController
@RequestMapping("/api/cases")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class CaseApi {

    record Created(long id, String number, String location) {}

    record Detail(CaseView detail, List<CaseStore.Event> timeline) {}

    record Page(List<CaseView.Line> cases, @Nullable Long next) {}

    record Text(@Nullable String text) {}

    record Reason(@Nullable String reason) {}

    record FirstContact(@Nullable Long answerId, @Nullable String text) {}

    record Return(
            @Nullable String reason,
            @Nullable String basis,
            @Nullable Long suggestedUnitId) {}

    record ReturnDecision(
            @Nullable Boolean accept,
            @Nullable Long newUnitId,
            @Nullable String reason) {}

    record Extension(@Nullable String until, @Nullable String reason) {}

    record Decision(@Nullable Boolean approve, @Nullable String reason) {}

    record Review(@Nullable Boolean accept, @Nullable String reason) {}

    record Visit(
            @Nullable String satisfaction,
            @Nullable String solved,
            @Nullable String note) {}

    record Merge(@Nullable String master) {}

    private final CaseDesk desk;
    private final CaseFigures figures;
    private final DispatchCatalogue catalogue;
    private final DataScopes scopes;
    private final MessageSource messages;

    CaseApi(
            CaseDesk desk,
            CaseFigures figures,
            DispatchCatalogue catalogue,
            DataScopes scopes,
            MessageSource messages) {
        this.desk = desk;
        this.figures = figures;
        this.catalogue = catalogue;
        this.scopes = scopes;
        this.messages = messages;
    }

    /** Intake. The same Idempotency-Key and body answers 201 with the first case, never a second one. */
    @PostMapping
    @PreAuthorize("hasRole('STAFF') or hasAuthority('SCOPE_cases:intake')")
    ResponseEntity<Created> create(
            @RequestBody(required = false) CaseDesk.@Nullable Intake intake,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            Authentication authentication) {
        if (intake == null) {
            throw new CaseInputRejected("cases.error.description");
        }
        Channel channel = authentication.getPrincipal() instanceof SignedInAccount ? Channel.PHONE : Channel.API;
        CaseDesk.Taken taken = desk.intake(intake, channel, authentication.getName(), key);
        String location = "/api/cases/" + taken.id();
        return ResponseEntity.created(URI.create(location)).body(new Created(taken.id(), taken.number(), location));
    }

    @GetMapping
    Page list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String district,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String overdue,
            @RequestParam(required = false) @Nullable Long before) {
        List<CaseView.Line> lines = desk.list(
                scopes.current(), CaseController.filter(status, category, district, number, phone, overdue, before));
        Long next =
                lines.size() == CaseDesk.PAGE_SIZE ? lines.get(lines.size() - 1).id() : null;
        return new Page(lines, next);
    }

    @GetMapping("/{id}")
    Detail get(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me) {
        return new Detail(desk.get(id, scopes.current(), me), desk.timeline(id, scopes.current()));
    }

    @GetMapping("/suggestions")
    @PreAuthorize("hasRole('STAFF')")
    CaseDesk.Suggestions suggestions(
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String category) {
        return desk.suggestions(phone, address, category);
    }

    @GetMapping("/catalogue")
    Map<String, Object> catalogue() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categories", catalogue.categories());
        body.put("timeLimits", catalogue.timeLimits());
        body.put("rules", catalogue.rules());
        body.put("districts", DispatchCatalogue.DISTRICTS);
        return body;
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('LEADER', 'STAFF')")
    List<CaseFigures.Figure> figures(
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        LocalDate end = date(to, LocalDate.now());
        return figures.figures(CaseFigures.by(by), date(from, end.minusDays(30)), end);
    }

    @PostMapping("/{id}/first-contact")
    @PreAuthorize("hasRole('STAFF')")
    CaseView firstContact(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable FirstContact body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.answerAtOnce(
                id, scopes.current(), me, body == null ? null : body.answerId(), body == null ? null : body.text());
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasRole('STAFF')")
    CaseView dispatch(
            @PathVariable long id,
            @RequestBody(required = false) CaseDesk.@Nullable Dispatch body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.dispatch(
                id,
                scopes.current(),
                me,
                body == null ? new CaseDesk.Dispatch(null, null, null, null, null, null, null, null) : body);
    }

    @PostMapping("/{id}/sign")
    CaseView sign(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me) {
        return desk.signFor(id, scopes.current(), me);
    }

    @PostMapping("/{id}/return")
    CaseView requestReturn(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Return body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.requestReturn(
                id,
                scopes.current(),
                me,
                body == null ? null : body.reason(),
                body == null ? null : body.basis(),
                body == null ? null : body.suggestedUnitId());
    }

    @PostMapping("/{id}/shares/{shareId}/return-decision")
    @PreAuthorize("hasRole('STAFF')")
    CaseView decideReturn(
            @PathVariable long id,
            @PathVariable long shareId,
            @RequestBody(required = false) @Nullable ReturnDecision body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.decideReturn(
                id,
                scopes.current(),
                me,
                shareId,
                body != null && Boolean.TRUE.equals(body.accept()),
                body == null ? null : body.newUnitId(),
                body == null ? null : body.reason());
    }

    @PostMapping("/{id}/extension")
    CaseView requestExtension(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Extension body,
            @AuthenticationPrincipal SignedInAccount me) {
        LocalDate until = body == null || body.until() == null ? null : date(body.until(), null);
        return desk.requestExtension(id, scopes.current(), me, until, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/extension-decision")
    @PreAuthorize("hasRole('STAFF')")
    CaseView decideExtension(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Decision body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.decideExtension(
                id,
                scopes.current(),
                me,
                body != null && Boolean.TRUE.equals(body.approve()),
                body == null ? null : body.reason());
    }

    @PostMapping("/{id}/report")
    CaseView report(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Text body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.report(id, scopes.current(), me, body == null ? null : body.text());
    }

    @PostMapping("/{id}/reply")
    CaseView reply(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Text body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.draftReply(id, scopes.current(), me, body == null ? null : body.text());
    }

    @PostMapping("/{id}/reply-approval")
    CaseView approveReply(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Decision body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.decideDraft(
                id,
                scopes.current(),
                me,
                body != null && Boolean.TRUE.equals(body.approve()),
                body == null ? null : body.reason());
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('STAFF')")
    CaseView review(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Review body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.review(
                id,
                scopes.current(),
                me,
                body != null && Boolean.TRUE.equals(body.accept()),
                body == null ? null : body.reason());
    }

    @PostMapping("/{id}/visit")
    @PreAuthorize("hasRole('STAFF')")
    CaseView visit(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Visit body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.visit(
                id,
                scopes.current(),
                me,
                body == null ? null : satisfaction(body.satisfaction()),
                body == null ? null : solved(body.solved()),
                body == null ? null : body.note());
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("hasRole('STAFF')")
    CaseView reopen(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Reason body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.reopen(id, scopes.current(), me, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('STAFF')")
    CaseView close(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Reason body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.closeWithReason(id, scopes.current(), me, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasRole('STAFF')")
    CaseView merge(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Merge body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.merge(id, scopes.current(), me, body == null ? null : body.master());
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasRole('STAFF')")
    CaseView suspend(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Reason body,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.suspend(id, scopes.current(), me, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('STAFF')")
    CaseView resume(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me) {
        return desk.resume(id, scopes.current(), me);
    }

    static @Nullable Satisfaction satisfaction(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Satisfaction.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CaseInputRejected("cases.error.visit");
        }
    }

    static @Nullable Solved solved(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Solved.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CaseInputRejected("cases.error.visit");
        }
    }

    static LocalDate date(@Nullable String value, @Nullable LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            if (otherwise == null) {
                throw new CaseInputRejected("cases.error.date");
            }
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new CaseInputRejected("cases.error.date");
        }
    }

    // The class's @PreAuthorize would also guard the handlers below, refusing another system's key (which may
    // post an intake) its own refusal: the original exception then escaped as a 500. Each handler says so.
    @ExceptionHandler(CaseNotFound.class)
    @PreAuthorize("permitAll()")
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "cases.error.notFound");
    }

    @ExceptionHandler(NotYourStep.class)
    @PreAuthorize("permitAll()")
    ProblemDetail notYours(NotYourStep refused) {
        return problem(HttpStatus.FORBIDDEN, refused.messageKey());
    }

    @ExceptionHandler(CaseRefused.class)
    @PreAuthorize("permitAll()")
    ProblemDetail conflict(CaseRefused refused) {
        return problem(HttpStatus.CONFLICT, refused.messageKey());
    }

    @ExceptionHandler(CaseInputRejected.class)
    @PreAuthorize("permitAll()")
    ProblemDetail rejected(CaseInputRejected rejected) {
        return problem(HttpStatus.BAD_REQUEST, rejected.messageKey());
    }

    private ProblemDetail problem(HttpStatus status, String messageKey) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE));
        problem.setTitle(messages.getMessage("cases.problem." + status.value(), null, Locale.SIMPLIFIED_CHINESE));
        return problem;
    }
}
