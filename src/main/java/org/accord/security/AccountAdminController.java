package org.accord.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' pages: accounts for the system administrator ({@code /admin/accounts}), roles for the
 * security administrator ({@code /admin/roles}). Every change is a confirmed POST followed by a redirect.
 */
@Controller
class AccountAdminController {

    private final AccountAdministration administration;
    private final MessageSource messages;

    AccountAdminController(AccountAdministration administration, MessageSource messages) {
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping("/admin/accounts")
    String accounts(Model model) {
        model.addAttribute("accounts", administration.list());
        model.addAttribute("activeNav", "admin");
        return "security/admin-accounts";
    }

    @PostMapping("/admin/accounts")
    Object create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String personCode,
            Model model,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issued", administration.create(username, personCode));
        } catch (AccountRefused refused) {
            model.addAttribute("username", username);
            model.addAttribute("personCode", personCode);
            return refusedPage("security/admin-accounts", refused, model);
        }
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/disable")
    Object disable(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return accountAction(() -> administration.disable(id), "admin.done.disabled", model, redirect);
    }

    @PostMapping("/admin/accounts/{id}/enable")
    Object enable(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return accountAction(() -> administration.enable(id), "admin.done.enabled", model, redirect);
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    Object resetPassword(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("issued", administration.resetPassword(id));
        } catch (AccountRefused refused) {
            return refusedPage("security/admin-accounts", refused, model);
        }
        return "redirect:/admin/accounts";
    }

    @GetMapping("/admin/roles")
    String roles(Model model) {
        model.addAttribute("accounts", administration.list());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("activeNav", "admin");
        return "security/admin-roles";
    }

    @PostMapping("/admin/roles/{id}")
    Object assignRole(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String unitCode,
            Model model,
            RedirectAttributes redirect) {
        try {
            administration.assignRole(id, role, unitCode);
        } catch (AccountRefused refused) {
            return refusedPage("security/admin-roles", refused, model);
        }
        redirect.addFlashAttribute("done", text("admin.done.role"));
        return "redirect:/admin/roles";
    }

    private Object accountAction(Runnable action, String doneKey, Model model, RedirectAttributes redirect) {
        try {
            action.run();
        } catch (AccountRefused refused) {
            return refusedPage("security/admin-accounts", refused, model);
        }
        redirect.addFlashAttribute("done", text(doneKey));
        return "redirect:/admin/accounts";
    }

    /** The page again with the reason in Chinese, as a 400: nothing was changed. */
    private ModelAndView refusedPage(String view, AccountRefused refused, Model model) {
        model.addAttribute("accounts", administration.list());
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("activeNav", "admin");
        model.addAttribute("error", text(refused.messageKey(), refused.arguments()));
        ModelAndView page = new ModelAndView(view, model.asMap());
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
