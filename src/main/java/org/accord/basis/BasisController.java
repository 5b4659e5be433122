package org.accord.basis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.accord.search.SearchKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The basis panel beside the office's dispatch, consultation and notice forms: suggestions loaded into it, citing
 * with one click, withdrawing. Only the office writes to units, so only office staff use it.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class BasisController {

    /** Enough of what is being written to find what bears on it; longer texts add nothing but work. */
    static final int TEXT_LIMIT = 4000;

    private final Bases bases;
    private final MessageSource messages;

    BasisController(Bases bases, MessageSource messages) {
        this.bases = bases;
        this.messages = messages;
    }

    @GetMapping("/basis/suggestions")
    String suggestions(
            @RequestParam String target,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable List<String> units,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "/") String back,
            Model model) {
        BasisTarget of = target(target);
        String words = (q.strip() + " " + text.strip()).strip();
        if (words.length() > TEXT_LIMIT) {
            words = words.substring(0, TEXT_LIMIT);
        }
        model.addAttribute("suggestions", bases.suggest(of, words, unitIds(units), blankToNull(category)));
        model.addAttribute("target", of.toString());
        model.addAttribute("back", local(back));
        model.addAttribute("asked", !words.isBlank());
        return "basis/fragments :: results";
    }

    @PostMapping("/basis/citations")
    String cite(
            @RequestParam String target,
            @RequestParam String kind,
            @RequestParam String id,
            @RequestParam(defaultValue = "/") String back,
            RedirectAttributes redirect) {
        SearchKind sourceKind;
        try {
            sourceKind = SearchKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BasisRefused("basis.error.kind");
        }
        Citation citation = bases.cite(target(target), sourceKind, id);
        redirect.addFlashAttribute("basisMessage", text("basis.cited", citation.title()));
        return "redirect:" + local(back) + "#basis";
    }

    @PostMapping("/basis/citations/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "/") String back, RedirectAttributes redirect) {
        bases.withdraw(id);
        redirect.addFlashAttribute("basisMessage", text("basis.withdrawn"));
        return "redirect:" + local(back) + "#basis";
    }

    @ExceptionHandler(BasisRefused.class)
    ModelAndView refused(BasisRefused refused) {
        HttpStatus status = refused.messageKey().equals("basis.error.officeOnly")
                ? HttpStatus.FORBIDDEN
                : refused.messageKey().equals("basis.error.noCitation") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        ModelAndView page = new ModelAndView("basis/refused", status);
        page.addObject("message", text(refused.messageKey()));
        page.addObject("code", status.value());
        return page;
    }

    private static BasisTarget target(String text) {
        return BasisTarget.parse(text).orElseThrow(() -> new BasisRefused("basis.error.target"));
    }

    private static Set<Long> unitIds(@Nullable List<String> units) {
        Set<Long> ids = new LinkedHashSet<>();
        if (units != null) {
            for (String value : units) {
                for (String part : value.split(",")) {
                    try {
                        if (!part.isBlank()) {
                            ids.add(Long.parseLong(part.strip()));
                        }
                    } catch (NumberFormatException e) {
                        throw new BasisRefused("basis.error.units");
                    }
                }
            }
        }
        return ids;
    }

    /** Back only to a page of this application, never to another site. */
    static String local(String back) {
        boolean ours = back.startsWith("/")
                && !back.startsWith("//")
                && !back.contains("\\")
                && !back.contains("\r")
                && !back.contains("\n");
        String path = ours ? back : "/";
        int hash = path.indexOf('#');
        return hash < 0 ? path : path.substring(0, hash);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, Locale.SIMPLIFIED_CHINESE);
    }
}
