package org.accord.supervision;

import java.time.Instant;
import org.accord.audit.Audited;
import org.accord.coordination.MeasureAdopted;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision as other modules use it: open a supervised task for a measure, a delegated task or a
 * case share. Adopted measures are picked up from {@link MeasureAdopted} on their own.
 */
@Service
public class Supervision {

    private final SupervisedTasks tasks;
    private final SupervisionTimers timers;
    private final ApplicationEventPublisher events;

    Supervision(SupervisedTasks tasks, SupervisionTimers timers, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.timers = timers;
        this.events = events;
    }

    /**
     * Opens a task and schedules its reminder, overdue notice and escalation, in the caller's transaction.
     * Idempotent per source: a second request for the same source kind and id returns the task opened
     * first and changes nothing.
     *
     * @return the task's id
     */
    @Transactional
    public long open(TaskRequest request) {
        return open(request, null);
    }

    private long open(TaskRequest request, @Nullable String actor) {
        var existing = tasks.findIdBySource(request.sourceKind(), request.sourceId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Task task = Task.open(request, Instant.now());
        long id = tasks.insert(task);
        timers.scheduleAll(id, task.deadline());
        Audited opened = Audited.now(
                "supervision",
                "task",
                String.valueOf(id),
                "open",
                task.leadUnitId(),
                null,
                request.sourceKind() + " " + request.sourceId() + ", deadline " + request.deadline());
        events.publishEvent(
                actor == null
                        ? opened
                        : new Audited(
                                opened.at(),
                                actor,
                                opened.address(),
                                opened.module(),
                                opened.objectType(),
                                opened.objectId(),
                                opened.action(),
                                opened.unitId(),
                                opened.before(),
                                opened.after()));
        return id;
    }

    /**
     * A measure was adopted: it becomes a task (once, however often the event is delivered), audited as
     * opened by whoever adopted it.
     */
    @ApplicationModuleListener
    void on(MeasureAdopted measure) {
        open(
                new TaskRequest(
                        SourceKind.MEASURE,
                        measure.measureId(),
                        measure.what(),
                        measure.leadUnitId(),
                        measure.cooperatingUnitIds(),
                        measure.deadline()),
                measure.adoptedBy());
    }
}
