package org.accord.shell;

import org.accord.directory.Directory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Directory directory;

    HomeController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("activeNav", "home");
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute("counts", directory.counts());
        return "shell/home";
    }
}
