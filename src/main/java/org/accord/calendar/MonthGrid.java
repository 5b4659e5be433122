package org.accord.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** A month as weeks of seven days, Monday first, padded with days of the months around it. */
record MonthGrid(YearMonth month, List<List<Cell>> weeks) {

    /** One square of the grid. */
    record Cell(CalendarDay day, boolean inMonth, boolean today) {

        public String cssClass() {
            StringBuilder css = new StringBuilder("cal-day");
            switch (day.kind()) {
                case HOLIDAY -> css.append(" cal-holiday");
                case MAKE_UP_WORKING_DAY -> css.append(" cal-makeup");
                case WEEKEND -> css.append(" cal-weekend");
                case WORKING_DAY -> {}
            }
            if (!inMonth) {
                css.append(" cal-out");
            }
            if (today) {
                css.append(" cal-today");
            }
            return css.toString();
        }
    }

    static MonthGrid of(YearMonth month, WorkingCalendar calendar, LocalDate today) {
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>(7);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            week.add(new Cell(calendar.day(date), YearMonth.from(date).equals(month), date.equals(today)));
            if (week.size() == 7) {
                weeks.add(List.copyOf(week));
                week.clear();
            }
        }
        return new MonthGrid(month, List.copyOf(weeks));
    }

    public YearMonth previous() {
        return month.minusMonths(1);
    }

    public YearMonth next() {
        return month.plusMonths(1);
    }
}
