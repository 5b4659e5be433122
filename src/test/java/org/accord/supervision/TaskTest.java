package org.accord.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The task's state machine: every allowed transition, and every refused one leaves the task as it was. */
class TaskTest {

    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 10);

    static Task open() {
        return Task.open(
                new TaskRequest(SourceKind.MEASURE, 7, "  整治老旧小区  ", 1, Set.of(1L, 2L, 3L), DEADLINE),
                Instant.parse("2026-11-27T01:00:00Z"));
    }

    static Task inProgress() {
        Task task = open();
        task.reportProgress();
        return task;
    }

    static Task completionReported() {
        Task task = inProgress();
        task.reportCompletion("已完成，附验收记录");
        return task;
    }

    static Task completed() {
        Task task = completionReported();
        task.acceptCompletion(Instant.parse("2026-12-01T01:00:00Z"));
        return task;
    }

    @Test
    void aNewTaskIsOpenAndTheLeadIsNotAlsoCooperating() {
        Task task = open();
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.title()).isEqualTo("整治老旧小区");
        assertThat(task.cooperatingUnitIds()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(task.concerns(1)).isTrue();
        assertThat(task.concerns(3)).isTrue();
        assertThat(task.concerns(4)).isFalse();
    }

    @Test
    void theWholeWayToCompletion() {
        Task task = open();
        task.reportProgress();
        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        task.reportProgress();
        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        task.reportCompletion("证据");
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETION_REPORTED);
        assertThat(task.evidence()).isEqualTo("证据");
        task.rejectCompletion("材料不全");
        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.reviewNote()).isEqualTo("材料不全");
        task.reportCompletion("补充材料");
        assertThat(task.reviewNote()).isNull();
        task.acceptCompletion(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(task.completedAt()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(task.isCompleted()).isTrue();
    }

    @Test
    void notesAreAllowedUntilCompletion() {
        open().checkNoteAllowed();
        inProgress().checkNoteAllowed();
        completionReported().checkNoteAllowed();
        refused(completed(), Task::checkNoteAllowed, TaskAlreadyCompleted.class);
    }

    @Test
    void progressIsRefusedWhileAwaitingReviewAndAfterCompletion() {
        refused(completionReported(), Task::reportProgress, CompletionAwaitingReview.class);
        refused(completed(), Task::reportProgress, TaskAlreadyCompleted.class);
    }

    @Test
    void completionNeedsProgressFirstAndCannotBeReportedTwice() {
        refused(open(), task -> task.reportCompletion("x"), NoProgressReported.class);
        refused(completionReported(), task -> task.reportCompletion("x"), CompletionAwaitingReview.class);
        refused(completed(), task -> task.reportCompletion("x"), TaskAlreadyCompleted.class);
    }

    @Test
    void reviewNeedsAReportedCompletion() {
        Instant now = Instant.now();
        refused(open(), task -> task.acceptCompletion(now), CompletionNotReported.class);
        refused(inProgress(), task -> task.acceptCompletion(now), CompletionNotReported.class);
        refused(completed(), task -> task.acceptCompletion(now), TaskAlreadyCompleted.class);
        refused(open(), task -> task.rejectCompletion("r"), CompletionNotReported.class);
        refused(inProgress(), task -> task.rejectCompletion("r"), CompletionNotReported.class);
        refused(completed(), task -> task.rejectCompletion("r"), TaskAlreadyCompleted.class);
    }

    @Test
    void overdueFromTheDayAfterTheDeadlineUntilCompleted() {
        assertThat(open().isOverdue(DEADLINE)).isFalse();
        assertThat(open().isOverdue(DEADLINE.plusDays(1))).isTrue();
        assertThat(completionReported().isOverdue(DEADLINE.plusDays(1))).isTrue();
        assertThat(completed().isOverdue(DEADLINE.plusDays(1))).isFalse();
    }

    @Test
    void refusalsCarryAChineseMessage() {
        assertThatThrownBy(() -> completed().reportProgress())
                .isInstanceOfSatisfying(
                        TaskTransitionRefused.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("supervision.refused.completed"));
    }

    private static void refused(Task task, Consumer<Task> action, Class<? extends TaskTransitionRefused> fact) {
        TaskStatus status = task.status();
        String evidence = task.evidence();
        String note = task.reviewNote();
        Instant completedAt = task.completedAt();
        assertThatThrownBy(() -> action.accept(task)).isInstanceOf(fact);
        assertThat(task.status()).isEqualTo(status);
        assertThat(task.evidence()).isEqualTo(evidence);
        assertThat(task.reviewNote()).isEqualTo(note);
        assertThat(task.completedAt()).isEqualTo(completedAt);
    }
}
