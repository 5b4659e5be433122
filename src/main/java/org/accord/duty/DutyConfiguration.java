package org.accord.duty;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.accord.coordination.Matters;
import org.accord.directory.Directory;
import org.accord.notify.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DutyProperties.class)
class DutyConfiguration {

    @Bean
    DutyTimers dutyTimers(
            Incidents incidents,
            Roster roster,
            Directory directory,
            Notifications notifications,
            Fanout fanout,
            Matters matters,
            ApplicationEventPublisher events,
            MessageSource messages,
            PlatformTransactionManager transactionManager,
            ObjectProvider<SchedulerClient> scheduler,
            DutyProperties properties) {
        return new DutyTimers(
                incidents,
                roster,
                directory,
                notifications,
                fanout,
                matters,
                events,
                messages,
                new TransactionTemplate(transactionManager),
                scheduler,
                properties);
    }

    @Bean
    OneTimeTask<Void> dutyClockWarnTask(DutyTimers timers) {
        return timer(timers, DutyTimer.CLOCK_WARN);
    }

    @Bean
    OneTimeTask<Void> dutyClockAlarmTask(DutyTimers timers) {
        return timer(timers, DutyTimer.CLOCK_ALARM);
    }

    @Bean
    OneTimeTask<Void> dutyEscalateTask(DutyTimers timers) {
        return timer(timers, DutyTimer.ESCALATE);
    }

    @Bean
    OneTimeTask<Void> dutyRemindTask(DutyTimers timers) {
        return timer(timers, DutyTimer.REMIND);
    }

    @Bean
    OneTimeTask<Void> dutyArrangementDueTask(DutyTimers timers) {
        return timer(timers, DutyTimer.ARRANGEMENT_DUE);
    }

    private static OneTimeTask<Void> timer(DutyTimers timers, DutyTimer kind) {
        OneTimeTask<Void> task =
                Tasks.oneTime(kind.taskName()).execute((instance, context) -> timers.fire(kind, instance.getId()));
        timers.define(kind, task);
        return task;
    }
}
