package org.accord.security;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system administrator issues and revokes the keys other systems call the API with. */
@Controller
@RequestMapping("/admin/api-clients")
@PreAuthorize("hasRole('SYSADMIN')")
class ApiClientAdminController {

    private final ApiKeys keys;

    ApiClientAdminController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("activeNav", "apiClients");
        model.addAttribute("clients", keys.all());
        model.addAttribute("scopes", new TreeSet<>(ApiKeys.SCOPES));
        return "security/api-clients";
    }

    @PostMapping
    String issue(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "scopes", required = false) List<String> scopes,
            Principal principal,
            HttpServletResponse response,
            Model model) {
        try {
            ApiKeys.Issued issued =
                    keys.issue(name, scopes == null ? Set.of() : Set.copyOf(scopes), principal.getName());
            // The key is shown on this response only; it is not stored and cannot be shown again.
            model.addAttribute("issued", issued);
        } catch (ApiKeys.ApiClientRejected rejected) {
            model.addAttribute("error", rejected.messageKey());
            model.addAttribute("name", name);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("clients", keys.all());
            model.addAttribute("scopes", new TreeSet<>(ApiKeys.SCOPES));
            model.addAttribute("activeNav", "apiClients");
            return "security/api-clients";
        }
        model.addAttribute("activeNav", "apiClients");
        model.addAttribute("clients", keys.all());
        model.addAttribute("scopes", new TreeSet<>(ApiKeys.SCOPES));
        return "security/api-clients";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            keys.revoke(id);
            redirect.addFlashAttribute("notice", "security.api.revoked");
        } catch (ApiKeys.ApiClientRejected | ApiClient.ApiClientAlreadyRevoked e) {
            redirect.addFlashAttribute("error", "security.api.error.revoke");
        }
        return "redirect:/admin/api-clients";
    }
}
