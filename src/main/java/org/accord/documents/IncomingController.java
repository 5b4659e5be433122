package org.accord.documents;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
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

/** The pages of 收文: the register form, the list within the data scope, a document with its timeline and steps. */
@Controller
@RequestMapping("/documents/incoming")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class IncomingController {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final IncomingDesk desk;
    private final DataScopes scopes;
    private final MessageSource messages;

    IncomingController(IncomingDesk desk, DataScopes scopes, MessageSource messages) {
        this.desk = desk;
        this.scopes = scopes;
        this.messages = messages;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "documents";
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String sender,
            @RequestParam(required = false) @Nullable String overdue,
            @AuthenticationPrincipal SignedInAccount me,
            Model model) {
        IncomingDocuments.Filter filter = filter(state, sender, overdue);
        model.addAttribute("documents", desk.list(scopes.current(), filter));
        model.addAttribute("states", IncomingState.values());
        model.addAttribute("state", filter.state() == null ? "" : filter.state().name());
        model.addAttribute("sender", filter.sender() == null ? "" : filter.sender());
        model.addAttribute("overdue", filter.overdueOnly());
        model.addAttribute("office", me.role() == Role.STAFF);
        model.addAttribute("limit", IncomingDesk.LIST_LIMIT);
        return "documents/incoming/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('STAFF')")
    String form(Model model) {
        choices(model);
        model.addAttribute(
                "now",
                SECONDS.format(Instant.now().truncatedTo(ChronoUnit.SECONDS).atZone(desk.zone())));
        model.addAttribute("today", desk.today());
        return "documents/incoming/new";
    }

    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    String signFor(@ModelAttribute IncomingForm form, @AuthenticationPrincipal SignedInAccount me) {
        long id = desk.signFor(
                me, form.channelValue(), form.signedAtValue(), form.registration(desk.today()), form.registerNow());
        return "redirect:/documents/incoming/" + id;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        DataScope scope = scopes.current();
        IncomingView document = desk.get(id, scope);
        List<IncomingDocuments.Reader> circulation = desk.circulation(id, scope);
        model.addAttribute("document", document);
        model.addAttribute("timeline", desk.timeline(id, scope));
        model.addAttribute("reminders", desk.reminders(id, scope));
        model.addAttribute("circulation", circulation);
        model.addAttribute("zone", desk.zone());
        boolean office = me.role() == Role.STAFF;
        IncomingState state = document.state();
        model.addAttribute("office", office);
        model.addAttribute("sender", me.role() == Role.LIAISON);
        model.addAttribute("canRegister", office && (state == IncomingState.SIGNED || state == IncomingState.RETURNED));
        model.addAttribute("canCheck", office && state == IncomingState.REGISTERED);
        model.addAttribute("canRoute", office && state == IncomingState.ACCEPTED);
        model.addAttribute(
                "canCirculate", office && (state == IncomingState.ACCEPTED || state == IncomingState.ROUTED));
        model.addAttribute("canRemind", office && state == IncomingState.ROUTED);
        model.addAttribute("canReply", office && state == IncomingState.ROUTED);
        boolean unread = me.role() == Role.LEADER
                && circulation.stream()
                        .anyMatch(reader ->
                                me.personId() != null && reader.personId() == me.personId() && !reader.isRead());
        model.addAttribute("canRead", unread);
        if (office) {
            choices(model);
            model.addAttribute("sections", desk.sections());
            model.addAttribute("leaders", desk.leaders());
            model.addAttribute(
                    "circulatedTo",
                    circulation.stream().map(IncomingDocuments.Reader::personId).collect(Collectors.toSet()));
            model.addAttribute("returnReasons", IncomingReturnReason.values());
            model.addAttribute("replyKinds", IncomingReplyKind.values());
            model.addAttribute("today", desk.today());
            model.addAttribute("handlingWorkingDays", desk.handlingWorkingDays());
        }
        model.addAttribute("readKinds", IncomingReadKind.values());
        return "documents/incoming/detail";
    }

    @PostMapping("/{id}/register")
    @PreAuthorize("hasRole('STAFF')")
    String register(
            @PathVariable long id, @ModelAttribute IncomingForm form, @AuthenticationPrincipal SignedInAccount me) {
        // Someone else's or no document is 404 before its form is looked at.
        desk.get(id, scopes.current());
        desk.register(id, scopes.current(), me, form.registration(desk.today()));
        return "redirect:/documents/incoming/" + id;
    }

    @PostMapping("/{id}/check")
    @PreAuthorize("hasRole('STAFF')")
    String check(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String reasonKind,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        if (!"accept".equals(decision) && !"return".equals(decision)) {
            desk.get(id, scopes.current());
            throw new IncomingInputRejected("documents.incoming.error.decision");
        }
        desk.check(
                id,
                scopes.current(),
                me,
                "accept".equals(decision),
                IncomingForm.option(IncomingReturnReason.class, reasonKind, "documents.incoming.error.reasonKind"),
                reason);
        return "redirect:/documents/incoming/" + id;
    }

    @PostMapping("/{id}/route")
    @PreAuthorize("hasRole('STAFF')")
    String route(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String unitId,
            @RequestParam(required = false) @Nullable String opinion,
            @RequestParam(required = false) @Nullable String deadline,
            @AuthenticationPrincipal SignedInAccount me) {
        Long unit;
        try {
            unit = IncomingForm.blank(unitId) ? null : Long.valueOf(unitId.strip());
        } catch (NumberFormatException e) {
            throw new IncomingInputRejected("documents.incoming.error.section");
        }
        desk.route(
                id,
                scopes.current(),
                me,
                unit,
                opinion,
                IncomingForm.date(deadline, "documents.incoming.error.deadline"));
        return "redirect:/documents/incoming/" + id;
    }

    @PostMapping("/{id}/circulate")
    @PreAuthorize("hasRole('STAFF')")
    String circulate(
            @PathVariable long id,
            @RequestParam(name = "leaderId", required = false) @Nullable List<String> leaderIds,
            @AuthenticationPrincipal SignedInAccount me) {
        List<Long> ids = new ArrayList<>();
        if (leaderIds != null) {
            for (String leaderId : leaderIds) {
                try {
                    ids.add(Long.valueOf(leaderId.strip()));
                } catch (NumberFormatException e) {
                    throw new IncomingInputRejected("documents.incoming.error.leaders");
                }
            }
        }
        desk.circulate(id, scopes.current(), me, ids);
        return "redirect:/documents/incoming/" + id;
    }

    /** A leader's reading; from the leader's page only {@code instruction} comes (a 批示, or nothing for 圈阅). */
    @PostMapping("/{id}/read")
    @PreAuthorize("hasRole('LEADER')")
    String read(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String instruction,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.read(
                id,
                scopes.current(),
                me,
                IncomingForm.option(IncomingReadKind.class, kind, "documents.incoming.error.readKind"),
                instruction);
        return "redirect:/documents/incoming/" + id;
    }

    @PostMapping("/{id}/remind")
    @PreAuthorize("hasRole('STAFF')")
    String remind(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String note,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.remind(id, scopes.current(), me, note);
        return "redirect:/documents/incoming/" + id;
    }

    @PostMapping("/{id}/reply")
    @PreAuthorize("hasRole('STAFF')")
    String reply(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String on,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.reply(
                id,
                scopes.current(),
                me,
                IncomingForm.option(IncomingReplyKind.class, kind, "documents.incoming.error.replyKind"),
                reference,
                IncomingForm.date(on, "documents.incoming.error.replyOn"));
        return "redirect:/documents/incoming/" + id;
    }

    static IncomingDocuments.Filter filter(@Nullable String state, @Nullable String sender, @Nullable String overdue) {
        return new IncomingDocuments.Filter(
                IncomingForm.option(IncomingState.class, state, "documents.incoming.error.state"),
                IncomingForm.blank(sender) ? null : sender.strip(),
                "true".equals(overdue));
    }

    private void choices(Model model) {
        model.addAttribute("channels", IncomingChannel.values());
        model.addAttribute("genres", Genre.values());
        model.addAttribute("urgencies", IncomingUrgency.values());
        model.addAttribute("senders", desk.senders());
    }

    @ExceptionHandler(IncomingNotFound.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    @ExceptionHandler(IncomingRefused.class)
    ModelAndView conflict(IncomingRefused refused) {
        return refused(HttpStatus.CONFLICT, refused.messageKey());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView changedMeanwhile() {
        return refused(HttpStatus.CONFLICT, "documents.incoming.refused.changedMeanwhile");
    }

    @ExceptionHandler(IncomingInputRejected.class)
    ModelAndView rejected(IncomingInputRejected rejected) {
        return refused(HttpStatus.BAD_REQUEST, rejected.messageKey());
    }

    private ModelAndView refused(HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView("documents/incoming/refused", status);
        page.addObject("message", messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE));
        page.addObject("code", status.value());
        page.addObject("activeNav", "documents");
        return page;
    }
}
