package org.accord.meetings;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.accord.directory.Directory;
import org.accord.notify.Notifications;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class MeetingsConfiguration {

    @Bean
    ReceiptReminders receiptReminders(
            MeetingStore store,
            Directory directory,
            Notifications notifications,
            ApplicationEventPublisher events,
            MessageSource messages,
            PlatformTransactionManager transactionManager,
            ObjectProvider<SchedulerClient> scheduler) {
        return new ReceiptReminders(
                store,
                directory,
                notifications,
                events,
                messages,
                new TransactionTemplate(transactionManager),
                scheduler);
    }

    @Bean
    OneTimeTask<Void> meetingsReceiptReminderTask(ReceiptReminders reminders) {
        OneTimeTask<Void> task = Tasks.oneTime(ReceiptReminders.TASK_NAME)
                .execute((instance, context) -> reminders.fire(instance.getId()));
        reminders.define(task);
        return task;
    }
}
