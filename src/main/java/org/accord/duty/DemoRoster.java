package org.accord.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo roster: the weeks around today (generated at start-up, so it is current whenever the demo runs),
 * leaders 陈志华 and 刘芳 taking turns, officers 蔡雨萱 and 黄海涛 taking turns, both on days that need double
 * staffing. Days that have a shift already are left alone.
 */
@Component
@Profile("demo")
@Order(40)
class DemoRoster implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);
    static final List<String> LEADERS = List.of("P0003", "P0004");
    static final List<String> OFFICERS = List.of("P0031", "P0011");

    private final Roster roster;
    private final Directory directory;
    private final WorkingCalendar calendar;

    DemoRoster(Roster roster, Directory directory, WorkingCalendar calendar) {
        this.roster = roster;
        this.directory = directory;
        this.calendar = calendar;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Long> leaders = ids(LEADERS);
        List<Long> officers = ids(OFFICERS);
        if (leaders.size() < 2 || officers.size() < 2) {
            log.warn("Demo roster not generated: the demo leaders or officers are missing from the directory");
            return;
        }
        LocalDate today = roster.dayOf(java.time.Instant.now());
        int added = 0;
        for (LocalDate day = today.minusDays(7); day.isBefore(today.plusDays(29)); day = day.plusDays(1)) {
            if (roster.hasShift(day)) {
                continue;
            }
            int turn = (int) Math.floorMod(day.toEpochDay(), 2L);
            List<Long> staff = roster.needsDoubleStaffing(day)
                    ? List.of(officers.get(turn), officers.get(1 - turn))
                    : List.of(officers.get(turn));
            roster.put(day, leaders.get(turn), staff, null);
            added++;
        }
        log.info("Demo roster: {} shifts added around {}", added, today);
    }

    private List<Long> ids(List<String> codes) {
        List<Long> ids = new ArrayList<>();
        for (String code : codes) {
            Optional<PersonSummary> person = directory.personByCode(code);
            person.ifPresent(found -> ids.add(found.id()));
        }
        return ids;
    }
}
