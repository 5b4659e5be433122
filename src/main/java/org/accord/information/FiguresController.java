package org.accord.information;

import java.time.Instant;
import org.accord.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The office's page of information-work figures. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class FiguresController {

    private final InformationFigures figures;
    private final WorkingCalendar calendar;

    FiguresController(InformationFigures figures, WorkingCalendar calendar) {
        this.figures = figures;
        this.calendar = calendar;
    }

    @GetMapping("/information/figures")
    String figures(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int shown = year == null ? calendar.dateOf(Instant.now()).getYear() : year;
        if (shown < 2000 || shown > 2100) {
            throw new InformationInputRejected("information.error.year");
        }
        model.addAttribute("activeNav", "information");
        model.addAttribute("year", shown);
        model.addAttribute("byAuthor", figures.briefsByAuthor(shown));
        model.addAttribute("byUnit", figures.briefsByUnit(shown));
        model.addAttribute("requests", figures.requestsByUnit());
        return "information/figures";
    }
}
