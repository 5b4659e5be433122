package org.accord.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A supervised task (督办事项): a lead unit, cooperating units and a deadline. It guards its own
 * transitions: OPEN → IN_PROGRESS (first progress report) → COMPLETION_REPORTED (the lead unit
 * reports completion with evidence) → COMPLETED (the office accepts) or back to IN_PROGRESS (the
 * office rejects with a reason). A refused transition throws and leaves the task as it was.
 */
final class Task {

    static final int TEXT_MAX = 4000;
    static final int REASON_MAX = 1000;

    private final @Nullable Long id;
    private final SourceKind sourceKind;
    private final long sourceId;
    private final String title;
    private final long leadUnitId;
    private final Set<Long> cooperatingUnitIds;
    private final LocalDate deadline;
    private final Instant openedAt;
    private final long version;
    private TaskStatus status;
    private @Nullable String evidence;
    private @Nullable String reviewNote;
    private @Nullable Instant completedAt;

    Task(
            @Nullable Long id,
            SourceKind sourceKind,
            long sourceId,
            String title,
            long leadUnitId,
            Set<Long> cooperatingUnitIds,
            LocalDate deadline,
            TaskStatus status,
            @Nullable String evidence,
            @Nullable String reviewNote,
            Instant openedAt,
            @Nullable Instant completedAt,
            long version) {
        this.id = id;
        this.sourceKind = sourceKind;
        this.sourceId = sourceId;
        this.title = title;
        this.leadUnitId = leadUnitId;
        this.cooperatingUnitIds = Set.copyOf(cooperatingUnitIds);
        this.deadline = deadline;
        this.status = status;
        this.evidence = evidence;
        this.reviewNote = reviewNote;
        this.openedAt = openedAt;
        this.completedAt = completedAt;
        this.version = version;
    }

    /** A new task, not yet stored. The lead unit is never also a cooperating unit. */
    static Task open(TaskRequest request, Instant now) {
        Set<Long> cooperating = new java.util.TreeSet<>(request.cooperatingUnitIds());
        cooperating.remove(request.leadUnitId());
        return new Task(
                null,
                request.sourceKind(),
                request.sourceId(),
                request.title(),
                request.leadUnitId(),
                cooperating,
                request.deadline(),
                TaskStatus.OPEN,
                null,
                null,
                now,
                null,
                0);
    }

    /** The lead unit reports progress: the first report starts the work. */
    void reportProgress() {
        refuseIfCompleted();
        if (status == TaskStatus.COMPLETION_REPORTED) {
            throw new CompletionAwaitingReview(idOrZero(), status);
        }
        status = TaskStatus.IN_PROGRESS;
    }

    /** A cooperating unit adds a note: allowed until the task is completed; the status stays. */
    void checkNoteAllowed() {
        refuseIfCompleted();
    }

    /** The lead unit says the work is done and shows how. */
    void reportCompletion(String evidenceText) {
        refuseIfCompleted();
        if (status == TaskStatus.COMPLETION_REPORTED) {
            throw new CompletionAwaitingReview(idOrZero(), status);
        }
        if (status == TaskStatus.OPEN) {
            throw new NoProgressReported(idOrZero(), status);
        }
        status = TaskStatus.COMPLETION_REPORTED;
        evidence = evidenceText;
        reviewNote = null;
    }

    /** The office accepts the reported completion: 办结. */
    void acceptCompletion(Instant now) {
        refuseUnlessCompletionReported();
        status = TaskStatus.COMPLETED;
        completedAt = now;
    }

    /** The office sends the completion back with a reason; the lead unit goes on working. */
    void rejectCompletion(String reason) {
        refuseUnlessCompletionReported();
        status = TaskStatus.IN_PROGRESS;
        reviewNote = reason;
    }

    /** Past its deadline (from the day after it) and not completed. */
    boolean isOverdue(LocalDate today) {
        return status != TaskStatus.COMPLETED && today.isAfter(deadline);
    }

    /** Whether the unit leads or cooperates on this task. */
    boolean concerns(long unitId) {
        return leadUnitId == unitId || cooperatingUnitIds.contains(unitId);
    }

    boolean isCompleted() {
        return status == TaskStatus.COMPLETED;
    }

    private void refuseIfCompleted() {
        if (status == TaskStatus.COMPLETED) {
            throw new TaskAlreadyCompleted(idOrZero(), status);
        }
    }

    private void refuseUnlessCompletionReported() {
        refuseIfCompleted();
        if (status != TaskStatus.COMPLETION_REPORTED) {
            throw new CompletionNotReported(idOrZero(), status);
        }
    }

    private long idOrZero() {
        return id == null ? 0 : id;
    }

    @Nullable
    Long id() {
        return id;
    }

    SourceKind sourceKind() {
        return sourceKind;
    }

    long sourceId() {
        return sourceId;
    }

    String title() {
        return title;
    }

    long leadUnitId() {
        return leadUnitId;
    }

    Set<Long> cooperatingUnitIds() {
        return cooperatingUnitIds;
    }

    LocalDate deadline() {
        return deadline;
    }

    TaskStatus status() {
        return status;
    }

    @Nullable
    String evidence() {
        return evidence;
    }

    @Nullable
    String reviewNote() {
        return reviewNote;
    }

    Instant openedAt() {
        return openedAt;
    }

    @Nullable
    Instant completedAt() {
        return completedAt;
    }

    long version() {
        return version;
    }
}
