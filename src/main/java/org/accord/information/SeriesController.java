package org.accord.information;

import org.accord.calendar.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The office's pages of recurring requests: the series, each with its occurrences; stopping one. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class SeriesController {

    private final RecurringRequests recurring;
    private final SituationRequests requests;
    private final WorkingCalendar calendar;

    SeriesController(RecurringRequests recurring, SituationRequests requests, WorkingCalendar calendar) {
        this.recurring = recurring;
        this.requests = requests;
        this.calendar = calendar;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "information";
    }

    @GetMapping("/information/series")
    String list(Model model) {
        model.addAttribute("series", recurring.list());
        return "information/series";
    }

    @GetMapping("/information/series/{id}")
    String detail(@PathVariable long id, Model model) {
        RecurringRequests.Series series = recurring.find(id).orElseThrow(InformationRequestsNotFound::new);
        model.addAttribute("s", series);
        model.addAttribute("occurrences", requests.occurrences(id));
        model.addAttribute("zone", calendar.zone());
        return "information/series-detail";
    }

    @PostMapping("/information/series/{id}/stop")
    String stop(@PathVariable long id) {
        recurring.find(id).orElseThrow(InformationRequestsNotFound::new);
        recurring.stop(id);
        return "redirect:/information/series/" + id;
    }
}
