package org.accord.information;

import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The module's start page: the office's entries; a liaison goes to the requests, a leader to his briefs. */
@Controller
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class InformationHome {

    @GetMapping("/information")
    String home(@AuthenticationPrincipal SignedInAccount me, Model model) {
        if (me.role() == Role.LIAISON) {
            return "redirect:/information/requests";
        }
        if (me.role() == Role.LEADER) {
            return "redirect:/information/inbox";
        }
        model.addAttribute("activeNav", "information");
        return "information/home";
    }
}
