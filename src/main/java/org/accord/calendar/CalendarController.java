package org.accord.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The calendar page everyone signed in may read: one month as a grid and the year's holidays. */
@Controller
@RequestMapping("/calendar")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON', 'SYSADMIN')")
class CalendarController {

    private final WorkingCalendar calendar;
    private final MessageSource messages;

    CalendarController(WorkingCalendar calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping
    String month(
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String month,
            Authentication authentication,
            Model model) {
        LocalDate today = LocalDate.now(calendar.zone());
        int y = CalendarPages.number(year, today.getYear(), HolidayList.FIRST_YEAR, HolidayList.LAST_YEAR, "year");
        int m = CalendarPages.number(month, year == null ? today.getMonthValue() : 1, 1, 12, "month");
        MonthGrid grid = MonthGrid.of(YearMonth.of(y, m), calendar, today);
        model.addAttribute("activeNav", "calendar");
        model.addAttribute("grid", grid);
        model.addAttribute("year", y);
        model.addAttribute("specialDays", calendar.specialDays(y));
        model.addAttribute("canEdit", CalendarPages.mayEdit(authentication));
        return "calendar/month";
    }

    @ExceptionHandler(CalendarInputRejected.class)
    ModelAndView rejected(CalendarInputRejected rejected) {
        return CalendarPages.rejected(rejected, messages);
    }
}
