package org.accord.cases;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.notify.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CasesSettings.class)
class CasesConfiguration {

    @Bean
    CaseClock caseClock(CasesSettings settings) {
        return CaseClock.startingAt(settings.clockStart());
    }

    @Bean
    Deadlines caseDeadlines(WorkingCalendar calendar, CaseClock clock) {
        return new Deadlines(calendar, clock);
    }

    @Bean
    TransactionTemplate caseTransactions(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    CaseTimers caseTimers(
            CaseStore store,
            WorkingCalendar calendar,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            PlatformTransactionManager transactionManager,
            ObjectProvider<SchedulerClient> scheduler,
            CasesSettings settings,
            CaseClock clock) {
        return new CaseTimers(
                store,
                calendar,
                directory,
                notifications,
                events,
                messages,
                new TransactionTemplate(transactionManager),
                scheduler,
                settings,
                clock);
    }

    @Bean
    OneTimeTask<Void> caseSignLateTask(CaseTimers timers) {
        return timer(timers, CaseTimers.Kind.SIGN);
    }

    @Bean
    OneTimeTask<Void> caseRemindTask(CaseTimers timers) {
        return timer(timers, CaseTimers.Kind.REMIND);
    }

    @Bean
    OneTimeTask<Void> caseUrgeTask(CaseTimers timers) {
        return timer(timers, CaseTimers.Kind.URGE);
    }

    @Bean
    OneTimeTask<Void> caseBulletinTask(CaseTimers timers) {
        return timer(timers, CaseTimers.Kind.BULLETIN);
    }

    /**
     * Rolls up the case figures of past days that changed or were never rolled up (ADR 0026);
     * {@code accord.cases.roll-up=false} leaves every day to be counted from the cases.
     */
    @Bean
    Task<Void> caseFigureDaysTask(CasePeriodFigures figures, @Value("${accord.cases.roll-up:true}") boolean rollUp) {
        return Tasks.recurring("cases-figure-days", FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    if (rollUp) {
                        figures.rollUp();
                    }
                });
    }

    private static OneTimeTask<Void> timer(CaseTimers timers, CaseTimers.Kind kind) {
        OneTimeTask<Void> task =
                Tasks.oneTime(kind.taskName).execute((instance, context) -> timers.fire(kind, instance.getId()));
        timers.define(kind, task);
        return task;
    }
}
