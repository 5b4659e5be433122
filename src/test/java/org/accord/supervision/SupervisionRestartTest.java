package org.accord.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.accord.AccordApplication;
import org.accord.directory.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A reminder that falls due while the application is down fires once after it starts again. */
class SupervisionRestartTest {

    @TempDir
    Path dataDirectory;

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AccordApplication.class)
                .profiles("demo")
                .run(
                        "--server.port=0",
                        "--db-scheduler.polling-interval=1s",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("accord")
                                + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void aReminderDueDuringTheDowntimeFiresExactlyOnceAfterTheRestart() throws Exception {
        long taskId;
        long liaisonId;
        Instant due;
        try (ConfigurableApplicationContext first = start()) {
            Directory directory = first.getBean(Directory.class);
            long zjj = directory.unitByCode("ZJJ").orElseThrow().id();
            liaisonId = directory.personByCode("P0076").orElseThrow().id();
            taskId = first.getBean(Supervision.class)
                    .open(new TaskRequest(
                            SourceKind.DELEGATION,
                            1,
                            "汛前排查",
                            zjj,
                            Set.of(),
                            LocalDate.now().plusDays(60)));
            // The reminder would be due weeks from now: bring it to a few seconds from now.
            due = Instant.now().plusSeconds(8);
            assertThat(first.getBean(SchedulerClient.class)
                            .reschedule(TaskInstanceId.of(TimerKind.REMIND.taskName(), String.valueOf(taskId)), due))
                    .isTrue();
        }
        assertThat(Instant.now()).as("stopped before the reminder was due").isBefore(due);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 1000);

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> reminders(jdbc, taskId) == 1);
            Thread.sleep(3000);
            assertThat(reminders(jdbc, taskId)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notify_inbox WHERE person_id = :p AND kind = 'supervision.remind'"
                                    + " AND link = :l")
                            .param("p", liaisonId)
                            .param("l", "/tasks/" + taskId)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    static int reminders(JdbcClient jdbc, long taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_reminder WHERE task_id = :id AND kind = 'REMIND'")
                .param("id", taskId)
                .query(Integer.class)
                .single();
    }
}
