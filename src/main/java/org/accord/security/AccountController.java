package org.accord.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own account: the password and the second factor. */
@Controller
class AccountController {

    /** The account page's view of one's own account. */
    record Mine(
            String username,
            String displayName,
            Role role,
            boolean totpEnabled,
            boolean totpRequired,
            int remainingCodes) {}

    private final AccountSecurity security;
    private final PasswordPolicy policy;
    private final SecuritySettings settings;
    private final SignInSteps steps;
    private final MessageSource messages;

    AccountController(
            AccountSecurity security,
            PasswordPolicy policy,
            SecuritySettings settings,
            SignInSteps steps,
            MessageSource messages) {
        this.security = security;
        this.policy = policy;
        this.settings = settings;
        this.steps = steps;
        this.messages = messages;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInAccount me, Model model) {
        Account account = security.account(me.accountId());
        model.addAttribute(
                "mine",
                new Mine(
                        account.username(),
                        account.displayName(),
                        me.role(),
                        account.totpEnabled(),
                        account.isAdministrator() && settings.totp().requiredForAdmins(),
                        security.remainingRecoveryCodes(me.accountId())));
        model.addAttribute("activeNav", "account");
        return "security/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Authentication authentication, Model model) {
        return passwordPage(authentication, model, List.of());
    }

    @PostMapping("/account/password")
    Object changePassword(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            @AuthenticationPrincipal SignedInAccount me,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Account changed;
        try {
            changed = security.changePassword(me.accountId(), current, password, confirmation);
        } catch (PasswordRejected rejected) {
            ModelAndView page =
                    new ModelAndView(passwordPage(authentication, model, rejected.problems()), model.asMap());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        if (SignInStage.of(authentication) == SignInStage.PASSWORD_CHANGE_REQUIRED) {
            return "redirect:" + steps.advance(changed, request, response);
        }
        redirect.addFlashAttribute("done", text("account.password.changed"));
        return "redirect:/account";
    }

    @PostMapping("/account/totp/disable")
    Object disableTotp(
            @RequestParam(defaultValue = "") String password,
            @AuthenticationPrincipal SignedInAccount me,
            Model model,
            RedirectAttributes redirect) {
        try {
            security.disableTotp(me.accountId(), password);
        } catch (AccountRefused refused) {
            account(me, model);
            model.addAttribute("error", text(refused.messageKey(), refused.arguments()));
            ModelAndView page = new ModelAndView("security/account", model.asMap());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        redirect.addFlashAttribute("done", text("account.totp.disabled"));
        return "redirect:/account";
    }

    private String passwordPage(Authentication authentication, Model model, List<String> problems) {
        model.addAttribute("forced", SignInStage.of(authentication) == SignInStage.PASSWORD_CHANGE_REQUIRED);
        model.addAttribute("rule", policy.describe());
        model.addAttribute("problems", problems);
        return "security/password";
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
