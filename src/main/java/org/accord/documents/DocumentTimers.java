package org.accord.documents;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A round's deadline as a persisted db-scheduler execution, so that it fires after a restart too: at the
 * end of office hours on the deadline, the units that gave no stance are recorded as 无不同意见 where the
 * round says so.
 */
@Component
class DocumentTimers {

    static final String ROUND_DEADLINE = "documents-round-deadline";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<Void> deadline;

    DocumentTimers(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<Documents> documents) {
        this.scheduler = scheduler;
        this.deadline = Tasks.oneTime(ROUND_DEADLINE)
                .execute((instance, context) ->
                        documents.getObject().silenceAtDeadline(Long.parseLong(instance.getId())));
    }

    OneTimeTask<Void> deadline() {
        return deadline;
    }

    /** Schedules the round's deadline once; a moment in the past fires on the scheduler's next poll. */
    void schedule(long roundId, Instant at) {
        scheduler.getObject().scheduleIfNotExists(deadline.instance(String.valueOf(roundId)), at);
    }
}
