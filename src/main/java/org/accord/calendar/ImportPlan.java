package org.accord.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * What importing a holiday list would change: the list replaces the calendar of the years it
 * covers, so days of those years that the list does not name go back to normal.
 */
record ImportPlan(
        SortedSet<Integer> years,
        List<SpecialDay> added,
        List<Change> changed,
        List<SpecialDay> removed,
        int unchanged) {

    /** A day that stays special but differs in kind or name. */
    record Change(SpecialDay before, SpecialDay after) {}

    static ImportPlan of(HolidayList list, Collection<SpecialDay> current) {
        Map<LocalDate, SpecialDay> existing = new HashMap<>();
        current.stream()
                .filter(day -> list.years().contains(day.date().getYear()))
                .forEach(day -> existing.put(day.date(), day));
        List<SpecialDay> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int unchanged = 0;
        for (SpecialDay day : list.days()) {
            SpecialDay before = existing.remove(day.date());
            if (before == null) {
                added.add(day);
            } else if (before.equals(day)) {
                unchanged++;
            } else {
                changed.add(new Change(before, day));
            }
        }
        List<SpecialDay> removed = existing.values().stream()
                .sorted((a, b) -> a.date().compareTo(b.date()))
                .toList();
        return new ImportPlan(list.years(), List.copyOf(added), List.copyOf(changed), removed, unchanged);
    }

    public boolean changesNothing() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    LocalDate firstDate() {
        return LocalDate.of(years.first(), 1, 1);
    }

    LocalDate lastDate() {
        return LocalDate.of(years.last(), 12, 31);
    }
}
