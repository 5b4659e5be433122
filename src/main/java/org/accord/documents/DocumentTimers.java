package org.accord.documents;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * A round's deadline as a persisted db-scheduler execution, so that it fires after a restart too: at the
 * end of office hours on the deadline, the units that gave no stance are recorded as 无不同意见 where the
 * round says so.
 */
@Configuration(proxyBeanMethods = false)
class DocumentTimers {

    static final String ROUND_DEADLINE = "documents-round-deadline";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<OneTimeTask<Void>> deadlines;

    DocumentTimers(ObjectProvider<SchedulerClient> scheduler, @Lazy ObjectProvider<OneTimeTask<Void>> deadlines) {
        this.scheduler = scheduler;
        this.deadlines = deadlines;
    }

    @Bean
    OneTimeTask<Void> documentsRoundDeadline(@Lazy Documents documents) {
        return Tasks.oneTime(ROUND_DEADLINE)
                .execute((instance, context) -> documents.silenceAtDeadline(Long.parseLong(instance.getId())));
    }

    /** Schedules the round's deadline once; a moment in the past fires on the scheduler's next poll. */
    void schedule(long roundId, Instant at) {
        OneTimeTask<Void> task = deadlines.orderedStream()
                .filter(candidate -> candidate.getName().equals(ROUND_DEADLINE))
                .findFirst()
                .orElseThrow();
        scheduler.getObject().scheduleIfNotExists(task.instance(String.valueOf(roundId)), at);
    }
}
