package org.accord.documents;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the round deadline with the scheduler, which picks up every task bean. */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    @Bean
    OneTimeTask<Void> documentsRoundDeadline(DocumentTimers timers) {
        return timers.deadline();
    }
}
