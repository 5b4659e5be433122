package org.accord.shell;

import java.time.Instant;
import java.time.LocalDate;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Directory directory;
    private final WorkingCalendar calendar;

    HomeController(Directory directory, WorkingCalendar calendar) {
        this.directory = directory;
        this.calendar = calendar;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("activeNav", "home");
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute("counts", directory.counts());
        LocalDate today = calendar.dateOf(Instant.now());
        model.addAttribute("today", calendar.day(today));
        model.addAttribute("nextWorkingDay", calendar.addWorkingDays(today, 1));
        return "shell/home";
    }
}
