package org.accord.information;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.accord.calendar.WorkingCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InformationConfiguration {

    @Bean
    InformationTimers informationTimers(
            WorkingCalendar calendar,
            ObjectProvider<SchedulerClient> scheduler,
            ObjectProvider<SituationRequests> requests,
            ObjectProvider<RecurringRequests> recurring) {
        InformationTimers timers = new InformationTimers(calendar, scheduler, requests, recurring);
        timers.define(
                Tasks.oneTime(InformationTimers.MISSING)
                        .execute((instance, context) -> timers.fireMissing(instance.getId())),
                Tasks.oneTime(InformationTimers.OCCURRENCE)
                        .execute((instance, context) -> timers.fireOccurrence(instance.getId())));
        return timers;
    }

    @Bean
    OneTimeTask<Void> informationMissingTask(InformationTimers timers) {
        return timers.missingTask();
    }

    @Bean
    OneTimeTask<Void> informationOccurrenceTask(InformationTimers timers) {
        return timers.occurrenceTask();
    }
}
