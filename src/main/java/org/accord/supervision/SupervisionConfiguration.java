package org.accord.supervision;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.notify.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class SupervisionConfiguration {

    @Bean
    SupervisionTimers supervisionTimers(
            SupervisedTasks tasks,
            WorkingCalendar calendar,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            PlatformTransactionManager transactionManager,
            ObjectProvider<SchedulerClient> scheduler,
            @Value("${accord.supervision.remind-before-working-days:2}") int remindBefore,
            @Value("${accord.supervision.escalate-after-working-days:3}") int escalateAfter) {
        return new SupervisionTimers(
                tasks,
                calendar,
                directory,
                notifications,
                events,
                messages,
                new TransactionTemplate(transactionManager),
                scheduler,
                remindBefore,
                escalateAfter);
    }

    @Bean
    OneTimeTask<Void> supervisionRemindTask(SupervisionTimers timers) {
        return timer(timers, TimerKind.REMIND);
    }

    @Bean
    OneTimeTask<Void> supervisionOverdueTask(SupervisionTimers timers) {
        return timer(timers, TimerKind.OVERDUE);
    }

    @Bean
    OneTimeTask<Void> supervisionEscalateTask(SupervisionTimers timers) {
        return timer(timers, TimerKind.ESCALATE);
    }

    private static OneTimeTask<Void> timer(SupervisionTimers timers, TimerKind kind) {
        OneTimeTask<Void> task = Tasks.oneTime(kind.taskName())
                .execute((instance, context) -> timers.fire(kind, Long.parseLong(instance.getId())));
        timers.define(kind, task);
        return task;
    }
}
