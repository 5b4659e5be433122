package org.accord.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.accord.coordination.MatterRefused;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Documents as JSON, read through the same service and data scope as the pages. */
@RestController
@RequestMapping("/api/documents")
@Tag(name = "documents", description = "公文")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class DocumentsApi {

    record Summary(
            long id,
            Genre genre,
            DocumentStatus status,
            String title,
            @Nullable String number,
            int revision) {}

    record RevisionEntry(
            int number,
            String savedBy,
            Instant savedAt,
            @Nullable Long rulingPointId) {}

    record RoundEntry(int number, int revision, LocalDate deadline, boolean silenceAgrees, List<Long> unitIds) {}

    record CommentEntry(
            long id,
            long unitId,
            int revision,
            @Nullable String quote,
            boolean orphaned,
            @Nullable String proposed,
            String text,
            Comment.@Nullable Adoption adoption,
            @Nullable String adoptionReason) {}

    record SignatureEntry(Signature.Kind kind, String name, String opinion, LocalDate signedOn, boolean valid) {}

    record Detail(
            long id,
            Genre genre,
            DocumentStatus status,
            @Nullable String number,
            @Nullable LocalDate date,
            String title,
            int revision,
            List<String> mainAddressees,
            List<String> copyTo,
            String body,
            List<String> attachments,
            List<RevisionEntry> revisions,
            List<RoundEntry> rounds,
            List<CommentEntry> comments,
            List<SignatureEntry> signatures) {}

    record Difference(int from, int to, List<TextDifference.Segment> segments) {}

    private final Documents documents;
    private final MessageSource messages;

    DocumentsApi(Documents documents, MessageSource messages) {
        this.documents = documents;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "可见的公文")
    List<Summary> list() {
        List<Document> list = documents.list();
        var titles = documents.titles(list);
        return list.stream()
                .map(d -> new Summary(d.id(), d.genre(), d.status(), titles.get(d.id()), d.number(), d.revision()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "公文详情：当前稿、版本、征求意见、采纳情况、签发记录")
    Detail get(@PathVariable long id) {
        Documents.View view = documents.view(id);
        Revision current = view.current();
        return new Detail(
                id,
                view.document().genre(),
                view.document().status(),
                view.document().number(),
                view.document().date(),
                current.title(),
                current.number(),
                documents.names(current.mainAddressees()),
                documents.names(current.copyTo()),
                current.body(),
                current.attachments(),
                view.revisions().stream()
                        .map(r -> new RevisionEntry(r.number(), r.savedByName(), r.savedAt(), r.rulingPointId()))
                        .toList(),
                view.rounds().stream()
                        .map(r ->
                                new RoundEntry(r.number(), r.revision(), r.deadline(), r.silenceAgrees(), r.unitIds()))
                        .toList(),
                view.comments().stream()
                        .map(c -> new CommentEntry(
                                c.id(),
                                c.unitId(),
                                c.revision(),
                                c.quote(),
                                c.quote() != null
                                        && Anchor.find(current.fullText(), c.quote(), c.anchorStart())
                                                .orphaned(),
                                c.proposed(),
                                c.text(),
                                c.adoption(),
                                c.adoptionReason()))
                        .toList(),
                view.signatures().stream()
                        .map(s -> new SignatureEntry(s.kind(), s.name(), s.opinion(), s.signedOn(), s.valid()))
                        .toList());
    }

    @GetMapping("/{id}/compare")
    @Operation(summary = "两个版本的逐字比较")
    Difference compare(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        Documents.View view = documents.view(id);
        Revision older = view.revision(from).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Revision newer = view.revision(to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new Difference(from, to, TextDifference.between(older.fullText(), newer.fullText()));
    }

    // The class's @PreAuthorize would also guard these handlers: a caller it refuses (another system's key)
    // whose request fails before the method is reached then got an empty 400 instead of the problem.
    @ExceptionHandler(DocumentRefused.class)
    @PreAuthorize("permitAll()")
    ProblemDetail refused(DocumentRefused refused) {
        HttpStatus status = refused.forbidden()
                ? HttpStatus.FORBIDDEN
                : refused.badInput() ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        return ProblemDetail.forStatusAndDetail(status, refused.describe(messages));
    }

    @ExceptionHandler(MatterRefused.class)
    @PreAuthorize("permitAll()")
    ProblemDetail kernelRefused(MatterRefused refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.describe(messages));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @PreAuthorize("permitAll()")
    ProblemDetail unreadable() {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("error.400.text", null, Locale.SIMPLIFIED_CHINESE));
    }

    @ExceptionHandler(ResponseStatusException.class)
    @PreAuthorize("permitAll()")
    ProblemDetail notFound(ResponseStatusException exception) {
        return ProblemDetail.forStatusAndDetail(
                exception.getStatusCode(), messages.getMessage("documents.notFound", null, Locale.SIMPLIFIED_CHINESE));
    }
}
