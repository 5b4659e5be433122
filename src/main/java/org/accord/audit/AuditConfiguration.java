package org.accord.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Seals what the after-store trigger missed (a crash, another instance's records): every few seconds. */
    @Bean
    RecurringTask<Void> auditSealTask(AuditSealer sealer) {
        return Tasks.recurring("audit-seal", FixedDelay.ofSeconds(5))
                .execute((instance, context) -> sealer.sealFromSchedule());
    }
}
