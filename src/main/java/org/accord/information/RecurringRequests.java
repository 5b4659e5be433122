package org.accord.information;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recurring requests (e.g. the daily zero report in flood season): a template from which each day, week or
 * month opens its own request with its own deadline. A daily occurrence is due the same calendar day at a
 * set time, weekends and holidays included (floods keep no office hours); a weekly or monthly one is due a
 * number of working days after it opens, at the end of office hours, by the working calendar.
 */
@Service
class RecurringRequests {

    record Series(
            long id,
            String title,
            String description,
            String basis,
            String example,
            RequestForm form,
            Recurrence recurrence,
            List<Long> unitIds,
            LocalTime dueTime,
            int dueWorkingDays,
            boolean zeroReport,
            LocalDate firstDate,
            @Nullable LocalDate lastDate,
            boolean active,
            long createdBy,
            String createdByName) {}

    private final JdbcClient jdbc;
    private final SituationRequests requests;
    private final InformationTimers timers;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;

    RecurringRequests(
            JdbcClient jdbc,
            SituationRequests requests,
            InformationTimers timers,
            WorkingCalendar calendar,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.timers = timers;
        this.calendar = calendar;
        this.events = events;
    }

    /** Starts a series: today's occurrence opens at once if it starts today, later ones by their timers. */
    @Transactional
    long start(Series series, SignedInAccount me) {
        if (me.personId() == null) {
            throw new InformationRefused("information.error.noPerson");
        }
        SituationRequests.required(series.title(), "information.field.title", 200);
        if (series.unitIds().isEmpty()) {
            throw new InformationInputRejected("information.error.units");
        }
        if (series.form().fields().isEmpty()) {
            throw new InformationInputRejected("information.design.empty");
        }
        LocalDate today = calendar.dateOf(Instant.now());
        if (series.firstDate().isBefore(today)
                || (series.lastDate() != null && series.lastDate().isBefore(series.firstDate()))) {
            throw new InformationInputRejected("information.error.seriesDates");
        }
        if (series.recurrence() != Recurrence.DAILY && (series.dueWorkingDays() < 0 || series.dueWorkingDays() > 30)) {
            throw new InformationInputRejected("information.error.dueDays");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO info_series (title, description, basis, example, form, recurrence, unit_ids, due_time,"
                        + " due_working_days, zero_report, first_date, last_date, active, created_by, created_by_name,"
                        + " created_at) VALUES (:title, :description, :basis, :example, :form, :recurrence, :units,"
                        + " :dueTime, :dueDays, :zero, :first, :last, TRUE, :by, :byName, :at)")
                .param("title", series.title().strip())
                .param("description", SituationRequests.optional(series.description(), 4000))
                .param("basis", SituationRequests.optional(series.basis(), 1000))
                .param("example", SituationRequests.optional(series.example(), 4000))
                .param("form", series.form().toJson())
                .param("recurrence", series.recurrence().name())
                .param("units", series.unitIds().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .param("dueTime", series.dueTime().toString())
                .param("dueDays", series.dueWorkingDays())
                .param("zero", series.zeroReport())
                .param("first", series.firstDate())
                .param("last", series.lastDate())
                .param("by", me.personId())
                .param("byName", me.displayName())
                .param("at", RequestStore.utc(Instant.now()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        events.publishEvent(Audited.now(
                SituationRequests.MODULE,
                "series",
                String.valueOf(id),
                "start",
                null,
                null,
                series.recurrence() + " " + series.title()));
        if (series.firstDate().equals(today)) {
            openOccurrence(id, today);
        } else {
            timers.scheduleOccurrence(id, series.firstDate());
        }
        return id;
    }

    /** Opens the series' occurrence of a day (once) and schedules the next one. */
    @Transactional
    void openOccurrence(long seriesId, LocalDate date) {
        Series series = find(seriesId).orElse(null);
        if (series == null || !series.active() || (series.lastDate() != null && date.isAfter(series.lastDate()))) {
            return;
        }
        if (requests.existsOccurrence(seriesId, date)) {
            return;
        }
        Instant deadline = deadline(series, date);
        requests.open(
                new SituationRequests.Draft(
                        series.title() + "（" + date + "）",
                        series.description(),
                        series.basis(),
                        series.example(),
                        series.form(),
                        deadline,
                        series.zeroReport(),
                        series.unitIds()),
                series.createdBy(),
                series.createdByName(),
                seriesId,
                date);
        LocalDate next = series.recurrence().next(date);
        if (series.lastDate() == null || !next.isAfter(series.lastDate())) {
            timers.scheduleOccurrence(seriesId, next);
        }
    }

    Instant deadline(Series series, LocalDate date) {
        if (series.recurrence() == Recurrence.DAILY) {
            return date.atTime(series.dueTime()).atZone(calendar.zone()).toInstant();
        }
        return calendar.endOfOfficeHours(calendar.addWorkingDays(date, series.dueWorkingDays()));
    }

    @Transactional
    void stop(long seriesId) {
        jdbc.sql("UPDATE info_series SET active = FALSE WHERE id = :id")
                .param("id", seriesId)
                .update();
        events.publishEvent(Audited.now(
                SituationRequests.MODULE, "series", String.valueOf(seriesId), "stop", null, "active", "stopped"));
    }

    @Transactional(readOnly = true)
    List<Series> list() {
        return jdbc.sql("SELECT * FROM info_series ORDER BY id DESC")
                .query(RecurringRequests::series)
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Series> find(long id) {
        return jdbc.sql("SELECT * FROM info_series WHERE id = :id")
                .param("id", id)
                .query(RecurringRequests::series)
                .optional();
    }

    private static Series series(ResultSet rs, int n) throws SQLException {
        java.sql.Date last = rs.getDate("last_date");
        String units = rs.getString("unit_ids");
        return new Series(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("basis"),
                rs.getString("example"),
                RequestForm.fromJson(rs.getString("form")),
                Recurrence.valueOf(rs.getString("recurrence")),
                units.isBlank()
                        ? List.of()
                        : Arrays.stream(units.split(",")).map(Long::valueOf).toList(),
                LocalTime.parse(rs.getString("due_time")),
                rs.getInt("due_working_days"),
                rs.getBoolean("zero_report"),
                rs.getDate("first_date").toLocalDate(),
                last == null ? null : last.toLocalDate(),
                rs.getBoolean("active"),
                rs.getLong("created_by"),
                rs.getString("created_by_name"));
    }
}
