package org.accord.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accord.basis.Bases;
import org.accord.basis.BasisTarget;
import org.accord.directory.Directory;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The pages of 热线办件: intake, the list and a unit's inbox, a case with its timeline and the steps on it. */
@Controller
@RequestMapping("/cases")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class CaseController {

    private final CaseDesk desk;
    private final CaseFigures figures;
    private final DispatchCatalogue catalogue;
    private final Directory directory;
    private final DataScopes scopes;
    private final MessageSource messages;
    private final Deadlines deadlines;

    private final Bases bases;

    CaseController(
            CaseDesk desk,
            CaseFigures figures,
            DispatchCatalogue catalogue,
            Directory directory,
            DataScopes scopes,
            MessageSource messages,
            Deadlines deadlines,
            Bases bases) {
        this.desk = desk;
        this.figures = figures;
        this.catalogue = catalogue;
        this.directory = directory;
        this.scopes = scopes;
        this.messages = messages;
        this.deadlines = deadlines;
        this.bases = bases;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "cases";
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String district,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String overdue,
            @RequestParam(required = false) @Nullable Long before,
            @AuthenticationPrincipal SignedInAccount me,
            Model model) {
        CaseStore.Filter filter = filter(status, category, district, number, phone, overdue, before);
        List<CaseView.Line> lines = desk.list(scopes.current(), filter);
        model.addAttribute("cases", lines);
        model.addAttribute(
                "next",
                lines.size() == CaseDesk.PAGE_SIZE ? lines.get(lines.size() - 1).id() : null);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("districts", districts());
        model.addAttribute("office", me.role() == Role.STAFF);
        model.addAttribute("inbox", me.role() == Role.LIAISON);
        return "cases/list";
    }

    /** A liaison's inbox is the list of their unit's cases; for others the same list. */
    @GetMapping("/inbox")
    String inbox() {
        return "redirect:/cases";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('STAFF')")
    String intakeForm(Model model) {
        // A fresh key per form: a double submission (or a retry after a lost answer) takes the case in once.
        model.addAttribute("idempotencyKey", java.util.UUID.randomUUID().toString());
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("districts", districts());
        return "cases/new";
    }

    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    String intake(
            @RequestParam(required = false) @Nullable String callerName,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String confidential,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String district,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String urgent,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String idempotencyKey,
            @AuthenticationPrincipal SignedInAccount me) {
        CaseDesk.Taken taken = desk.intake(
                new CaseDesk.Intake(
                        callerName,
                        phone,
                        "on".equals(confidential) || "true".equals(confidential),
                        address,
                        blankToNull(district),
                        blankToNull(category),
                        "on".equals(urgent) || "true".equals(urgent),
                        description,
                        null,
                        null),
                Channel.PHONE,
                me.username(),
                idempotencyKey);
        return "redirect:/cases/" + taken.id();
    }

    /** The intake form's live part: possible duplicates and knowledge-base answers (htmx). */
    @GetMapping("/suggestions")
    @PreAuthorize("hasRole('STAFF')")
    String suggestions(
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String category,
            Model model) {
        model.addAttribute("suggestions", desk.suggestions(phone, address, category));
        return "cases/suggestions :: suggestions";
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('LEADER', 'STAFF')")
    String figures(
            @RequestParam(required = false) @Nullable String by,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Model model) {
        LocalDate end = CaseApi.date(to, deadlines.today());
        LocalDate start = CaseApi.date(from, end.minusDays(30));
        CaseFigures.By grouping = CaseFigures.by(by);
        model.addAttribute("figures", figures.figures(grouping, start, end));
        model.addAttribute("by", grouping.name());
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        return "cases/figures";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        DataScope scope = scopes.current();
        CaseView c = desk.get(id, scope, me);
        model.addAttribute("c", c);
        model.addAttribute("timeline", desk.timeline(id, scope));
        model.addAttribute("zone", deadlines.calendar().zone());
        boolean office = me.role() == Role.STAFF;
        model.addAttribute("office", office);
        model.addAttribute("citations", bases.cited(BasisTarget.ofCase(id)));
        Optional<CaseView.ShareView> mine = me.role() == Role.LIAISON && me.unitId() != null
                ? c.shares().stream()
                        .filter(s -> s.unitId() == me.unitId() && s.status() != ShareStatus.RETURNED)
                        .findFirst()
                : Optional.empty();
        model.addAttribute("mine", mine.orElse(null));
        model.addAttribute(
                "isHead", mine.isPresent() && desk.isHead(me, mine.get().unitId()));
        model.addAttribute("units", directory.activeUnits());
        model.addAttribute("timeLimits", catalogue.timeLimits());
        model.addAttribute(
                "timeLimitName",
                c.timeLimitCode() == null
                        ? null
                        : catalogue
                                .timeLimit(c.timeLimitCode())
                                .map(DispatchCatalogue.TimeLimit::name)
                                .orElse(c.timeLimitCode()));
        model.addAttribute(
                "holidaysInTerm",
                c.deadline() == null || c.dispatchedAt() == null
                        ? List.of()
                        : deadlines.holidaysBetween(deadlines.calendar().dateOf(c.dispatchedAt()), c.deadline()));
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("solveds", Solved.values());
        if (office && c.status() == CaseStatus.RECEIVED) {
            model.addAttribute("proposal", desk.propose(c.categoryCode(), c.districtCode(), c.urgent()));
            model.addAttribute("suggestions", desk.suggestions(c.phone(), c.address(), c.categoryCode()));
            model.addAttribute("categories", catalogue.categories());
            model.addAttribute("districts", districts());
        }
        return "cases/detail";
    }

    @PostMapping("/{id}/first-contact")
    @PreAuthorize("hasRole('STAFF')")
    String firstContact(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long answerId,
            @RequestParam(required = false) @Nullable String text,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.answerAtOnce(id, scopes.current(), me, answerId, text);
        return back(id);
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize("hasRole('STAFF')")
    String dispatch(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long leadUnitId,
            @RequestParam(required = false) @Nullable List<Long> cooperatingUnitIds,
            @RequestParam(required = false) @Nullable String timeLimit,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String district,
            @RequestParam(required = false) @Nullable Long delegatedBy,
            @RequestParam(required = false) @Nullable String instruction,
            @RequestParam(required = false) @Nullable String authority,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.dispatch(
                id,
                scopes.current(),
                me,
                new CaseDesk.Dispatch(
                        leadUnitId,
                        cooperatingUnitIds,
                        blankToNull(timeLimit),
                        blankToNull(category),
                        blankToNull(district),
                        delegatedBy,
                        instruction,
                        authority));
        return back(id);
    }

    @PostMapping("/{id}/sign")
    String sign(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me) {
        desk.signFor(id, scopes.current(), me);
        return back(id);
    }

    @PostMapping("/{id}/return")
    String requestReturn(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String basis,
            @RequestParam(required = false) @Nullable Long suggestedUnitId,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.requestReturn(id, scopes.current(), me, reason, basis, suggestedUnitId);
        return back(id);
    }

    @PostMapping("/{id}/shares/{shareId}/return-decision")
    @PreAuthorize("hasRole('STAFF')")
    String decideReturn(
            @PathVariable long id,
            @PathVariable long shareId,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable Long newUnitId,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.decideReturn(id, scopes.current(), me, shareId, decision(decision, "accept"), newUnitId, reason);
        return back(id);
    }

    @PostMapping("/{id}/extension")
    String requestExtension(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.requestExtension(id, scopes.current(), me, CaseApi.date(until, null), reason);
        return back(id);
    }

    @PostMapping("/{id}/extension-decision")
    @PreAuthorize("hasRole('STAFF')")
    String decideExtension(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.decideExtension(id, scopes.current(), me, decision(decision, "approve"), reason);
        return back(id);
    }

    @PostMapping("/{id}/report")
    String report(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String text,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.report(id, scopes.current(), me, text);
        return back(id);
    }

    @PostMapping("/{id}/reply")
    String reply(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String text,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.draftReply(id, scopes.current(), me, text);
        return back(id);
    }

    @PostMapping("/{id}/reply-approval")
    String approveReply(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.decideDraft(id, scopes.current(), me, decision(decision, "approve"), reason);
        return back(id);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('STAFF')")
    String review(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.review(id, scopes.current(), me, decision(decision, "accept"), reason);
        return back(id);
    }

    @PostMapping("/{id}/visit")
    @PreAuthorize("hasRole('STAFF')")
    String visit(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String satisfaction,
            @RequestParam(required = false) @Nullable String solved,
            @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.visit(id, scopes.current(), me, CaseApi.satisfaction(satisfaction), CaseApi.solved(solved), note);
        return back(id);
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize("hasRole('STAFF')")
    String reopen(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.reopen(id, scopes.current(), me, reason);
        return back(id);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('STAFF')")
    String close(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.closeWithReason(id, scopes.current(), me, reason);
        return back(id);
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasRole('STAFF')")
    String merge(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String master,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.merge(id, scopes.current(), me, master);
        return back(id);
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasRole('STAFF')")
    String suspend(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.suspend(id, scopes.current(), me, reason);
        return back(id);
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("hasRole('STAFF')")
    String resume(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me) {
        desk.resume(id, scopes.current(), me);
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/cases/" + id;
    }

    private static boolean decision(@Nullable String value, String yes) {
        if (value == null || value.isBlank()) {
            throw new CaseInputRejected("cases.error.decision");
        }
        return yes.equals(value.strip());
    }

    private List<org.accord.directory.UnitSummary> districts() {
        return DispatchCatalogue.DISTRICTS.stream()
                .map(directory::unitByCode)
                .flatMap(Optional::stream)
                .toList();
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static CaseStore.Filter filter(
            @Nullable String status,
            @Nullable String category,
            @Nullable String district,
            @Nullable String number,
            @Nullable String phone,
            @Nullable String overdue,
            @Nullable Long before) {
        String wanted = blankToNull(status);
        if (wanted != null) {
            try {
                wanted = CaseStatus.valueOf(wanted.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new CaseInputRejected("cases.error.status");
            }
        }
        String p = blankToNull(phone);
        return new CaseStore.Filter(
                wanted,
                blankToNull(category),
                blankToNull(district),
                blankToNull(number),
                p == null ? null : p.replaceAll("[\\- ]", ""),
                "true".equals(overdue),
                null,
                null,
                before);
    }

    @ExceptionHandler(CaseNotFound.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    @ExceptionHandler(NotYourStep.class)
    ModelAndView notYours(NotYourStep refused) {
        return refused(HttpStatus.FORBIDDEN, refused.messageKey());
    }

    @ExceptionHandler(CaseRefused.class)
    ModelAndView conflict(CaseRefused refused) {
        return refused(HttpStatus.CONFLICT, refused.messageKey());
    }

    @ExceptionHandler(CaseInputRejected.class)
    ModelAndView rejected(CaseInputRejected rejected) {
        return refused(HttpStatus.BAD_REQUEST, rejected.messageKey());
    }

    private ModelAndView refused(HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView("cases/refused", status);
        page.addObject("message", messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE));
        page.addObject("code", status.value());
        page.addObject("activeNav", "cases");
        return page;
    }
}
