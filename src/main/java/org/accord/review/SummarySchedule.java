package org.accord.review;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.Set;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Generates last week's and last month's summaries once a day, early in the morning: on a Monday (or the 1st) they
 * are new, on other days every one exists and nothing happens, and a day the application was down is caught up on
 * the next. db-scheduler runs it on one instance at a time; the unique key of a summary keeps a second run from
 * writing twice.
 *
 * <p>Subjects: every unit routed to a leader, every leader and every liaison of those units. Office staff ask for
 * their own on demand.
 */
@Configuration(proxyBeanMethods = false)
class SummarySchedule {

    static final String TASK = "review-summaries";
    static final String ACTOR = "schedule";
    private static final Logger log = LoggerFactory.getLogger(SummarySchedule.class);

    @Bean
    RecurringTask<Void> reviewSummariesTask(Runner runner, WorkingCalendar calendar) {
        return Tasks.recurring(TASK, new Daily(calendar.zone(), LocalTime.of(1, 30)))
                .execute((instance, context) -> runner.runFor(LocalDate.now(calendar.zone())));
    }

    @Bean
    Runner reviewSummariesRunner(SummaryGenerator generator, Directory directory) {
        return new Runner(generator, directory);
    }

    /** One run: the summaries of the last whole week and month before {@code today}. */
    static class Runner {

        private final SummaryGenerator generator;
        private final Directory directory;

        Runner(SummaryGenerator generator, Directory directory) {
            this.generator = generator;
            this.directory = directory;
        }

        /** @return how many summaries this run made */
        int runFor(LocalDate today) {
            Set<Long> units = new LinkedHashSet<>();
            Set<Long> people = new LinkedHashSet<>();
            for (UnitSummary unit : directory.activeUnits()) {
                if (unit.overseeingLeaderId() != null) {
                    units.add(unit.id());
                    directory.liaisons(unit.id()).stream()
                            .map(PersonSummary::id)
                            .forEach(people::add);
                }
            }
            directory.leaders().stream().map(PersonSummary::id).forEach(people::add);
            int made = 0;
            for (SummaryPeriod.Kind kind : SummaryPeriod.Kind.values()) {
                SummaryPeriod period = SummaryPeriod.before(kind, today);
                for (long unit : units) {
                    made += generator
                                    .generate(Summary.Subject.UNIT, unit, period, ACTOR)
                                    .created()
                            ? 1
                            : 0;
                }
                for (long person : people) {
                    made += generator
                                    .generate(Summary.Subject.PERSON, person, period, ACTOR)
                                    .created()
                            ? 1
                            : 0;
                }
            }
            log.info("Review summaries before {}: {} generated", today, made);
            return made;
        }
    }
}
