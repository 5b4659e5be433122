package org.accord.information;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accord.calendar.WorkingCalendar;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of briefs: the office composes and sends, a leader reads, comments and instructs; his inbox. */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STAFF')")
class BriefController {

    private final Briefs briefs;
    private final LeaderDesk desk;
    private final SituationRequests requests;
    private final DataScopes scopes;
    private final WorkingCalendar calendar;

    BriefController(
            Briefs briefs, LeaderDesk desk, SituationRequests requests, DataScopes scopes, WorkingCalendar calendar) {
        this.briefs = briefs;
        this.desk = desk;
        this.requests = requests;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "information";
    }

    @GetMapping("/information/briefs")
    String list(@AuthenticationPrincipal SignedInAccount me, Model model) {
        if (me.role() == Role.LEADER) {
            return "redirect:/information/inbox";
        }
        List<Brief> list = briefs.list(scopes.current());
        model.addAttribute("briefs", list);
        model.addAttribute(
                "labels",
                list.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Brief::id, b -> briefs.label(b.kind(), b.year(), b.number()))));
        model.addAttribute("zone", calendar.zone());
        return "information/briefs";
    }

    @GetMapping("/information/briefs/new")
    @PreAuthorize("hasRole('STAFF')")
    String compose(
            @RequestParam(required = false) @Nullable Long request,
            @RequestParam(required = false) @Nullable Long matter,
            Model model) {
        model.addAttribute("draft", briefs.start(request, matter, scopes.current()));
        composeModel(model);
        return "information/brief-new";
    }

    @PostMapping("/information/briefs")
    @PreAuthorize("hasRole('STAFF')")
    String send(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable String sourceKind,
            @RequestParam(required = false) @Nullable Long sourceId,
            @RequestParam(required = false) @Nullable Long concernId,
            @RequestParam(name = "leaders", required = false) @Nullable List<Long> leaders,
            @AuthenticationPrincipal SignedInAccount me) {
        BriefKind briefKind;
        try {
            briefKind = BriefKind.valueOf(kind == null ? "" : kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InformationInputRejected("information.error.kind");
        }
        String source =
                sourceKind == null || !List.of("REQUEST", "MATTER", "FREE").contains(sourceKind) ? "FREE" : sourceKind;
        long id = briefs.send(
                new Briefs.Draft(
                        briefKind,
                        title == null ? "" : title,
                        body == null ? "" : body,
                        source,
                        "FREE".equals(source) ? null : sourceId,
                        concernId,
                        leaders == null ? List.of() : leaders),
                me);
        return "redirect:/information/briefs/" + id;
    }

    @GetMapping("/information/briefs/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        DataScope scope = scopes.current();
        Brief brief = briefs.get(id, scope);
        model.addAttribute("brief", brief);
        model.addAttribute("label", briefs.label(brief.kind(), brief.year(), brief.number()));
        model.addAttribute("readers", briefs.readers(id));
        model.addAttribute("instructions", briefs.instructions(id));
        model.addAttribute("reading", briefs.reader(id, scope));
        model.addAttribute("isLeader", me.role() == Role.LEADER);
        model.addAttribute("units", requests.askableUnits());
        model.addAttribute("outcomes", InstructionOutcome.values());
        model.addAttribute("zone", calendar.zone());
        model.addAttribute(
                "concern",
                brief.concernId() == null
                        ? null
                        : desk.concerns(null, false).stream()
                                .filter(c -> c.id() == brief.concernId())
                                .findFirst()
                                .orElse(null));
        return "information/brief";
    }

    @PostMapping("/information/briefs/{id}/read")
    @PreAuthorize("hasRole('LEADER')")
    String read(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String instruction,
            @RequestParam(required = false) @Nullable String back) {
        // From the leader's page, a written remark comes along and is kept as his comment.
        if (instruction != null && !instruction.isBlank()) {
            briefs.comment(id, scopes.current(), instruction);
        } else {
            briefs.markRead(id, scopes.current());
        }
        return "leader".equals(back) ? "redirect:/leader" : "redirect:/information/briefs/" + id;
    }

    @PostMapping("/information/briefs/{id}/comment")
    @PreAuthorize("hasRole('LEADER')")
    String comment(@PathVariable long id, @RequestParam(required = false) @Nullable String comment) {
        briefs.comment(id, scopes.current(), comment);
        return "redirect:/information/briefs/" + id;
    }

    @PostMapping("/information/briefs/{id}/instruction")
    @PreAuthorize("hasRole('LEADER')")
    String instruct(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(name = "units", required = false) @Nullable List<Long> unitIds,
            @RequestParam(required = false) @Nullable Long leadUnit,
            @RequestParam(required = false) @Nullable String deadline,
            RedirectAttributes redirect) {
        InstructionOutcome chosen;
        try {
            chosen = InstructionOutcome.valueOf(outcome == null ? "" : outcome.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InformationInputRejected("information.error.outcome");
        }
        LocalDate due = null;
        if (deadline != null && !deadline.isBlank()) {
            try {
                due = LocalDate.parse(deadline.strip());
            } catch (DateTimeParseException e) {
                throw new InformationInputRejected("information.error.taskDeadline");
            }
        }
        briefs.instruct(
                id,
                scopes.current(),
                new Briefs.InstructionDraft(
                        text == null ? "" : text,
                        chosen,
                        unitIds == null ? new ArrayList<>() : unitIds,
                        leadUnit,
                        due));
        redirect.addFlashAttribute("done", "information.instruction.done." + chosen.name());
        return "redirect:/information/briefs/" + id;
    }

    @PostMapping("/information/instructions/{id}/matter")
    @PreAuthorize("hasRole('STAFF')")
    String openMatter(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me) {
        long matter = briefs.openMatter(id, me);
        return "redirect:/matters/" + matter;
    }

    @GetMapping("/information/inbox")
    @PreAuthorize("hasRole('LEADER')")
    String inbox(@AuthenticationPrincipal SignedInAccount me, Model model) {
        if (me.personId() == null) {
            throw new InformationRefused("information.error.noPerson");
        }
        model.addAttribute("groups", desk.inbox(me.personId()));
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("briefs", briefs);
        return "information/inbox";
    }

    private void composeModel(Model model) {
        model.addAttribute("leaders", desk.leaders());
        model.addAttribute("concerns", desk.concerns(null, true));
        model.addAttribute("kinds", BriefKind.values());
        model.addAttribute(
                "leaderNames",
                desk.leaders().stream().collect(java.util.stream.Collectors.toMap(p -> p.id(), p -> p.name())));
    }
}
