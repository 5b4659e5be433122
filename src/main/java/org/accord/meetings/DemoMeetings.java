package org.accord.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * One planned meeting in the demo city, organised by 黄海涛 through the same steps as the pages (so it is a matter
 * like any other): a coordination meeting on winter work safety chaired by 刘芳 with 市卫健委, 市应急管理局 and
 * 消防救援支队, none of them routed to 陈志华 and none of them 市住建局 — the meeting the access matrix uses to
 * check that a leader and a liaison do not see meetings outside their scope.
 */
@Component
@Profile("demo")
@Order(100)
class DemoMeetings implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);

    private final MeetingDesk desk;
    private final MeetingStore store;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final UserDetailsService accounts;

    DemoMeetings(
            MeetingDesk desk,
            MeetingStore store,
            Directory directory,
            WorkingCalendar calendar,
            UserDetailsService accounts) {
        this.desk = desk;
        this.store = store;
        this.directory = directory;
        this.calendar = calendar;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!store.recent(null, null, 1).isEmpty()) {
            return;
        }
        UserDetails organiser;
        try {
            organiser = accounts.loadUserByUsername("huanghaitao");
        } catch (UsernameNotFoundException e) {
            log.info("No demo organiser account; no demo meeting");
            return;
        }
        PersonSummary chair = directory.personByCode("P0004").orElse(null);
        if (chair == null) {
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(organiser, null, organiser.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            LocalDate day = calendar.addWorkingDays(calendar.dateOf(Instant.now()), 6);
            Room room = store.rooms().stream()
                    .filter(r -> r.code().equals("SZF-HYS2"))
                    .findFirst()
                    .orElseThrow();
            long id = desk.create(
                    "冬季安全生产工作协调会",
                    MeetingKind.COORDINATION,
                    chair.id(),
                    room.id(),
                    null,
                    day,
                    LocalTime.of(15, 0),
                    LocalTime.of(16, 30),
                    null,
                    "入冬以来，全市医疗机构、人员密集场所的用火用电和燃气安全隐患增多。",
                    "统一医疗机构消防安全检查的分工和时间安排，明确联合检查的牵头单位。",
                    "市政府第12次常务会议纪要",
                    null,
                    null,
                    false);
            desk.addItem(id, "医疗机构消防安全联合检查方案", "市卫健委");
            desk.addItem(id, "人员密集场所燃气安全排查安排", "市应急管理局");
            for (String code : List.of("WJW", "YJJ", "XFZD")) {
                directory
                        .unitByCode(code)
                        .ifPresent(unit -> desk.addUnit(
                                id,
                                unit.id(),
                                code.equals("WJW") ? AttendanceLevel.PRINCIPAL : AttendanceLevel.IN_CHARGE,
                                code.equals("XFZD"),
                                false,
                                null));
            }
            log.info("Demo meeting {} planned", id);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
