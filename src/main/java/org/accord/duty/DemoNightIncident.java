package org.accord.duty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.security.SignedInAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Scenario 4 of docs/tour.md in the demo: at 02:10 (the last one before start-up) a resident reports a collapsed
 * building in 东城区 with people possibly trapped. The officer 蔡雨萱 takes it in, asks the district to verify, makes
 * the phone report and sends the first report up marked 核实中; the leaders and the four units acknowledge; 陈志华's
 * instruction is relayed — and the units have yet to acknowledge it. Verification, the follow-up and the final report
 * are left to the visitor. Each step goes through {@link DutyDesk}, as the person who does it on the pages.
 *
 * <p>The reports are sent when the demo starts, so unless it starts within half an hour of 02:10 the report clocks
 * show them as late: the duty desk records the time a report actually went up, never a made-up one.
 */
@Component
@Profile("demo")
@Order(50)
class DemoNightIncident implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNightIncident.class);
    static final String PLACE = "幸福里小区5号楼";
    private static final LocalTime CALL = LocalTime.of(2, 10, 26);
    private static final Map<String, String> LEADER_ACCOUNTS = Map.of("P0003", "chenzhihua", "P0004", "liufang");
    private static final Map<String, String> UNIT_ACCOUNTS =
            Map.of("YJJ", "lupeng", "XFZD", "caixiaoyan", "WJW", "liyanan", "DCQ-BGS", "tianshuzhen");

    private final DutyDesk desk;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final UserDetailsService accounts;
    private final WorkingCalendar calendar;

    DemoNightIncident(
            DutyDesk desk,
            Directory directory,
            JdbcClient jdbc,
            UserDetailsService accounts,
            WorkingCalendar calendar) {
        this.calendar = calendar;
        this.desk = desk;
        this.directory = directory;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM duty_incident WHERE place = :place")
                        .param("place", PLACE)
                        .query(Integer.class)
                        .single()
                > 0) {
            return;
        }
        var district = directory.unitByCode("DCQ");
        var housing = directory.unitByCode("ZJJ");
        var viceMayor = directory.personByCode("P0003");
        if (district.isEmpty() || housing.isEmpty() || viceMayor.isEmpty()) {
            log.warn("Demo night incident not loaded: its units or leader are missing from the directory");
            return;
        }
        ZoneId zone = calendar.zone();
        LocalDateTime now = LocalDateTime.now(zone);
        LocalDate day = now.toLocalTime().isBefore(CALL) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        try {
            as("caiyuxuan");
            long id = desk.intake(new IntakeForm(
                    LocalDateTime.of(day, CALL).toString(),
                    null,
                    "周先生（居民）",
                    null,
                    "13566667777",
                    IntakeChannel.PHONE,
                    EventClass.ACCIDENT,
                    "房屋垮塌",
                    Level.II,
                    district.get().id(),
                    housing.get().id(),
                    PLACE,
                    "来电人称楼北侧一个单元塌下来一半，听到废墟里有人喊救命，可能有人被困，具体人数不清楚。",
                    0,
                    0,
                    3,
                    null,
                    "被困人数未经现场确认",
                    false));
            desk.verify(id, VerificationState.VERIFYING, "电话请东城区政府办公室田淑珍赶赴现场核实");
            desk.phoneReported(id);
            desk.submitReport(id, desk.draftReport(id, ReportKind.FIRST));

            for (Rows.Notified row : desk.view(id).notified()) {
                String account = accountOf(row);
                if (account != null) {
                    as(account);
                    desk.acknowledge(row.id(), null);
                }
            }
            as("chenzhihua");
            desk.instruct(id, null, "全力搜救被困人员，救人第一；做好周边楼栋排查和群众疏散，防止次生灾害，及时续报。", false, List.of());
            log.info("Demo night incident {} taken in at {} {}", id, day, CALL);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String accountOf(Rows.Notified row) {
        if (row.personId() != null) {
            return directory
                    .person(row.personId())
                    .map(PersonSummary::code)
                    .map(LEADER_ACCOUNTS::get)
                    .orElse(null);
        }
        if (row.unitId() != null) {
            return directory
                    .unit(row.unitId())
                    .map(UnitSummary::code)
                    .map(UNIT_ACCOUNTS::get)
                    .orElse(null);
        }
        return null;
    }

    private void as(String username) {
        SignedInAccount account = (SignedInAccount) accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
    }
}
