package org.accord.documents;

import java.util.List;
import java.util.Locale;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

/** 收文 as JSON: the list, a document with its timeline and circulation, and registration; errors as problem+json in Chinese. */
@RestController
@RequestMapping("/api/documents/incoming")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class IncomingApi {

    record Detail(
            IncomingView document,
            List<IncomingDocuments.Event> timeline,
            List<IncomingDocuments.Reader> circulation) {}

    /**
     * A document to sign for and register (or register again): the same fields as the register form,
     * dates as ISO text ({@code 2026-11-27}, {@code 2026-11-27T09:30:15}).
     */
    record Registration(
            @Nullable String channel,
            @Nullable String signedAt,
            @Nullable Long senderUnitId,
            @Nullable String senderName,
            @Nullable String senderNumber,
            @Nullable String title,
            @Nullable String genre,
            @Nullable String urgency,
            @Nullable String classification,
            @Nullable Integer copies,
            @Nullable Integer pages,
            @Nullable List<String> attachments,
            @Nullable String receivedOn,
            @Nullable String answerBy,
            @Nullable Boolean register) {

        IncomingForm form() {
            return new IncomingForm(
                    channel,
                    signedAt,
                    senderUnitId == null ? null : senderUnitId.toString(),
                    senderName,
                    senderNumber,
                    title,
                    genre,
                    urgency,
                    classification,
                    copies == null ? null : copies.toString(),
                    pages == null ? null : pages.toString(),
                    attachments == null ? null : String.join("\n", attachments),
                    receivedOn,
                    answerBy,
                    register == null ? null : register.toString());
        }
    }

    private final IncomingDesk desk;
    private final DataScopes scopes;
    private final MessageSource messages;

    IncomingApi(IncomingDesk desk, DataScopes scopes, MessageSource messages) {
        this.desk = desk;
        this.scopes = scopes;
        this.messages = messages;
    }

    /** Documents in the caller's data scope, newest first (at most 200). */
    @GetMapping
    List<IncomingView> list(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String sender,
            @RequestParam(required = false) @Nullable String overdue) {
        return desk.list(scopes.current(), IncomingController.filter(state, sender, overdue));
    }

    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        DataScope scope = scopes.current();
        return new Detail(desk.get(id, scope), desk.timeline(id, scope), desk.circulation(id, scope));
    }

    /** Signs for a document and registers it (unless {@code register} is false): 201 with the document. */
    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<IncomingView> signFor(
            @RequestBody(required = false) @Nullable Registration body, @AuthenticationPrincipal SignedInAccount me) {
        IncomingForm form = body == null ? empty() : body.form();
        long id = desk.signFor(
                me, form.channelValue(), form.signedAtValue(), form.registration(desk.today()), form.registerNow());
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/documents/incoming/" + id)
                .body(desk.get(id, scopes.current()));
    }

    /** Registers a signed document, or again a returned one that came back corrected. */
    @PostMapping("/{id}/register")
    @PreAuthorize("hasRole('STAFF')")
    IncomingView register(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Registration body,
            @AuthenticationPrincipal SignedInAccount me) {
        DataScope scope = scopes.current();
        desk.get(id, scope);
        IncomingForm form = body == null ? empty() : body.form();
        return desk.register(id, scope, me, form.registration(desk.today()));
    }

    private static IncomingForm empty() {
        return new IncomingForm(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @ExceptionHandler(IncomingNotFound.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "documents.incoming.error.notFound");
    }

    @ExceptionHandler(IncomingRefused.class)
    ProblemDetail conflict(IncomingRefused refused) {
        return problem(HttpStatus.CONFLICT, refused.messageKey());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail changedMeanwhile() {
        return problem(HttpStatus.CONFLICT, "documents.incoming.refused.changedMeanwhile");
    }

    @ExceptionHandler(IncomingInputRejected.class)
    ProblemDetail rejected(IncomingInputRejected rejected) {
        return problem(HttpStatus.BAD_REQUEST, rejected.messageKey());
    }

    private ProblemDetail problem(HttpStatus status, String messageKey) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE));
        problem.setTitle(
                messages.getMessage("documents.incoming.problem." + status.value(), null, Locale.SIMPLIFIED_CHINESE));
        return problem;
    }
}
