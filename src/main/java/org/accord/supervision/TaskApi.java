package org.accord.supervision;

import java.util.List;
import java.util.Locale;
import org.accord.security.DataScopes;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 督办 as JSON: the same data scope and rules as the pages; errors as ProblemDetail in Chinese. */
@RestController
@RequestMapping("/api/tasks")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class TaskApi {

    record Detail(TaskView task, List<SupervisedTasks.Entry> history) {}

    record Progress(@Nullable String text) {}

    record Completion(@Nullable String evidence) {}

    record Review(boolean accept, @Nullable String reason) {}

    private final TaskDesk desk;
    private final DataScopes scopes;
    private final MessageSource messages;

    TaskApi(TaskDesk desk, DataScopes scopes, MessageSource messages) {
        this.desk = desk;
        this.scopes = scopes;
        this.messages = messages;
    }

    /** Tasks in the caller's data scope, newest first (at most 200). */
    @GetMapping
    List<TaskView> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String overdue,
            @RequestParam(required = false) @Nullable String mine,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.list(scopes.current(), TaskController.filter(status, overdue, mine, me));
    }

    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return new Detail(desk.get(id, scopes.current()), desk.history(id, scopes.current()));
    }

    /** Progress by the lead unit's liaison, or a note by a cooperating unit's liaison. */
    @PostMapping("/{id}/progress")
    TaskView progress(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Progress progress,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.reportProgress(id, scopes.current(), me, progress == null ? null : progress.text());
    }

    /** Completion with evidence, by the lead unit's liaison. */
    @PostMapping("/{id}/completion")
    TaskView completion(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Completion completion,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.reportCompletion(id, scopes.current(), me, completion == null ? null : completion.evidence());
    }

    /** The office's review: accept (办结) or reject with a reason. */
    @PostMapping("/{id}/review")
    TaskView review(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Review review,
            @AuthenticationPrincipal SignedInAccount me) {
        return desk.review(
                id, scopes.current(), me, review != null && review.accept(), review == null ? null : review.reason());
    }

    @ExceptionHandler(TaskNotFound.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "supervision.error.notFound");
    }

    @ExceptionHandler(NotYourPart.class)
    ProblemDetail notYours(NotYourPart refused) {
        return problem(HttpStatus.FORBIDDEN, refused.messageKey());
    }

    @ExceptionHandler(TaskTransitionRefused.class)
    ProblemDetail conflict(TaskTransitionRefused refused) {
        return problem(HttpStatus.CONFLICT, refused.messageKey());
    }

    @ExceptionHandler(TaskInputRejected.class)
    ProblemDetail rejected(TaskInputRejected rejected) {
        return problem(HttpStatus.BAD_REQUEST, rejected.messageKey());
    }

    private ProblemDetail problem(HttpStatus status, String messageKey) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE));
        problem.setTitle(messages.getMessage("supervision.problem." + status.value(), null, Locale.SIMPLIFIED_CHINESE));
        return problem;
    }
}
