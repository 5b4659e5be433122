package org.accord.information;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.PersonSummary;
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

/** The pages of the leaders' current concerns (kept by the office) and of suggestions. */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STAFF')")
class ConcernController {

    private final LeaderDesk desk;
    private final DataScopes scopes;
    private final WorkingCalendar calendar;

    ConcernController(LeaderDesk desk, DataScopes scopes, WorkingCalendar calendar) {
        this.desk = desk;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "information";
    }

    @GetMapping("/information/concerns")
    String concerns(@AuthenticationPrincipal SignedInAccount me, Model model) {
        Long only = me.role() == Role.LEADER ? me.personId() : null;
        model.addAttribute("concerns", desk.concerns(only, false));
        model.addAttribute("leaders", desk.leaders());
        model.addAttribute("leaderNames", names(desk.leaders()));
        model.addAttribute("office", me.role() == Role.STAFF);
        return "information/concerns";
    }

    @PostMapping("/information/concerns")
    @PreAuthorize("hasRole('STAFF')")
    String addConcern(
            @RequestParam(required = false) @Nullable Long leaderId,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String note) {
        if (leaderId == null) {
            throw new InformationInputRejected("information.error.leaders");
        }
        desk.addConcern(leaderId, title, note);
        return "redirect:/information/concerns";
    }

    @PostMapping("/information/concerns/{id}/active")
    @PreAuthorize("hasRole('STAFF')")
    String setActive(@PathVariable long id, @RequestParam(required = false) @Nullable String active) {
        desk.setConcernActive(id, "true".equals(active));
        return "redirect:/information/concerns";
    }

    @PostMapping("/information/concerns/{id}/matters")
    @PreAuthorize("hasRole('STAFF')")
    String tagMatter(@PathVariable long id, @RequestParam(required = false) @Nullable Long matterId) {
        if (matterId == null) {
            throw new InformationInputRejected("information.error.matter");
        }
        desk.tagMatter(id, matterId);
        return "redirect:/information/concerns";
    }

    @GetMapping("/information/suggestions")
    String suggestions(@AuthenticationPrincipal SignedInAccount me, Model model) {
        model.addAttribute("suggestions", desk.suggestions(scopes.current()));
        model.addAttribute("leaders", desk.leaders());
        model.addAttribute("leaderNames", names(desk.leaders()));
        model.addAttribute("concerns", desk.concerns(null, true));
        model.addAttribute("office", me.role() == Role.STAFF);
        model.addAttribute("zone", calendar.zone());
        return "information/suggestions";
    }

    @PostMapping("/information/suggestions")
    @PreAuthorize("hasRole('STAFF')")
    String file(
            @RequestParam(required = false) @Nullable Long leaderId,
            @RequestParam(required = false) @Nullable Long concernId,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(required = false) @Nullable String basis,
            @AuthenticationPrincipal SignedInAccount me) {
        if (leaderId == null) {
            throw new InformationInputRejected("information.error.leaders");
        }
        long id = desk.fileSuggestion(
                new LeaderDesk.SuggestionDraft(
                        leaderId,
                        concernId,
                        title == null ? "" : title,
                        body == null ? "" : body,
                        basis == null ? "" : basis),
                me);
        return "redirect:/information/suggestions/" + id;
    }

    @GetMapping("/information/suggestions/{id}")
    String suggestion(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        Suggestion suggestion = desk.suggestion(id, scopes.current());
        model.addAttribute("suggestion", suggestion);
        model.addAttribute("leaderName", desk.leaderName(suggestion.leaderId()));
        model.addAttribute("isLeader", me.role() == Role.LEADER);
        model.addAttribute("zone", calendar.zone());
        return "information/suggestion";
    }

    @PostMapping("/information/suggestions/{id}/answer")
    @PreAuthorize("hasRole('LEADER')")
    String answer(@PathVariable long id, @RequestParam(required = false) @Nullable String answer) {
        desk.answerSuggestion(id, scopes.current(), answer);
        return "redirect:/information/suggestions/" + id;
    }

    @PostMapping("/information/suggestions/{id}/read")
    @PreAuthorize("hasRole('LEADER')")
    String read(@PathVariable long id) {
        desk.readSuggestion(id, scopes.current());
        return "redirect:/information/suggestions/" + id;
    }

    static Map<Long, String> names(List<PersonSummary> people) {
        return people.stream().collect(Collectors.toMap(PersonSummary::id, PersonSummary::name));
    }
}
