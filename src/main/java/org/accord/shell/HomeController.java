package org.accord.shell;

import java.time.Instant;
import java.time.LocalDate;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    String home(@AuthenticationPrincipal @Nullable SignedInAccount account, Model model) {
        Role role = account == null ? null : account.role();
        // The security administrator and the auditor see no business data: their work has its own page.
        if (role == Role.AUDITOR) {
            return "redirect:/audit";
        }
        if (role == Role.SECADMIN) {
            return "redirect:/admin/roles";
        }
        model.addAttribute("activeNav", "home");
        model.addAttribute("leaders", directory.leaders());
        if (role == Role.LIAISON) {
            // A liaison's home shows their own unit; the size of the whole directory is not theirs to see.
            model.addAttribute(
                    "ownUnit",
                    account.unitId() == null
                            ? null
                            : directory.unit(account.unitId()).orElse(null));
        } else {
            model.addAttribute("counts", directory.counts());
        }
        LocalDate today = calendar.dateOf(Instant.now());
        model.addAttribute("today", calendar.day(today));
        model.addAttribute("nextWorkingDay", calendar.addWorkingDays(today, 1));
        return "shell/home";
    }
}
