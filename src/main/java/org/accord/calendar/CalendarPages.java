package org.accord.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.servlet.ModelAndView;

/** What the calendar's pages share: who may change the calendar, reading parameters, the error page. */
final class CalendarPages {

    /** Roles that may import holiday lists and edit single days. */
    static final Set<String> EDITOR_AUTHORITIES = Set.of("ROLE_SYSADMIN", "ROLE_STAFF");

    private static final DateTimeFormatter ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private CalendarPages() {}

    static boolean mayEdit(@Nullable Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(EDITOR_AUTHORITIES::contains);
    }

    static int number(@Nullable String text, int fallback, int min, int max, String what) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CalendarInputRejected("calendar.error." + what, text, min, max);
    }

    static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(text.trim(), ISO_DATE);
            if (date.getYear() >= HolidayList.FIRST_YEAR && date.getYear() <= HolidayList.LAST_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new CalendarInputRejected("calendar.error.date", text);
    }

    static String text(MessageSource messages, String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    static ModelAndView rejected(CalendarInputRejected rejected, MessageSource messages) {
        ModelAndView view = new ModelAndView(
                "calendar/rejected",
                Map.of(
                        "activeNav",
                        "calendar",
                        "message",
                        text(messages, rejected.messageKey(), rejected.arguments())));
        view.setStatus(HttpStatus.BAD_REQUEST);
        return view;
    }
}
