package org.accord.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    private final ObjectProvider<DemoAccounts> demoAccounts;

    SignInController(ObjectProvider<DemoAccounts> demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    @GetMapping("/signin")
    String signIn(Model model) {
        DemoAccounts demo = demoAccounts.getIfAvailable();
        model.addAttribute("demoAccounts", demo == null ? List.of() : demo.listed());
        return "security/signin";
    }
}
