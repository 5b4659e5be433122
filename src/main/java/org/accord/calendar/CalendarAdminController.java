package org.accord.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing the calendar, for the system administrator and office staff: one day at a time, or a
 * whole year's holiday list imported from CSV (upload, preview, confirm).
 */
@Controller
@RequestMapping("/calendar")
class CalendarAdminController {

    static final int MAX_UPLOAD_BYTES = 256 * 1024;
    static final String NORMAL = "NORMAL";

    private final WorkingCalendar calendar;
    private final CalendarAdministration administration;
    private final MessageSource messages;

    CalendarAdminController(WorkingCalendar calendar, CalendarAdministration administration, MessageSource messages) {
        this.calendar = calendar;
        this.administration = administration;
        this.messages = messages;
    }

    @GetMapping("/days/{date}")
    String day(@PathVariable String date, Authentication authentication, Model model) {
        requireEditor(authentication);
        LocalDate day = CalendarPages.date(date);
        CalendarDay current = calendar.day(day);
        String kind = current.isSpecial() ? current.kind().name() : NORMAL;
        String name = current.name() == null ? "" : current.name();
        return dayForm(model, current, kind, name, null);
    }

    @PostMapping("/days/{date}")
    ModelAndView changeDay(
            @PathVariable String date,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String name,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        requireEditor(authentication);
        LocalDate day = CalendarPages.date(date);
        String chosen = kind == null ? "" : kind.trim();
        String trimmed = name == null ? "" : name.trim();
        String problem = problemWith(day, chosen, trimmed);
        if (problem != null) {
            ModelAndView view =
                    new ModelAndView(dayForm(model, calendar.day(day), chosen, trimmed, problem), model.asMap());
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        }
        if (chosen.equals(NORMAL)) {
            administration.resetToNormal(day);
        } else {
            administration.mark(new SpecialDay(day, DayKind.valueOf(chosen), trimmed), authentication.getName());
        }
        CalendarDay now = calendar.day(day);
        redirect.addFlashAttribute(
                "notice",
                CalendarPages.text(
                        messages,
                        "calendar.day.saved",
                        day.toString(),
                        CalendarPages.text(messages, now.kind().messageKey())));
        return new ModelAndView("redirect:/calendar?year=" + day.getYear() + "&month=" + day.getMonthValue());
    }

    @GetMapping("/import")
    String importForm(Authentication authentication, Model model) {
        requireEditor(authentication);
        return importPage(model, List.of());
    }

    @PostMapping("/import")
    ModelAndView upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Authentication authentication,
            Model model) {
        requireEditor(authentication);
        if (file == null || file.isEmpty()) {
            return rejectedImport(model, List.of(CalendarPages.text(messages, "calendar.import.error.no-file")));
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            return rejectedImport(
                    model,
                    List.of(CalendarPages.text(messages, "calendar.import.error.too-large", MAX_UPLOAD_BYTES / 1024)));
        }
        String text;
        try {
            text = HolidayList.decode(file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HolidayList list = HolidayList.parse(text);
        if (!list.isValid()) {
            return rejectedImport(model, problems(list));
        }
        String filename = file.getOriginalFilename();
        model.addAttribute("activeNav", "calendar");
        model.addAttribute("plan", administration.plan(list));
        model.addAttribute("csv", text);
        model.addAttribute("filename", filename == null || filename.isBlank() ? "upload.csv" : filename);
        return new ModelAndView("calendar/preview", model.asMap());
    }

    @PostMapping("/import/confirm")
    ModelAndView confirmImport(
            @RequestParam(required = false) @Nullable String csv,
            @RequestParam(required = false) @Nullable String filename,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        requireEditor(authentication);
        if (csv == null || csv.isBlank()) {
            return rejectedImport(model, List.of(CalendarPages.text(messages, "calendar.import.error.no-file")));
        }
        HolidayList list = HolidayList.parse(csv);
        if (!list.isValid()) {
            return rejectedImport(model, problems(list));
        }
        String source = "upload:" + (filename == null || filename.isBlank() ? "upload.csv" : filename.trim());
        ImportPlan plan = administration.apply(
                list, source.length() > 200 ? source.substring(0, 200) : source, authentication.getName());
        redirect.addFlashAttribute(
                "notice",
                CalendarPages.text(
                        messages,
                        "calendar.import.done",
                        years(plan),
                        plan.added().size(),
                        plan.changed().size(),
                        plan.removed().size()));
        return new ModelAndView("redirect:/calendar?year=" + plan.years().first() + "&month=1");
    }

    @ExceptionHandler(CalendarInputRejected.class)
    ModelAndView rejected(CalendarInputRejected rejected) {
        return CalendarPages.rejected(rejected, messages);
    }

    private static void requireEditor(Authentication authentication) {
        if (!CalendarPages.mayEdit(authentication)) {
            throw new AccessDeniedException("Only the system administrator and office staff change the calendar");
        }
    }

    private @Nullable String problemWith(LocalDate day, String kind, String name) {
        if (name.length() > SpecialDay.MAX_NAME_LENGTH) {
            return CalendarPages.text(messages, "calendar.day.error.name-too-long", SpecialDay.MAX_NAME_LENGTH);
        }
        return switch (kind) {
            case NORMAL -> null;
            case "HOLIDAY" -> name.isEmpty() ? CalendarPages.text(messages, "calendar.day.error.name-missing") : null;
            case "MAKE_UP_WORKING_DAY" ->
                SpecialDay.isWeekend(day)
                        ? null
                        : CalendarPages.text(messages, "calendar.day.error.not-weekend", day.toString());
            default -> CalendarPages.text(messages, "calendar.day.error.kind");
        };
    }

    private String dayForm(Model model, CalendarDay current, String kind, String name, @Nullable String error) {
        model.addAttribute("activeNav", "calendar");
        model.addAttribute("day", current);
        model.addAttribute("weekend", SpecialDay.isWeekend(current.date()));
        model.addAttribute("kind", kind);
        model.addAttribute("name", name);
        model.addAttribute("error", error);
        return "calendar/day";
    }

    private String importPage(Model model, List<String> problems) {
        model.addAttribute("activeNav", "calendar");
        model.addAttribute("problems", problems);
        model.addAttribute("imports", administration.recentImports());
        model.addAttribute("zone", calendar.zone());
        return "calendar/import";
    }

    private ModelAndView rejectedImport(Model model, List<String> problems) {
        ModelAndView view = new ModelAndView(importPage(model, problems), model.asMap());
        view.setStatus(HttpStatus.BAD_REQUEST);
        return view;
    }

    private List<String> problems(HolidayList list) {
        return list.problems().stream()
                .map(problem -> CalendarPages.text(messages, problem.messageKey(), problem.argumentArray()))
                .toList();
    }

    private static String years(ImportPlan plan) {
        return String.join("、", plan.years().stream().map(String::valueOf).toList());
    }
}
