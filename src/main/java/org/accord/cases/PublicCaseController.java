package org.accord.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The citizens' side, without sign-in: a web form to report (length limits, a hidden field that people leave empty,
 * a per-address hourly limit) and the status page by case number and phone.
 */
@Controller
@RequestMapping("/public/cases")
class PublicCaseController {

    /** Lookups per address and hour: enough for a citizen, slow for guessing numbers. */
    static final int LOOKUPS_PER_HOUR = 30;

    private final CaseDesk desk;
    private final DispatchCatalogue catalogue;
    private final PublicFormGuard guard;
    private final CasesSettings settings;
    private final MessageSource messages;

    PublicCaseController(
            CaseDesk desk,
            DispatchCatalogue catalogue,
            PublicFormGuard guard,
            CasesSettings settings,
            MessageSource messages) {
        this.desk = desk;
        this.catalogue = catalogue;
        this.guard = guard;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("categories", catalogue.categories());
        return "cases/public-new";
    }

    @PostMapping
    String submit(
            @RequestParam(required = false) @Nullable String callerName,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String confidential,
            @RequestParam(required = false) @Nullable String website,
            HttpServletRequest request,
            Model model) {
        if (website != null && !website.isBlank()) {
            // Only scripts fill the field people cannot see.
            throw new CaseInputRejected("cases.error.rateLimited");
        }
        if (phone == null || phone.isBlank()) {
            throw new CaseInputRejected("cases.error.phone");
        }
        if (!guard.allow("form", request.getRemoteAddr(), settings.publicPerHour())) {
            throw new TooManyRequests();
        }
        CaseDesk.Taken taken = desk.intake(
                new CaseDesk.Intake(
                        callerName,
                        phone,
                        "true".equals(confidential),
                        address,
                        null,
                        CaseController.blankToNull(category),
                        false,
                        description,
                        null,
                        null),
                Channel.WEB,
                "public:" + request.getRemoteAddr(),
                null);
        model.addAttribute("number", taken.number());
        return "cases/public-taken";
    }

    @GetMapping("/status")
    String status(
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable String phone,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("number", number);
        if (number != null && phone != null && !number.isBlank()) {
            if (!guard.allow("status", request.getRemoteAddr(), LOOKUPS_PER_HOUR)) {
                throw new TooManyRequests();
            }
            Optional<CaseDesk.PublicView> view = desk.publicView(number, phone);
            model.addAttribute("view", view.orElse(null));
            model.addAttribute("notFound", view.isEmpty());
            model.addAttribute("zone", desk.zone());
        }
        return "cases/public-status";
    }

    static final class TooManyRequests extends RuntimeException {
        TooManyRequests() {
            super("Too many public requests from one address");
        }
    }

    @ExceptionHandler(TooManyRequests.class)
    ModelAndView tooMany() {
        return page(HttpStatus.TOO_MANY_REQUESTS, "cases.error.rateLimited");
    }

    @ExceptionHandler(CaseInputRejected.class)
    ModelAndView rejected(CaseInputRejected rejected) {
        return page(HttpStatus.BAD_REQUEST, rejected.messageKey());
    }

    private ModelAndView page(HttpStatus status, String key) {
        ModelAndView page = new ModelAndView("cases/public-refused", status);
        page.addObject("message", messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE));
        return page;
    }
}
