package org.accord.documents;

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
class IncomingConfiguration {

    @Bean
    IncomingTimers incomingTimers(
            IncomingDocuments documents,
            WorkingCalendar calendar,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            PlatformTransactionManager transactionManager,
            ObjectProvider<SchedulerClient> scheduler,
            @Value("${accord.documents.incoming.remind-before-working-days:2}") int remindBefore,
            @Value("${accord.documents.incoming.receipt-prefix:收文}") String receiptPrefix) {
        return new IncomingTimers(
                documents,
                calendar,
                directory,
                notifications,
                events,
                messages,
                new TransactionTemplate(transactionManager),
                scheduler,
                remindBefore,
                receiptPrefix);
    }

    @Bean
    OneTimeTask<Void> incomingRemindTask(IncomingTimers timers) {
        return timer(timers, IncomingTimers.Kind.REMIND);
    }

    @Bean
    OneTimeTask<Void> incomingOverdueTask(IncomingTimers timers) {
        return timer(timers, IncomingTimers.Kind.OVERDUE);
    }

    private static OneTimeTask<Void> timer(IncomingTimers timers, IncomingTimers.Kind kind) {
        OneTimeTask<Void> task =
                Tasks.oneTime(kind.taskName()).execute((instance, context) -> timers.fire(kind, instance.getId()));
        timers.define(kind, task);
        return task;
    }
}
