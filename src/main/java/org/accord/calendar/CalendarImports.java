package org.accord.calendar;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface CalendarImports extends ListCrudRepository<CalendarImport, Long> {

    boolean existsBySource(String source);

    List<CalendarImport> findTop20ByOrderByImportedAtDesc();
}
