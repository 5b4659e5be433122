package org.accord.duty;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.accord.audit.Audited;
import org.accord.coordination.Matters;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.duty.Rows.Arrangement;
import org.accord.duty.Rows.Notified;
import org.accord.duty.Rows.Report;
import org.accord.duty.Rows.ToNotify;
import org.accord.notify.Notice;
import org.accord.notify.Notifications;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Schedules the duty desk's timers as persisted db-scheduler executions and does what each asks when it fires:
 * re-check the incident, act at most once per timer ({@code duty_timer_fired}), log and audit what was done.
 * Minute-level deadlines live here: supervision counts whole days.
 */
class DutyTimers {

    private static final Logger log = LoggerFactory.getLogger(DutyTimers.class);
    static final String SYSTEM = "system";

    private final Incidents incidents;
    private final Roster roster;
    private final Directory directory;
    private final Notifications notifications;
    private final Fanout fanout;
    private final Matters matters;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final DutyProperties properties;
    private final Map<DutyTimer, OneTimeTask<Void>> definitions = new EnumMap<>(DutyTimer.class);

    DutyTimers(
            Incidents incidents,
            Roster roster,
            Directory directory,
            Notifications notifications,
            Fanout fanout,
            Matters matters,
            ApplicationEventPublisher events,
            MessageSource messages,
            TransactionTemplate transactions,
            ObjectProvider<SchedulerClient> scheduler,
            DutyProperties properties) {
        this.incidents = incidents;
        this.roster = roster;
        this.directory = directory;
        this.notifications = notifications;
        this.fanout = fanout;
        this.matters = matters;
        this.events = events;
        this.messages = messages;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    void define(DutyTimer kind, OneTimeTask<Void> task) {
        definitions.put(kind, task);
    }

    /** Schedules one timer, unless it is scheduled already; a moment in the past fires on the next poll. */
    void schedule(DutyTimer kind, String instance, Instant at) {
        Instant now = Instant.now();
        scheduler.getObject().scheduleIfNotExists(definition(kind).instance(instance), at.isBefore(now) ? now : at);
    }

    /** Schedules a report clock's warning and alarm; nothing where the rule table has no rule for it. */
    void scheduleClock(Incident incident, ClockChannel channel, Instant from, int seq) {
        clocks().clock(incident.jurisdiction(), incident.level(), channel, from, null, from)
                .ifPresent(clock -> {
                    String instance = incident.id() + ":" + channel.name() + ":" + seq;
                    schedule(DutyTimer.CLOCK_WARN, instance, clock.warnAt());
                    schedule(DutyTimer.CLOCK_ALARM, instance, clock.due());
                });
    }

    ReportClocks clocks() {
        return new ReportClocks(incidents.clockRules());
    }

    /** What a firing does, in a transaction of its own: nothing when it is no longer needed or was done already. */
    void fire(DutyTimer kind, String instance) {
        transactions.executeWithoutResult(status -> {
            Instant now = Instant.now();
            if (!incidents.firstFiring(kind.name() + ":" + instance, now)) {
                return;
            }
            switch (kind) {
                case CLOCK_WARN:
                case CLOCK_ALARM:
                    clock(kind, instance, now);
                    break;
                case ESCALATE:
                    escalate(instance, now);
                    break;
                case REMIND:
                    remind(instance, now);
                    break;
                case ARRANGEMENT_DUE:
                default:
                    arrangementDue(Long.parseLong(instance), now);
                    break;
            }
        });
    }

    private void clock(DutyTimer kind, String instance, Instant now) {
        String[] parts = instance.split(":");
        Incident incident = incidents.find(Long.parseLong(parts[0])).orElse(null);
        if (incident == null || incident.status() == IncidentStatus.CLOSED) {
            return;
        }
        ClockChannel channel = ClockChannel.valueOf(parts[1]);
        int seq = Integer.parseInt(parts[2]);
        if (!running(incident, channel, seq)) {
            return;
        }
        Set<Long> recipients = officers(incident, now);
        String clockName = text(channel.messageKey());
        String title = text(
                kind == DutyTimer.CLOCK_WARN ? "duty.notice.clockWarn" : "duty.notice.clockAlarm",
                prefix(incident) + incident.title(),
                clockName);
        if (!recipients.isEmpty()) {
            String body = text("duty.notice.clockBody", incident.title(), clockName);
            Notice notice = kind == DutyTimer.CLOCK_WARN
                    ? Notice.of(recipients, Fanout.NOTICE_KIND, title, body, "/duty/incidents/" + incident.id())
                    : Notice.urgent(recipients, Fanout.NOTICE_KIND, title, body, "/duty/incidents/" + incident.id());
            notifications.send(notice);
        }
        incidents.log(now, SYSTEM, incident.id(), title);
        audit(incident, kind.name().toLowerCase(Locale.ROOT), channel.name() + " " + seq);
        fanout.changed(incident.id(), kind.name());
    }

    /** Whether a clock still counts: its report has not been made, and the incident still needs it. */
    boolean running(Incident incident, ClockChannel channel, int seq) {
        List<Report> submitted = incidents.reports(incident.id()).stream()
                .filter(Report::submitted)
                .toList();
        switch (channel) {
            case PHONE:
                return incident.phoneReportedAt() == null;
            case WRITTEN:
                return submitted.isEmpty();
            case FOLLOW_UP:
                return incident.status() == IncidentStatus.OPEN && submitted.size() == seq;
            case FINAL:
            default:
                return incident.status() == IncidentStatus.ENDED
                        && submitted.stream().noneMatch(report -> report.kind() == ReportKind.FINAL);
        }
    }

    /**
     * The leaders told so far who have not acknowledged are escalated: the next leader of the chain who has not
     * been told yet is told, and the escalation is timed again for him.
     */
    private void escalate(String instance, Instant now) {
        String[] parts = instance.split(":");
        Incident incident = incidents.find(Long.parseLong(parts[0])).orElse(null);
        int round = Integer.parseInt(parts[1]);
        if (incident == null || incident.status() != IncidentStatus.OPEN) {
            return;
        }
        List<Notified> told = incidents.notifications(incident.id());
        List<Notified> silent = told.stream()
                .filter(row -> row.kind().leader() && !row.acknowledged() && row.escalatedAt() == null)
                .toList();
        if (silent.isEmpty()) {
            return;
        }
        Set<Long> already = told.stream()
                .map(Notified::personId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Optional<PersonSummary> next = nextLeader(already);
        silent.forEach(row -> incidents.markEscalated(row.id(), now));
        String names = silent.stream().map(Notified::name).collect(Collectors.joining("、"));
        if (next.isEmpty()) {
            incidents.log(now, SYSTEM, incident.id(), text("duty.log.escalationExhausted", names));
            log.warn("Incident {}: no further leader to escalate to", incident.id());
            return;
        }
        PersonSummary leader = next.get();
        String title = text("duty.notice.escalated", prefix(incident) + incident.title());
        String body = text("duty.notice.escalatedBody", names, incident.place(), incident.what());
        fanout.tell(
                incident,
                List.of(new ToNotify(null, NotificationKind.ESCALATED_LEADER, leader.id(), null, leaderName(leader))),
                title,
                body,
                now);
        String logText = text("duty.log.escalated", names, leaderName(leader));
        incidents.log(now, SYSTEM, incident.id(), logText);
        matters.record(incident.matterId(), SYSTEM, "escalated", logText);
        audit(incident, "escalate", "to " + leader.name());
        schedule(DutyTimer.ESCALATE, incident.id() + ":" + (round + 1), now.plus(properties.escalateAfter()));
    }

    /** The next leader of the escalation chain who has not been told. */
    Optional<PersonSummary> nextLeader(Set<Long> alreadyTold) {
        List<PersonSummary> leaders = directory.leaders();
        for (String title : properties.escalationChain()) {
            for (PersonSummary leader : leaders) {
                if (leader.leaderTitle() != null
                        && leader.leaderTitle().name().equals(title)
                        && !alreadyTold.contains(leader.id())) {
                    return Optional.of(leader);
                }
            }
        }
        return Optional.empty();
    }

    /** Units (and relayed instructions) not acknowledged yet get one reminder each. */
    private void remind(String instance, Instant now) {
        Incident incident =
                incidents.find(Long.parseLong(instance.split(":")[0])).orElse(null);
        if (incident == null || incident.status() == IncidentStatus.CLOSED) {
            return;
        }
        List<Notified> silent = incidents.notifications(incident.id()).stream()
                .filter(row -> row.unitId() != null && !row.acknowledged() && row.remindedAt() == null)
                .toList();
        if (silent.isEmpty()) {
            return;
        }
        Set<Long> liaisons = new LinkedHashSet<>();
        for (Notified row : silent) {
            incidents.markReminded(row.id(), now);
            directory.liaisons(row.unitId()).stream().map(PersonSummary::id).forEach(liaisons::add);
        }
        String names = silent.stream().map(Notified::name).distinct().collect(Collectors.joining("、"));
        if (!liaisons.isEmpty()) {
            notifications.send(Notice.urgent(
                    liaisons,
                    Fanout.NOTICE_KIND,
                    text("duty.notice.remind", prefix(incident) + incident.title()),
                    text("duty.notice.remindBody", incident.place(), incident.what()),
                    "/duty/acks"));
        }
        incidents.log(now, SYSTEM, incident.id(), text("duty.log.reminded", names));
        audit(incident, "remind", names);
        fanout.changed(incident.id(), "reminded");
    }

    private void arrangementDue(long arrangementId, Instant now) {
        Optional<Arrangement> found = Optional.empty();
        Incident incident = null;
        for (Incident open : incidents.open()) {
            Optional<Arrangement> match = incidents.arrangements(open.id()).stream()
                    .filter(arrangement -> arrangement.id() == arrangementId)
                    .findFirst();
            if (match.isPresent()) {
                found = match;
                incident = open;
                break;
            }
        }
        if (found.isEmpty() || incident == null || incident.status() != IncidentStatus.OPEN) {
            return;
        }
        Arrangement arrangement = found.get();
        List<Long> liaisons = directory.liaisons(arrangement.unitId()).stream()
                .map(PersonSummary::id)
                .toList();
        String unit =
                directory.unit(arrangement.unitId()).map(u -> u.displayName()).orElse("?");
        String title = text("duty.notice.arrangementDue", prefix(incident) + incident.title(), unit);
        if (!liaisons.isEmpty()) {
            notifications.send(Notice.urgent(
                    liaisons,
                    Fanout.NOTICE_KIND,
                    title,
                    arrangement.what(),
                    arrangement.taskId() == null ? "/duty/acks" : "/tasks/" + arrangement.taskId()));
        }
        incidents.log(now, SYSTEM, incident.id(), title + "：" + arrangement.what());
        audit(incident, "arrangement-due", unit + " " + arrangement.what());
    }

    /** The officers on duty now, and the one who took the report. */
    Set<Long> officers(Incident incident, Instant now) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(incident.recordedBy());
        roster.at(now).ifPresent(shift -> ids.addAll(shift.staffIds()));
        return ids;
    }

    String prefix(Incident incident) {
        return incident.drill() ? text("duty.drill.prefix") : "";
    }

    static String leaderName(PersonSummary leader) {
        return leader.name() + (leader.position() == null ? "" : "（" + leader.position() + "）");
    }

    private void audit(Incident incident, String action, @Nullable String after) {
        events.publishEvent(new Audited(
                Instant.now(),
                SYSTEM,
                null,
                DutyDesk.MODULE,
                "incident",
                String.valueOf(incident.id()),
                action,
                incident.districtUnitId(),
                null,
                after));
    }

    private OneTimeTask<Void> definition(DutyTimer kind) {
        OneTimeTask<Void> task = definitions.get(kind);
        if (task == null) {
            throw new IllegalStateException("No timer defined for " + kind);
        }
        return task;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    static List<Long> list(Set<Long> ids) {
        return new ArrayList<>(ids);
    }
}
