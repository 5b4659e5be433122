package org.accord.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface SpecialDays extends ListCrudRepository<CalendarSpecialDay, Long> {

    Optional<CalendarSpecialDay> findByDayDate(LocalDate date);

    List<CalendarSpecialDay> findByDayDateBetweenOrderByDayDate(LocalDate from, LocalDate to);
}
