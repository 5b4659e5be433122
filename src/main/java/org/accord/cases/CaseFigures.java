package org.accord.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the office is judged on, for a period of intake and grouped by lead unit, category or district
 * (or by every unit with a share, for sign-for and returns): on-time sign-for, on-time completion (the lead
 * unit's approved reply on or before the deadline), satisfaction at the visit, reopen rate, return rate and
 * first-contact resolution.
 */
@Service
class CaseFigures {

    enum By {
        UNIT,
        CATEGORY,
        DISTRICT
    }

    /** One group's figures; a rate is null where nothing was there to count. */
    record Figure(
            String key,
            String name,
            int cases,
            int firstContact,
            @Nullable Double firstContactRate,
            @Nullable Double onTimeSignRate,
            @Nullable Double onTimeCompletionRate,
            @Nullable Double satisfactionRate,
            @Nullable Double reopenRate,
            @Nullable Double returnRate) {}

    private static final class Tally {
        int cases;
        int firstContact;
        int dispatched;
        int reopened;
        int visits;
        int satisfied;
        int shares;
        int signed;
        int signedOnTime;
        int returned;
        int replies;
        int repliesOnTime;
    }

    private record CaseRow(
            long id,
            @Nullable String category,
            @Nullable String district,
            @Nullable Long lead,
            @Nullable String closing,
            @Nullable String satisfaction,
            int reopens,
            @Nullable LocalDate deadline,
            boolean dispatched) {}

    private record ShareRow(
            long caseId,
            long unitId,
            String role,
            String status,
            Instant signDue,
            @Nullable Instant signedAt,
            @Nullable Instant reportedAt) {}

    private final JdbcClient jdbc;
    private final DispatchCatalogue catalogue;
    private final Directory directory;
    private final ZoneId zone;

    CaseFigures(JdbcClient jdbc, DispatchCatalogue catalogue, Directory directory, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.directory = directory;
        this.zone = calendar.zone();
    }

    @Transactional(readOnly = true)
    List<Figure> figures(By by, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<CaseRow> cases = jdbc.sql("SELECT id, category_code, district_code, lead_unit_id, closing, satisfaction,"
                        + " reopen_count, deadline, dispatched_at FROM hotline_case"
                        + " WHERE created_at >= :start AND created_at < :end AND status <> 'MERGED'")
                .param("start", CaseStore.ts(start))
                .param("end", CaseStore.ts(end))
                .query((rs, n) -> new CaseRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        CaseStore.nullableLong(rs, "lead_unit_id"),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9) != null))
                .list();
        Map<Long, CaseRow> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        List<ShareRow> shares = jdbc.sql("SELECT s.case_id, s.unit_id, s.role, s.status, s.sign_due, s.signed_at,"
                        + " s.reported_at FROM case_share s JOIN hotline_case c ON c.id = s.case_id"
                        + " WHERE c.created_at >= :start AND c.created_at < :end AND c.status <> 'MERGED'")
                .param("start", CaseStore.ts(start))
                .param("end", CaseStore.ts(end))
                .query((rs, n) -> new ShareRow(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        CaseStore.instant(rs, "sign_due"),
                        CaseStore.instant(rs, "signed_at"),
                        CaseStore.instant(rs, "reported_at")))
                .list();
        Function<CaseRow, @Nullable String> caseKey = switch (by) {
            case CATEGORY -> CaseRow::category;
            case DISTRICT -> CaseRow::district;
            case UNIT -> c -> c.lead() == null ? null : String.valueOf(c.lead());
        };
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (CaseRow c : cases) {
            String key = caseKey.apply(c);
            Tally t = tallies.computeIfAbsent(key == null ? "-" : key, k -> new Tally());
            t.cases++;
            if ("FIRST_CONTACT".equals(c.closing())) {
                t.firstContact++;
            }
            if (c.dispatched()) {
                t.dispatched++;
            }
            if (c.reopens() > 0) {
                t.reopened++;
            }
            if (c.satisfaction() != null) {
                t.visits++;
                if (Satisfaction.valueOf(c.satisfaction()).satisfied()) {
                    t.satisfied++;
                }
            }
        }
        for (ShareRow s : shares) {
            CaseRow c = byId.get(s.caseId());
            if (c == null) {
                continue;
            }
            String key = by == By.UNIT ? String.valueOf(s.unitId()) : caseKey.apply(c);
            Tally t = tallies.computeIfAbsent(key == null ? "-" : key, k -> new Tally());
            t.shares++;
            if (s.signedAt() != null) {
                t.signed++;
                if (!s.signedAt().isAfter(s.signDue())) {
                    t.signedOnTime++;
                }
            }
            if ("RETURNED".equals(s.status())) {
                t.returned++;
            }
            if ("LEAD".equals(s.role()) && "REPLIED".equals(s.status()) && s.reportedAt() != null) {
                t.replies++;
                if (c.deadline() != null
                        && !s.reportedAt().atZone(zone).toLocalDate().isAfter(c.deadline())) {
                    t.repliesOnTime++;
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        tallies.forEach((key, t) -> figures.add(new Figure(
                key,
                name(by, key),
                t.cases,
                t.firstContact,
                rate(t.firstContact, t.cases),
                rate(t.signedOnTime, t.signed),
                rate(t.repliesOnTime, t.replies),
                rate(t.satisfied, t.visits),
                rate(t.reopened, t.dispatched),
                rate(t.returned, t.shares))));
        return figures;
    }

    private String name(By by, String key) {
        if (key.equals("-")) {
            return "-";
        }
        switch (by) {
            case CATEGORY:
                return catalogue.categoryName(key);
            case DISTRICT:
            case UNIT:
            default:
                var unit = by == By.DISTRICT ? directory.unitByCode(key) : directory.unit(Long.parseLong(key));
                return unit.map(UnitSummary::displayName).orElse(key);
        }
    }

    private static @Nullable Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    static By by(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return By.UNIT;
        }
        try {
            return By.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CaseInputRejected("cases.error.figuresBy");
        }
    }
}
