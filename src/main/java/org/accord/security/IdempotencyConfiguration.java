package org.accord.security;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Kept answers of {@link IdempotentRequests} serve retries for a day; then they go, once an hour. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    static final Duration KEPT_FOR = Duration.ofDays(1);

    @Bean
    Task<Void> idempotentRequestsPurgeTask(JdbcClient jdbc) {
        return Tasks.recurring("security-idempotency-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> jdbc.sql(
                                "DELETE FROM security_idempotent_request WHERE created_at < :before")
                        .param("before", Timestamp.from(Instant.now().minus(KEPT_FOR)))
                        .update());
    }
}
