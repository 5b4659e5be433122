package org.accord.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.accord.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The roster (值班表): one shift a day from {@code accord.duty.shift-start} to the same time the next day, and the
 * handovers between shifts. A day that is not a working day, or falls in a sensitive period, needs two staff.
 */
@Repository
class Roster {

    /** A handover between two officers: who gave, who took, when, and what was still open. */
    record Handover(long id, long shiftId, long fromPerson, long toPerson, Instant at, String openItems) {}

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final DutyProperties properties;

    Roster(JdbcClient jdbc, WorkingCalendar calendar, DutyProperties properties) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.properties = properties;
    }

    /** Whether a day's shift needs two staff: holidays, weekends and sensitive periods. */
    boolean needsDoubleStaffing(LocalDate day) {
        return !calendar.isWorkingDay(day) || properties.sensitive(day);
    }

    Instant startOf(LocalDate day) {
        return ZonedDateTime.of(day, properties.shiftStart(), calendar.zone()).toInstant();
    }

    /** The day whose shift covers a moment (before the shift start, it is the previous day's). */
    LocalDate dayOf(Instant at) {
        ZonedDateTime local = at.atZone(calendar.zone());
        LocalDate day = local.toLocalDate();
        return local.toLocalTime().isBefore(properties.shiftStart()) ? day.minusDays(1) : day;
    }

    Optional<Shift> at(Instant at) {
        return jdbc.sql(SELECT + " WHERE starts_at <= :at AND ends_at > :at ORDER BY id DESC LIMIT 1")
                .param("at", Incidents.param(at))
                .query((rs, n) -> shift(rs))
                .optional();
    }

    List<Shift> between(LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE starts_at >= :from AND starts_at < :to ORDER BY starts_at")
                .param("from", Incidents.param(startOf(from)))
                .param("to", Incidents.param(startOf(to.plusDays(1))))
                .query((rs, n) -> shift(rs))
                .list();
    }

    boolean hasShift(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM duty_shift WHERE starts_at = :at")
                        .param("at", Incidents.param(startOf(day)))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Puts a day's shift in the roster, replacing the one it had. */
    long put(LocalDate day, long leaderId, List<Long> staffIds, @Nullable String note) {
        Instant start = startOf(day);
        jdbc.sql("DELETE FROM duty_shift WHERE starts_at = :at AND id NOT IN (SELECT shift_id FROM duty_handover)")
                .param("at", Incidents.param(start))
                .update();
        return Incidents.insert(jdbc.sql("INSERT INTO duty_shift (starts_at, ends_at, leader_id, staff_ids,"
                        + " double_staffed, note) VALUES (:start, :end, :leader, :staff, :double, :note)")
                .param("start", Incidents.param(start))
                .param("end", Incidents.param(startOf(day.plusDays(1))))
                .param("leader", leaderId)
                .param("staff", staffIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("double", staffIds.size() >= 2)
                .param("note", note));
    }

    long handover(long shiftId, long from, long to, Instant at, String openItems) {
        return Incidents.insert(jdbc.sql("INSERT INTO duty_handover (shift_id, from_person, to_person, at, open_items)"
                        + " VALUES (:shift, :from, :to, :at, :items)")
                .param("shift", shiftId)
                .param("from", from)
                .param("to", to)
                .param("at", Incidents.param(at))
                .param("items", openItems));
    }

    List<Handover> handovers(int limit) {
        return jdbc.sql("SELECT id, shift_id, from_person, to_person, at, open_items FROM duty_handover"
                        + " ORDER BY at DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Handover(
                        rs.getLong("id"),
                        rs.getLong("shift_id"),
                        rs.getLong("from_person"),
                        rs.getLong("to_person"),
                        Incidents.required(rs, "at"),
                        rs.getString("open_items")))
                .list();
    }

    private static final String SELECT =
            "SELECT id, starts_at, ends_at, leader_id, staff_ids, double_staffed, note FROM duty_shift";

    private static Shift shift(java.sql.ResultSet rs) throws java.sql.SQLException {
        String staff = rs.getString("staff_ids");
        return new Shift(
                rs.getLong("id"),
                Incidents.required(rs, "starts_at"),
                Incidents.required(rs, "ends_at"),
                rs.getLong("leader_id"),
                staff.isBlank()
                        ? List.of()
                        : Arrays.stream(staff.split(",")).map(Long::valueOf).toList(),
                rs.getBoolean("double_staffed"),
                rs.getString("note"));
    }
}
