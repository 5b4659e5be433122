package org.accord.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
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
            @Nullable Stance stance,
            @Nullable String condition,
            @Nullable String reason,
            @Nullable String counterProposal) {}

    /**
     * A party: a unit by its directory code (or id), or, with role DECIDING_LEADER, a leader by person id.
     */
    record NewParty(
            @Nullable PartyRole role,
            @Nullable String unitCode,
            @Nullable Long unitId,
            @Nullable Long personId) {}

    record NewPoint(@Nullable String text) {}

    /**
     * A round: without points, every point still open or divided; without units, every lead, cooperating and
     * consulted unit. The deadline is that many working days from today (default 3), visibility OPEN or BLIND.
     */
    record NewRound(
            @Nullable List<Long> pointIds,
            @Nullable List<Long> unitIds,
            @Nullable Integer workingDays,
            @Nullable RoundVisibility visibility) {}

    record Escalation(@Nullable String recommendation) {}

    /** The deciding leader's ruling, with an optional written instruction relayed to the parties. */
    record Ruling(@Nullable String ruling, @Nullable String instruction) {}

    record NewMeasure(
            @Nullable String what,
            @Nullable Long leadUnitId,
            @Nullable List<Long> cooperatingUnitIds,
            @Nullable LocalDate deadline) {}

    record Adopted(List<Long> measureIds) {}

    record Created(long id) {}

    /** One unit's answer in a cell of the matrix; {@code stance} is null while it has not answered. */
    record Cell(
            long unitId,
            String unit,
            @Nullable Stance stance,
            @Nullable String condition,
            @Nullable String reason,
            @Nullable String counterProposal) {}

    record MatrixRow(
            long pointId,
            String point,
            ConsensusMatrix.Verdict verdict,
            int disagreements,
            ConsensusMatrix.Trend trend,
            List<Cell> cells) {}

    /** One round's points × units, as the matter's page shows it. */
    record RoundMatrix(
            long roundId,
            int number,
            RoundVisibility visibility,
            boolean open,
            LocalDate deadline,
            List<Long> commonGround,
            List<Long> divergences,
            List<Long> notAnswered,
            List<Long> narrowed,
            List<MatrixRow> rows) {}

    private static final int DEFAULT_WORKING_DAYS = 3;

    private final Matters matters;
    private final Directory directory;
    private final MessageSource messages;

    MattersApi(Matters matters, Directory directory, MessageSource messages) {
        this.matters = matters;
        this.directory = directory;
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

    @GetMapping("/{id}/timeline")
    @PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
    @Operation(summary = "事项的过程记录（转达的条目注明原文条目）")
    List<TimelineEntry> timeline(@PathVariable long id) {
        return matters.get(id).timeline();
    }

    @GetMapping("/{id}/matrix")
    @PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
    @Operation(summary = "各轮议题×单位的意见矩阵：共同点、分歧点、未答复、分歧缩小")
    List<RoundMatrix> matrix(@PathVariable long id) {
        Matter matter = matters.get(id);
        Map<Long, String> names = matter.partyNames();
        Map<Long, String> points = new HashMap<>();
        matter.points().forEach(point -> points.put(point.id(), point.text()));
        return matter.matrix().tables().stream()
                .map(table -> new RoundMatrix(
                        table.round().id(),
                        table.round().number(),
                        table.round().visibility(),
                        table.round().open(),
                        table.round().deadline(),
                        table.commonGround(),
                        table.divergences(),
                        table.notAnswered(),
                        table.narrowed(),
                        table.rows().stream()
                                .map(row -> new MatrixRow(
                                        row.pointId(),
                                        points.getOrDefault(row.pointId(), "?"),
                                        row.verdict(),
                                        row.disagreements(),
                                        row.trend(),
                                        cells(row, names)))
                                .toList()))
                .toList();
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

    @PostMapping("/{id}/parties")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "承办人添加参与方：单位（按通讯录编码 unitCode 或 unitId）或决策领导（role=DECIDING_LEADER，personId）")
    ResponseEntity<Void> addParty(@PathVariable long id, @RequestBody(required = false) @Nullable NewParty body) {
        matters.get(id);
        NewParty party = body == null ? new NewParty(null, null, null, null) : body;
        PartyRole role = party.role() == null ? PartyRole.CONSULTED : party.role();
        if (role == PartyRole.DECIDING_LEADER) {
            if (party.personId() == null) {
                throw new MatterRefused.InputMissing("coordination.field.leader");
            }
            matters.addParty(id, null, party.personId(), role);
        } else {
            matters.addParty(id, unitId(party), null, role);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/points")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "承办人列出一个议题")
    ResponseEntity<Created> addPoint(@PathVariable long id, @RequestBody(required = false) @Nullable NewPoint body) {
        long pointId = matters.addPoint(id, body == null || body.text() == null ? "" : body.text());
        return ResponseEntity.created(URI.create("/api/matters/" + id)).body(new Created(pointId));
    }

    @PostMapping("/{id}/rounds")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "承办人发起一轮征求意见（议题、单位、答复期限工作日数、公开或背对背）")
    ResponseEntity<Created> openRound(@PathVariable long id, @RequestBody(required = false) @Nullable NewRound body) {
        NewRound round = body == null ? new NewRound(null, null, null, null) : body;
        long roundId = matters.openRound(
                id,
                round.pointIds() == null ? List.of() : round.pointIds(),
                round.unitIds() == null ? List.of() : round.unitIds(),
                round.workingDays() == null ? DEFAULT_WORKING_DAYS : round.workingDays(),
                round.visibility() == null ? RoundVisibility.OPEN : round.visibility());
        return ResponseEntity.created(URI.create("/api/matters/" + id)).body(new Created(roundId));
    }

    @PostMapping("/{id}/rounds/close")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "承办人结束本轮：各议题归为已一致、有分歧或待议")
    ResponseEntity<Void> closeRound(@PathVariable long id) {
        matters.closeRound(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/points/{pointId}/escalate")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "承办人将分歧点连同各方意见和承办人建议提请决策领导裁定")
    ResponseEntity<Void> escalate(
            @PathVariable long id,
            @PathVariable long pointId,
            @RequestBody(required = false) @Nullable Escalation body) {
        matters.escalate(id, pointId, body == null ? null : body.recommendation());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/points/{pointId}/rule")
    @PreAuthorize("hasRole('LEADER')")
    @Operation(summary = "决策领导裁定提请的分歧点，可附批示（转达各方）")
    ResponseEntity<Void> rule(
            @PathVariable long id, @PathVariable long pointId, @RequestBody(required = false) @Nullable Ruling body) {
        matters.rule(
                id,
                pointId,
                body == null || body.ruling() == null ? "" : body.ruling(),
                body == null ? null : body.instruction());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/measures")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "承办人添加一项措施（牵头单位、配合单位须为参与方，完成时限 yyyy-MM-dd）")
    ResponseEntity<Created> addMeasure(
            @PathVariable long id, @RequestBody(required = false) @Nullable NewMeasure body) {
        matters.get(id);
        if (body == null || body.what() == null || body.what().isBlank()) {
            throw new MatterRefused.InputMissing("coordination.field.what");
        }
        if (body.leadUnitId() == null) {
            throw new MatterRefused.InputMissing("coordination.field.lead");
        }
        if (body.deadline() == null) {
            throw new MatterRefused.InputMissing("coordination.field.deadline");
        }
        long measureId = matters.addMeasure(
                id,
                body.what(),
                body.leadUnitId(),
                body.cooperatingUnitIds() == null ? List.of() : body.cooperatingUnitIds(),
                body.deadline());
        return ResponseEntity.created(URI.create("/api/matters/" + id)).body(new Created(measureId));
    }

    @PostMapping("/{id}/measures/adopt")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "承办人确定全部待确定的措施并交督查督办")
    Adopted adopt(@PathVariable long id) {
        return new Adopted(matters.adoptMeasures(id));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "承办人办结事项")
    ResponseEntity<Void> close(@PathVariable long id) {
        matters.close(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/positions")
    @PreAuthorize("hasRole('LIAISON')")
    @Operation(summary = "联络员代本单位答复一轮征求意见中的一个议题")
    ResponseEntity<Void> answer(@PathVariable long id, @RequestBody(required = false) @Nullable Answer body) {
        matters.get(id);
        if (body == null || body.stance() == null) {
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
        HttpStatus status;
        if (refused instanceof MatterRefused.NotTheOwner || refused instanceof MatterRefused.NotTheDecidingLeader) {
            status = HttpStatus.FORBIDDEN;
        } else if (refused instanceof MatterRefused.InputMissing) {
            status = HttpStatus.BAD_REQUEST;
        } else {
            status = HttpStatus.CONFLICT;
        }
        return ProblemDetail.forStatusAndDetail(status, refused.describe(messages));
    }

    /** A body that is not JSON, or a value of the wrong type (an unknown stance, a malformed date). */
    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable() {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("error.400.text", null, Locale.SIMPLIFIED_CHINESE));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail notFound(ResponseStatusException exception) {
        return ProblemDetail.forStatusAndDetail(
                exception.getStatusCode(),
                messages.getMessage("coordination.notFound", null, Locale.SIMPLIFIED_CHINESE));
    }

    /** The unit named by its directory code, or by its id; an unknown code is bad input. */
    private @Nullable Long unitId(NewParty party) {
        if (party.unitCode() != null && !party.unitCode().isBlank()) {
            return directory
                    .unitByCode(party.unitCode().strip().toUpperCase(Locale.ROOT))
                    .map(UnitSummary::id)
                    .orElseThrow(() -> new MatterRefused.InputMissing("coordination.field.unitCode"));
        }
        if (party.unitId() != null) {
            return directory
                    .unit(party.unitId())
                    .map(UnitSummary::id)
                    .orElseThrow(() -> new MatterRefused.InputMissing("coordination.field.unitCode"));
        }
        throw new MatterRefused.InputMissing("coordination.field.unitCode");
    }

    private static List<Cell> cells(ConsensusMatrix.Row row, Map<Long, String> names) {
        List<Cell> cells = new ArrayList<>();
        row.cells()
                .forEach((unitId, position) -> cells.add(
                        position == null
                                ? new Cell(unitId, names.getOrDefault(unitId, "?"), null, null, null, null)
                                : new Cell(
                                        unitId,
                                        names.getOrDefault(unitId, "?"),
                                        position.stance(),
                                        position.condition(),
                                        position.reason(),
                                        position.counterProposal())));
        return cells;
    }
}
