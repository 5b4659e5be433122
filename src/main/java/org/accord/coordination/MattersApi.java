package org.accord.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Matters as JSON, through the same service and rules as the pages. */
@RestController
@RequestMapping("/api/matters")
@Tag(name = "matters", description = "协调事项")
class MattersApi {

    /** A new matter. */
    record NewMatter(
            String title,
            @Nullable MatterKind kind,
            @Nullable String background,
            @Nullable String purpose,
            @Nullable List<NewBasis> basis) {}

    record NewBasis(BasisKind kind, String text) {}

    /** A liaison's answer for their unit on one point of an open round. */
    record Answer(
            long roundId,
            long pointId,
            Stance stance,
            @Nullable String condition,
            @Nullable String reason,
            @Nullable String counterProposal) {}

    record Created(long id) {}

    private final Matters matters;
    private final MessageSource messages;

    MattersApi(Matters matters, MessageSource messages) {
        this.matters = matters;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
    @Operation(summary = "事项列表（按数据范围）")
    List<MatterSummary> list(
            @RequestParam(required = false) @Nullable MatterStatus status,
            @RequestParam(required = false) @Nullable MatterKind kind) {
        return matters.list(new MatterStore.Filter(status, kind, null));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
    @Operation(summary = "一个事项的全部内容")
    Matter get(@PathVariable long id) {
        return matters.get(id);
    }

    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "新建事项，承办人为当前工作人员")
    ResponseEntity<Created> create(@RequestBody(required = false) @Nullable NewMatter body) {
        if (body == null) {
            throw new MatterRefused.InputMissing("coordination.field.title");
        }
        List<NewBasis> basis = body.basis() == null ? List.of() : body.basis();
        long id = matters.create(
                body.title() == null ? "" : body.title(),
                body.kind() == null ? MatterKind.GENERAL : body.kind(),
                body.background() == null ? "" : body.background(),
                body.purpose() == null ? "" : body.purpose(),
                basis.stream().map(NewBasis::kind).toList(),
                basis.stream().map(NewBasis::text).toList());
        return ResponseEntity.created(URI.create("/api/matters/" + id)).body(new Created(id));
    }

    @PostMapping("/{id}/positions")
    @PreAuthorize("hasRole('LIAISON')")
    @Operation(summary = "联络员代本单位答复一轮征求意见中的一个议题")
    ResponseEntity<Void> answer(@PathVariable long id, @RequestBody(required = false) @Nullable Answer body) {
        matters.get(id);
        if (body == null) {
            throw new MatterRefused.InputMissing("coordination.field.stance");
        }
        matters.answer(
                id,
                body.roundId(),
                body.pointId(),
                body.stance(),
                body.condition(),
                body.reason(),
                body.counterProposal());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(MatterRefused.class)
    ProblemDetail refused(MatterRefused refused) {
        HttpStatus status =
                refused instanceof MatterRefused.NotTheOwner || refused instanceof MatterRefused.NotTheDecidingLeader
                        ? HttpStatus.FORBIDDEN
                        : HttpStatus.CONFLICT;
        return ProblemDetail.forStatusAndDetail(status, refused.describe(messages));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail notFound(ResponseStatusException exception) {
        return ProblemDetail.forStatusAndDetail(
                exception.getStatusCode(),
                messages.getMessage("coordination.notFound", null, Locale.SIMPLIFIED_CHINESE));
    }
}
