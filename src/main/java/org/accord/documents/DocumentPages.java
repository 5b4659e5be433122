package org.accord.documents;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accord.basis.Bases;
import org.accord.basis.BasisTarget;
import org.accord.coordination.Matter;
import org.accord.coordination.MatterRefused;
import org.accord.coordination.Point;
import org.accord.coordination.PointStatus;
import org.accord.coordination.Position;
import org.accord.coordination.Stance;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.documents.Comment.Adoption;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The documents' pages: the register, drafting with live checks, versions, rounds, sign-off, issuance. */
@Controller
@RequestMapping("/documents")
class DocumentPages {

    private static final String VIEWERS = "hasAnyRole('LEADER', 'STAFF', 'LIAISON')";
    private static final String STAFF = "hasRole('STAFF')";
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Documents documents;
    private final Directory directory;
    private final MessageSource messages;
    private final DocumentLayouts layouts;

    private final Bases bases;

    DocumentPages(
            Documents documents, Directory directory, MessageSource messages, DocumentLayouts layouts, Bases bases) {
        this.bases = bases;
        this.documents = documents;
        this.directory = directory;
        this.messages = messages;
        this.layouts = layouts;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "documents";
    }

    @GetMapping
    @PreAuthorize(VIEWERS)
    String list(Model model) {
        List<Document> list = documents.list();
        model.addAttribute("documents", list);
        model.addAttribute("titles", documents.titles(list));
        model.addAttribute(
                "seeds",
                documents.seeds().stream().filter(s -> s.documentId() == null).count());
        return "documents/list";
    }

    @GetMapping("/new")
    @PreAuthorize(STAFF)
    String newDocument(Model model) {
        DraftForm form = new DraftForm();
        form.setGenre(Genre.NOTICE);
        directory.unitByCode("SZFB").ifPresent(unit -> form.setIssuer(unit.id()));
        form.setIssuerCode("示例府办发");
        form.withEmptyRows(3);
        model.addAttribute("form", form);
        model.addAttribute("findings", List.of());
        choices(model);
        return "documents/new";
    }

    @PostMapping
    @PreAuthorize(STAFF)
    String create(@ModelAttribute("form") DraftForm form) {
        if (form.getGenre() == null || form.getIssuer() == null || form.getSigner() == null) {
            throw DocumentRefused.input(
                    form.getGenre() == null ? "genre" : form.getIssuer() == null ? "issuer" : "signer");
        }
        long id = documents.create(
                form.getGenre(),
                form.getIssuer(),
                form.getIssuerCode() == null ? "" : form.getIssuerCode(),
                form.getSigner(),
                form.draft(),
                null,
                null);
        return "redirect:/documents/" + id;
    }

    /** The findings for the form as typed: the drafting page's live part. */
    @PostMapping("/findings")
    @PreAuthorize(STAFF)
    String findings(@ModelAttribute("form") DraftForm form, Model model) {
        Genre genre = form.getGenre() == null ? Genre.NOTICE : form.getGenre();
        long issuer = form.getIssuer() == null ? 0 : form.getIssuer();
        Documents.Draft draft = form.draft();
        model.addAttribute("findings", documents.findings(documents.text(genre, issuer, draft, null, null)));
        return "documents/fragments :: findings";
    }

    @GetMapping("/{id}")
    @PreAuthorize(VIEWERS)
    String show(@PathVariable long id, Model model) {
        Documents.View view = documents.view(id);
        model.addAttribute("view", view);
        model.addAttribute("doc", view.document());
        model.addAttribute("current", view.current());
        model.addAttribute("citations", bases.cited(BasisTarget.ofDocument(id)));
        model.addAttribute("units", unitNames());
        model.addAttribute("people", peopleNames());
        model.addAttribute("at", AT.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        model.addAttribute("upward", documents.upward(view.document(), view.current()));
        model.addAttribute("rounds", roundRows(view));
        model.addAttribute("anchors", anchors(view));
        model.addAttribute(
                "points", view.matter() == null ? List.of() : view.matter().points());
        model.addAttribute("allUnits", directory.activeUnits());
        model.addAttribute("reviewers", reviewers(view.document()));
        model.addAttribute("submitHold", documents.submitHold(view).orElse(null));
        model.addAttribute("defaultDays", documents.defaultWorkingDays());
        model.addAttribute("silenceDefault", documents.silenceAgreesByDefault());
        model.addAttribute(
                "written",
                view.document().date() == null
                        ? null
                        : Documents.written(view.document().date()));
        return "documents/document";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(STAFF)
    String edit(@PathVariable long id, Model model) {
        Documents.View view = documents.view(id);
        if (!view.drafter()) {
            throw DocumentRefused.notYours("notDrafter");
        }
        DraftForm form = DraftForm.of(view.current(), view.document()).withEmptyRows(3);
        model.addAttribute("form", form);
        model.addAttribute("doc", view.document());
        model.addAttribute(
                "findings",
                documents.findings(documents.text(
                        view.document().genre(), view.document().issuerUnitId(), form.draft(), null, null)));
        model.addAttribute(
                "ruled",
                view.matter() == null
                        ? List.of()
                        : view.matter().points().stream()
                                .filter(p -> p.status() == PointStatus.RULED)
                                .toList());
        choices(model);
        return "documents/edit";
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize(STAFF)
    String save(@PathVariable long id, @ModelAttribute("form") DraftForm form) {
        documents.save(id, form.draft(), form.getRulingPoint());
        return "redirect:/documents/" + id;
    }

    @GetMapping("/{id}/compare")
    @PreAuthorize(VIEWERS)
    String compare(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Integer from,
            @RequestParam(required = false) @Nullable Integer to,
            Model model) {
        Documents.View view = documents.view(id);
        List<Revision> revisions = view.revisions();
        Revision newer = to == null ? view.current() : view.revision(to).orElseThrow(DocumentPages::notFound);
        Revision older = from == null
                ? revisions.stream()
                        .filter(r -> r.number() < newer.number())
                        .reduce((a, b) -> b)
                        .orElse(newer)
                : view.revision(from).orElseThrow(DocumentPages::notFound);
        model.addAttribute("view", view);
        model.addAttribute("doc", view.document());
        model.addAttribute("older", older);
        model.addAttribute("newer", newer);
        model.addAttribute("segments", TextDifference.between(older.fullText(), newer.fullText()));
        model.addAttribute("at", AT.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        return "documents/compare";
    }

    @PostMapping("/{id}/rounds")
    @PreAuthorize(STAFF)
    String openRound(
            @PathVariable long id,
            @RequestParam(name = "units", required = false) @Nullable List<Long> units,
            @RequestParam(required = false) @Nullable Integer workingDays,
            @RequestParam(required = false, defaultValue = "false") boolean silenceAgrees) {
        documents.openRound(id, units == null ? List.of() : units, workingDays, silenceAgrees);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/rounds/close")
    @PreAuthorize(STAFF)
    String closeRound(@PathVariable long id) {
        documents.closeRound(id);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/points/{pointId}/escalate")
    @PreAuthorize(STAFF)
    String escalate(
            @PathVariable long id,
            @PathVariable long pointId,
            @RequestParam(required = false) @Nullable String recommendation) {
        documents.escalate(id, pointId, recommendation);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/points/{pointId}/rule")
    @PreAuthorize("hasRole('LEADER')")
    String rule(
            @PathVariable long id,
            @PathVariable long pointId,
            @RequestParam(required = false) @Nullable String ruling) {
        documents.rule(id, pointId, ruling);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/rounds/{roundId}/comments")
    @PreAuthorize("hasRole('LIAISON')")
    String comment(
            @PathVariable long id,
            @PathVariable long roundId,
            @RequestParam(required = false) @Nullable String quote,
            @RequestParam(required = false) @Nullable String proposed,
            @RequestParam(required = false) @Nullable String text) {
        documents.comment(id, roundId, quote, proposed, text);
        return "redirect:/documents/" + id + "#round-" + roundId;
    }

    @PostMapping("/{id}/rounds/{roundId}/answer")
    @PreAuthorize("hasRole('LIAISON')")
    String answer(
            @PathVariable long id,
            @PathVariable long roundId,
            @RequestParam(required = false) @Nullable Stance stance,
            @RequestParam(required = false) @Nullable String summary) {
        documents.answer(id, roundId, stance, summary);
        return "redirect:/documents/" + id + "#round-" + roundId;
    }

    @PostMapping("/{id}/comments/{commentId}/adoption")
    @PreAuthorize(STAFF)
    String adopt(
            @PathVariable long id,
            @PathVariable long commentId,
            @RequestParam(required = false) @Nullable Adoption adoption,
            @RequestParam(required = false) @Nullable String reason) {
        documents.adopt(id, commentId, adoption, reason);
        return "redirect:/documents/" + id + "#comment-" + commentId;
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(STAFF)
    String submit(@PathVariable long id, @RequestParam(required = false) @Nullable Long reviewer) {
        documents.submit(id, reviewer);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(STAFF)
    String review(
            @PathVariable long id,
            @RequestParam(required = false, defaultValue = "false") boolean approve,
            @RequestParam(required = false) @Nullable String opinion) {
        documents.review(id, approve, opinion);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/sign")
    @PreAuthorize("hasRole('LEADER')")
    String sign(
            @PathVariable long id,
            @RequestParam(required = false, defaultValue = "false") boolean approve,
            @RequestParam(required = false) @Nullable String opinion) {
        documents.sign(id, approve, opinion);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/countersign")
    @PreAuthorize("hasRole('LIAISON')")
    String countersign(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String leaderName,
            @RequestParam(required = false) @Nullable String opinion) {
        documents.countersign(id, leaderName, opinion);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/register")
    @PreAuthorize(STAFF)
    String register(@PathVariable long id) {
        documents.register(id);
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/issue")
    @PreAuthorize(STAFF)
    String issue(@PathVariable long id) {
        documents.issue(id);
        return "redirect:/documents/" + id;
    }

    @GetMapping("/{id}/document.docx")
    @PreAuthorize(VIEWERS)
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        DocumentLayout layout = documents.layout(id);
        return download(
                layouts.docx(layout),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                fileName(layout) + ".docx");
    }

    @GetMapping("/{id}/document.pdf")
    @PreAuthorize(VIEWERS)
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        DocumentLayout layout = documents.layout(id);
        return download(layouts.pdf(layout), MediaType.APPLICATION_PDF, fileName(layout) + ".pdf");
    }

    @GetMapping("/{id}/document.ofd")
    @PreAuthorize(VIEWERS)
    ResponseEntity<byte[]> ofd(@PathVariable long id) {
        DocumentLayout layout = documents.layout(id);
        return download(layouts.ofd(layout), MediaType.parseMediaType("application/ofd"), fileName(layout) + ".ofd");
    }

    @GetMapping("/minutes-seeds")
    @PreAuthorize(STAFF)
    String seeds(Model model) {
        model.addAttribute("seeds", documents.seeds());
        model.addAttribute(
                "issuer", directory.unitByCode("SZFB").map(UnitSummary::id).orElse(null));
        return "documents/seeds";
    }

    @PostMapping("/minutes-seeds/{seedId}/draft")
    @PreAuthorize(STAFF)
    String draftFromSeed(@PathVariable long seedId, @RequestParam(required = false) @Nullable String issuerCode) {
        long issuer = directory.unitByCode("SZFB").map(UnitSummary::id).orElseThrow();
        long id = documents.draftFromSeed(
                seedId, issuer, issuerCode == null || issuerCode.isBlank() ? "示例府办纪" : issuerCode);
        return "redirect:/documents/" + id + "/edit";
    }

    @ExceptionHandler(DocumentRefused.class)
    ModelAndView refused(DocumentRefused refused) {
        HttpStatus status = refused.forbidden()
                ? HttpStatus.FORBIDDEN
                : refused.badInput() ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        ModelAndView page = new ModelAndView("documents/refused", status);
        page.addObject("message", refused.describe(messages));
        page.addObject("activeNav", "documents");
        return page;
    }

    @ExceptionHandler(MatterRefused.class)
    ModelAndView kernelRefused(MatterRefused refused) {
        HttpStatus status =
                refused instanceof MatterRefused.NotTheOwner || refused instanceof MatterRefused.NotTheDecidingLeader
                        ? HttpStatus.FORBIDDEN
                        : refused instanceof MatterRefused.InputMissing ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        ModelAndView page = new ModelAndView("documents/refused", status);
        page.addObject("message", refused.describe(messages));
        page.addObject("activeNav", "documents");
        return page;
    }

    /** One round as the page shows it: the version sent, each unit's stance, the change since the last round. */
    record RoundRow(
            ConsultationRound round,
            boolean open,
            @Nullable Integer previousRevision,
            Map<Long, @Nullable Position> positions,
            @Nullable PointStatus pointStatus,
            @Nullable Point point) {}

    private List<RoundRow> roundRows(Documents.View view) {
        List<RoundRow> rows = new ArrayList<>();
        Matter matter = view.matter();
        Integer previous = null;
        for (ConsultationRound round : view.rounds()) {
            Map<Long, @Nullable Position> positions = new java.util.LinkedHashMap<>();
            boolean open = false;
            Point point = null;
            if (matter != null) {
                open = matter.round(round.roundId()).map(r -> r.open()).orElse(false);
                for (Long unit : round.unitIds()) {
                    positions.put(
                            unit,
                            matter.positions().stream()
                                    .filter(p -> p.roundId() == round.roundId() && p.unitId() == unit)
                                    .findFirst()
                                    .orElse(null));
                }
                point = matter.point(round.pointId()).orElse(null);
            }
            rows.add(new RoundRow(
                    round,
                    open,
                    previous == null || previous == round.revision() ? null : previous,
                    positions,
                    point == null ? null : point.status(),
                    point));
            previous = round.revision();
        }
        return rows;
    }

    /** Where each passage comment stands in the current version. */
    private Map<Long, Anchor> anchors(Documents.View view) {
        Map<Long, Anchor> anchors = new HashMap<>();
        for (Comment comment : view.comments()) {
            if (comment.quote() != null) {
                anchors.put(
                        comment.id(), Anchor.find(view.current().fullText(), comment.quote(), comment.anchorStart()));
            }
        }
        return anchors;
    }

    private List<PersonSummary> reviewers(Document document) {
        return officeUnitIds().stream()
                .flatMap(unit -> peopleOf(unit).stream())
                .filter(person -> !person.isLeader() && person.id() != document.drafterId())
                .toList();
    }

    private List<Long> officeUnitIds() {
        return directory.activeUnits().stream()
                .filter(unit -> unit.code().startsWith("SZFB"))
                .map(UnitSummary::id)
                .toList();
    }

    private List<PersonSummary> peopleOf(long unitId) {
        return directory.people(unitId);
    }

    private void choices(Model model) {
        model.addAttribute("genres", Genre.values());
        model.addAttribute("allUnits", directory.activeUnits());
        model.addAttribute("leaders", directory.leaders());
    }

    private UnitNames unitNames() {
        UnitNames names = new UnitNames();
        directory.activeUnits().forEach(unit -> names.put(unit.id(), unit.name()));
        return names;
    }

    /** Unit names by id, and lists of them joined as a document writes them. */
    static final class UnitNames extends HashMap<Long, String> {
        private static final long serialVersionUID = 1L;

        public String join(List<Long> ids, String separator) {
            return ids.stream()
                    .map(id -> getOrDefault(id, "?"))
                    .collect(java.util.stream.Collectors.joining(separator));
        }
    }

    private Map<Long, String> peopleNames() {
        Map<Long, String> names = new HashMap<>();
        directory.leaders().forEach(person -> names.put(person.id(), person.name()));
        return new PeopleNames(directory, names);
    }

    /** Person names looked up on demand, for the few people a document page names. */
    static final class PeopleNames extends HashMap<Long, String> {
        private static final long serialVersionUID = 1L;
        private final transient Directory directory;

        PeopleNames(Directory directory, Map<Long, String> known) {
            super(known);
            this.directory = directory;
        }

        @Override
        public String get(Object key) {
            String known = super.get(key);
            if (known != null || !(key instanceof Long)) {
                return known == null ? "—" : known;
            }
            return directory.person((Long) key).map(PersonSummary::name).orElse("—");
        }
    }

    private static String fileName(DocumentLayout layout) {
        return Optional.ofNullable(layout.number()).orElse(layout.title());
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static Comparator<Revision> newestFirst() {
        return Comparator.comparingInt(Revision::number).reversed();
    }
}
