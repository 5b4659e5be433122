package org.accord.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.coordination.CoordinationRecords;
import org.accord.directory.Directory;
import org.accord.supervision.SupervisionRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a periodic review from the records of other modules: supervised tasks completed on time (went well), rulings
 * a leader gave on divided points (went well), tasks completed late and tasks overdue and still open (late). Every
 * statement names its item and links to it. A subject and period is generated once; asking again opens the first.
 *
 * <p>Whose work a summary covers: a unit's own tasks and the matters it is a party to; for a leader, the units routed
 * to him and the rulings he gave himself; for anyone else, the unit the person belongs to (a liaison's unit, a staff
 * member's section).
 */
@Service
class SummaryGenerator {

    static final String MODULE = "review";
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** Whose work a summary covers. */
    record Coverage(
            String name, Set<Long> unitIds, @Nullable Long leaderId) {}

    private final SummaryStore store;
    private final Directory directory;
    private final SupervisionRecords supervision;
    private final CoordinationRecords coordination;
    private final ReviewFigures reviewFigures;
    private final ZoneId zone;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    SummaryGenerator(
            SummaryStore store,
            Directory directory,
            SupervisionRecords supervision,
            CoordinationRecords coordination,
            ReviewFigures reviewFigures,
            WorkingCalendar calendar,
            MessageSource messages,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.directory = directory;
        this.supervision = supervision;
        this.coordination = coordination;
        this.reviewFigures = reviewFigures;
        this.zone = calendar.zone();
        this.messages = messages;
        this.events = events;
        // Its own transaction even when called inside one: a failed insert must not doom the caller's.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What the subject's summary covers, or empty when the directory does not know the subject. */
    Optional<Coverage> coverage(Summary.Subject subject, long subjectId) {
        return switch (subject) {
            case UNIT ->
                directory.unit(subjectId).map(unit -> new Coverage(unit.displayName(), Set.of(unit.id()), null));
            case PERSON ->
                directory
                        .person(subjectId)
                        .map(person -> person.isLeader()
                                ? new Coverage(person.name(), directory.unitsRoutedTo(person.id()), person.id())
                                : new Coverage(person.name(), Set.of(person.unitId()), null));
        };
    }

    /**
     * The summary of the subject for the period, generated now if there is none yet.
     *
     * @return the summary's id and whether it was made by this call
     */
    Generated generate(Summary.Subject subject, long subjectId, SummaryPeriod period, String by) {
        try {
            return transactions.execute(status -> generateOnce(subject, subjectId, period, by));
        } catch (DuplicateKeyException | PessimisticLockingFailureException made) {
            // Someone generated the same summary at the same moment and committed first: theirs is the one. (H2 may
            // give up waiting for the other's row lock instead; PostgreSQL waits and reports the duplicate.)
            Long id = transactions.execute(
                    status -> store.find(subject, subjectId, period).orElseThrow(() -> made));
            return new Generated(id, false);
        }
    }

    private Generated generateOnce(Summary.Subject subject, long subjectId, SummaryPeriod period, String by) {
        Optional<Long> existing = store.find(subject, subjectId, period);
        if (existing.isPresent()) {
            return new Generated(existing.get(), false);
        }
        Coverage coverage = coverage(subject, subjectId).orElseThrow(() -> new SummaryNotFound(subjectId));
        Summary summary = compose(subject, subjectId, coverage, period, by, Instant.now());
        long id = store.insert(summary);
        events.publishEvent(Audited.now(
                MODULE,
                "summary",
                String.valueOf(id),
                "generate",
                subject == Summary.Subject.UNIT ? subjectId : null,
                null,
                summary.title()));
        return new Generated(id, true);
    }

    record Generated(long id, boolean created) {}

    /** The summary's statements, figures and text, not stored. */
    Summary compose(
            Summary.Subject subject, long subjectId, Coverage coverage, SummaryPeriod period, String by, Instant now) {
        Instant from = period.start().atStartOfDay(zone).toInstant();
        Instant to = period.end().plusDays(1).atStartOfDay(zone).toInstant();
        List<Summary.Item> items = new ArrayList<>();
        int onTime = 0;
        int late = 0;
        int overdue = 0;
        List<SupervisionRecords.TaskRecord> tasks = supervision.tasksForPeriod(
                coverage.unitIds(), from, to, period.end().plusDays(1));
        for (SupervisionRecords.TaskRecord task : tasks) {
            String link = "/tasks/" + task.id();
            if (task.completed() && task.completedAt() != null) {
                LocalDate completedOn = LocalDate.ofInstant(task.completedAt(), zone);
                boolean inTime = !completedOn.isAfter(task.deadline());
                Summary.ItemKind kind = inTime ? Summary.ItemKind.TASK_ON_TIME : Summary.ItemKind.TASK_LATE;
                items.add(new Summary.Item(
                        kind,
                        task.id(),
                        text(
                                "review.summaries.item." + kind.name(),
                                task.title(),
                                task.id(),
                                task.deadline(),
                                completedOn),
                        link));
                if (inTime) {
                    onTime++;
                } else {
                    late++;
                }
            } else {
                items.add(new Summary.Item(
                        Summary.ItemKind.TASK_OVERDUE,
                        task.id(),
                        text("review.summaries.item.TASK_OVERDUE", task.title(), task.id(), task.deadline()),
                        link));
                overdue++;
            }
        }
        List<CoordinationRecords.RulingRecord> rulings = coverage.leaderId() != null
                ? coordination.rulings(from, to, coverage.leaderId(), null)
                : coordination.rulings(from, to, null, coverage.unitIds());
        for (CoordinationRecords.RulingRecord ruling : rulings) {
            items.add(new Summary.Item(
                    Summary.ItemKind.RULING,
                    ruling.pointId(),
                    text(
                            "review.summaries.item.RULING",
                            ruling.matterTitle(),
                            ruling.point(),
                            ruling.matterId(),
                            ruling.ruling()),
                    "/matters/" + ruling.matterId()));
        }
        int due = onTime + late + overdue;
        List<Summary.Figure> figures = new ArrayList<>(List.of(
                new Summary.Figure(text("review.summaries.figure.onTime"), String.valueOf(onTime)),
                new Summary.Figure(text("review.summaries.figure.late"), String.valueOf(late)),
                new Summary.Figure(text("review.summaries.figure.overdue"), String.valueOf(overdue)),
                new Summary.Figure(
                        text("review.summaries.figure.onTimeRate"),
                        due == 0 ? "—" : Math.round(100.0 * onTime / due) + "%"),
                new Summary.Figure(text("review.summaries.figure.rulings"), String.valueOf(rulings.size()))));
        figures.addAll(dashboardFigures(period, coverage.unitIds()));
        Summary draft = new Summary(
                0,
                subject,
                subjectId,
                coverage.name(),
                period,
                "",
                "",
                by,
                now,
                null,
                null,
                List.copyOf(items),
                figures);
        String body = body(draft);
        return new Summary(
                0,
                subject,
                subjectId,
                coverage.name(),
                period,
                body,
                body,
                by,
                now,
                null,
                null,
                draft.items(),
                figures);
    }

    /**
     * The dashboards' figures over the same units and days (hotline, supervision, meetings, duty, documents), those
     * with anything to count: a rate as "met/base（rate%）", an average as "平均 x.x 天（n 项）".
     */
    private List<Summary.Figure> dashboardFigures(SummaryPeriod period, Set<Long> units) {
        List<Summary.Figure> figures = new ArrayList<>();
        Period days = new Period(Period.Kind.CUSTOM, period.start(), period.end());
        for (ReviewFigures.Value total :
                reviewFigures.figures(days, units, "UNIT").totals()) {
            if (total.base() == 0) {
                continue;
            }
            String label = messages.getMessage("review.figure." + total.figure(), null, total.figure(), CHINESE);
            label = label == null ? total.figure() : label;
            Double average = total.average();
            Double rate = total.rate();
            if (average != null) {
                figures.add(new Summary.Figure(label, averageText(average, total.measure(), total.base())));
            } else if (rate != null) {
                figures.add(new Summary.Figure(label, total.met() + "/" + total.base() + "（" + rate + "%）"));
            }
        }
        return figures;
    }

    /** An average as a summary states it, and as {@link SummaryExports} reads it back into a number. */
    private String averageText(double average, @Nullable String measure, long base) {
        return text(
                "review.summaries.figure.average",
                String.format(Locale.ROOT, "%.1f", average),
                text("review.measure." + measure),
                base);
    }

    private String body(Summary summary) {
        StringBuilder body = new StringBuilder();
        body.append(text(
                        "review.summaries.text.head",
                        summary.title(),
                        summary.period().start(),
                        summary.period().end()))
                .append('\n');
        section(body, summary, Summary.Section.WELL);
        section(body, summary, Summary.Section.LATE);
        body.append(text("review.summaries.text.figures")).append('\n');
        List<String> figures = summary.figures().stream()
                .map(figure -> figure.label() + " " + figure.value())
                .toList();
        body.append(String.join("；", figures)).append("。");
        return body.toString();
    }

    private void section(StringBuilder body, Summary summary, Summary.Section section) {
        body.append(text("review.summaries.text." + section.name())).append('\n');
        List<Summary.Item> items = summary.items(section);
        if (items.isEmpty()) {
            body.append(text("review.summaries.text.none." + section.name())).append('\n');
        }
        int n = 1;
        for (Summary.Item item : items) {
            body.append(n++).append(". ").append(item.statement()).append('\n');
        }
    }

    private String text(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // MessageFormat would group digits of ids (督办#1,234) and format dates its own way.
            plain[i] = args[i] instanceof String ? args[i] : String.valueOf(args[i]);
        }
        return messages.getMessage(key, plain, CHINESE);
    }
}
