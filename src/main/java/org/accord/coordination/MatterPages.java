package org.accord.coordination;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitKind;
import org.accord.directory.UnitSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The pages of matters: the list, a new matter, a matter's page with the owner's forms, the liaison's answers, the leader's page. */
@Controller
class MatterPages {

    private static final String VIEWERS = "hasAnyRole('LEADER', 'STAFF', 'LIAISON')";

    private final Matters matters;
    private final Directory directory;
    private final MessageSource messages;

    private final ObjectProvider<LeaderPageSection.Source> sections;

    MatterPages(
            Matters matters,
            Directory directory,
            MessageSource messages,
            ObjectProvider<LeaderPageSection.Source> sections) {
        this.matters = matters;
        this.directory = directory;
        this.messages = messages;
        this.sections = sections;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "matters";
    }

    @GetMapping("/matters")
    @PreAuthorize(VIEWERS)
    String list(
            @RequestParam(required = false) @Nullable MatterStatus status,
            @RequestParam(required = false) @Nullable MatterKind kind,
            @RequestParam(defaultValue = "false") boolean mine,
            Model model) {
        Viewer viewer = matters.viewer();
        Long owner = mine && viewer.office() ? viewer.personId() : null;
        List<MatterSummary> list = matters.list(new MatterStore.Filter(status, kind, owner));
        model.addAttribute("matters", list);
        model.addAttribute(
                "owners", names(list.stream().map(MatterSummary::ownerId).toList()));
        model.addAttribute("statuses", MatterStatus.values());
        model.addAttribute("kinds", MatterKind.values());
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("mine", mine);
        model.addAttribute("canCreate", viewer.office());
        model.addAttribute("canAnswer", viewer.liaison());
        return "coordination/list";
    }

    @GetMapping("/matters/new")
    @PreAuthorize("hasRole('STAFF')")
    String form(Model model) {
        model.addAttribute("kinds", MatterKind.values());
        model.addAttribute("basisKinds", BasisKind.values());
        return "coordination/new";
    }

    @PostMapping("/matters")
    @PreAuthorize("hasRole('STAFF')")
    String create(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "GENERAL") MatterKind kind,
            @RequestParam(defaultValue = "") String background,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(name = "basisKind", required = false) @Nullable List<BasisKind> basisKinds,
            @RequestParam(name = "basisText", required = false) @Nullable List<String> basisTexts) {
        long id = matters.create(
                title,
                kind,
                background,
                purpose,
                basisKinds == null ? List.of() : basisKinds,
                basisTexts == null ? List.of() : basisTexts);
        return "redirect:/matters/" + id;
    }

    @GetMapping("/matters/{id}")
    @PreAuthorize(VIEWERS)
    String matter(@PathVariable long id, Model model) {
        Matter matter = matters.get(id);
        Viewer viewer = matters.viewer();
        model.addAttribute("matter", matter);
        model.addAttribute(
                "owner",
                directory.person(matter.ownerId()).map(PersonSummary::name).orElse("—"));
        model.addAttribute(
                "isOwner", viewer.office() && viewer.personId() != null && viewer.personId() == matter.ownerId());
        model.addAttribute(
                "isDecidingLeader",
                viewer.leader()
                        && viewer.personId() != null
                        && viewer.personId().equals(matter.decidingLeaderId()));
        model.addAttribute("myUnitId", viewer.unitId());
        model.addAttribute("matrix", matter.matrix());
        model.addAttribute("unitNames", unitNames(matter));
        model.addAttribute("pointTexts", matter.points().stream().collect(Collectors.toMap(Point::id, Point::text)));
        model.addAttribute(
                "entries",
                matter.timeline().stream().collect(Collectors.toMap(TimelineEntry::id, Function.identity())));
        model.addAttribute("roles", PartyRole.values());
        model.addAttribute("visibilities", RoundVisibility.values());
        model.addAttribute("leaders", directory.leaders());
        model.addAttribute("unitGroups", unitGroups(matter));
        model.addAttribute("today", LocalDate.now());
        return "coordination/matter";
    }

    @PostMapping("/matters/{id}/parties")
    @PreAuthorize("hasRole('STAFF')")
    String addParty(
            @PathVariable long id,
            @RequestParam(defaultValue = "CONSULTED") PartyRole role,
            @RequestParam(required = false) @Nullable String unitCode,
            @RequestParam(required = false) @Nullable Long personId) {
        if (role == PartyRole.DECIDING_LEADER) {
            matters.addParty(id, null, personId, role);
        } else {
            Long unitId = unitCode == null
                    ? null
                    : directory
                            .unitByCode(unitCode.strip().toUpperCase(Locale.ROOT))
                            .map(UnitSummary::id)
                            .orElseThrow(() -> new MatterRefused.InputMissing("coordination.field.unitCode"));
            matters.addParty(id, unitId, null, role);
        }
        return back(id);
    }

    @PostMapping("/matters/{id}/points")
    @PreAuthorize("hasRole('STAFF')")
    String addPoint(@PathVariable long id, @RequestParam(defaultValue = "") String text) {
        matters.addPoint(id, text);
        return back(id);
    }

    @PostMapping("/matters/{id}/rounds")
    @PreAuthorize("hasRole('STAFF')")
    String openRound(
            @PathVariable long id,
            @RequestParam(name = "pointId", required = false) @Nullable List<Long> pointIds,
            @RequestParam(name = "unitId", required = false) @Nullable List<Long> unitIds,
            @RequestParam(defaultValue = "3") int workingDays,
            @RequestParam(defaultValue = "OPEN") RoundVisibility visibility) {
        matters.openRound(
                id,
                pointIds == null ? List.of() : pointIds,
                unitIds == null ? List.of() : unitIds,
                workingDays,
                visibility);
        return back(id);
    }

    @PostMapping("/matters/{id}/rounds/close")
    @PreAuthorize("hasRole('STAFF')")
    String closeRound(@PathVariable long id) {
        matters.closeRound(id);
        return back(id);
    }

    @PostMapping("/matters/{id}/points/{pointId}/escalate")
    @PreAuthorize("hasRole('STAFF')")
    String escalate(
            @PathVariable long id,
            @PathVariable long pointId,
            @RequestParam(required = false) @Nullable String recommendation) {
        matters.escalate(id, pointId, recommendation);
        return back(id);
    }

    @PostMapping("/matters/{id}/points/{pointId}/rule")
    @PreAuthorize("hasRole('LEADER')")
    String rule(
            @PathVariable long id,
            @PathVariable long pointId,
            @RequestParam(defaultValue = "") String ruling,
            @RequestParam(required = false) @Nullable String instruction,
            @RequestParam(defaultValue = "false") boolean fromLeaderPage) {
        matters.rule(id, pointId, ruling, instruction);
        return fromLeaderPage ? "redirect:/leader" : back(id);
    }

    @PostMapping("/matters/{id}/measures")
    @PreAuthorize("hasRole('STAFF')")
    String addMeasure(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String what,
            @RequestParam(required = false) @Nullable Long leadUnitId,
            @RequestParam(name = "cooperatingUnitId", required = false) @Nullable List<Long> cooperating,
            @RequestParam(required = false) @Nullable String deadline) {
        matters.get(id);
        if (leadUnitId == null) {
            throw new MatterRefused.InputMissing("coordination.field.lead");
        }
        matters.addMeasure(id, what, leadUnitId, cooperating == null ? List.of() : cooperating, date(deadline));
        return back(id);
    }

    @PostMapping("/matters/{id}/measures/adopt")
    @PreAuthorize("hasRole('STAFF')")
    String adopt(@PathVariable long id) {
        matters.adoptMeasures(id);
        return back(id);
    }

    @PostMapping("/matters/{id}/close")
    @PreAuthorize("hasRole('STAFF')")
    String close(@PathVariable long id) {
        matters.close(id);
        return back(id);
    }

    @GetMapping("/matters/answer")
    @PreAuthorize("hasRole('LIAISON')")
    String toAnswer(Model model) {
        model.addAttribute("items", matters.toAnswer());
        model.addAttribute("stances", Stance.values());
        return "coordination/answer";
    }

    @PostMapping("/matters/{id}/positions")
    @PreAuthorize("hasRole('LIAISON')")
    String answer(
            @PathVariable long id,
            @RequestParam long roundId,
            @RequestParam long pointId,
            @RequestParam Stance stance,
            @RequestParam(required = false) @Nullable String condition,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String counterProposal) {
        matters.answer(id, roundId, pointId, stance, condition, reason, counterProposal);
        return "redirect:/matters/answer";
    }

    @GetMapping("/leader")
    @PreAuthorize("hasRole('LEADER')")
    String leader(Model model) {
        model.addAttribute("awaiting", matters.awaitingRuling());
        model.addAttribute(
                "reading",
                matters.list(new MatterStore.Filter(null, null, null)).stream()
                        .filter(matter -> matter.status() != MatterStatus.CLOSED)
                        .toList());
        model.addAttribute(
                "sections",
                sections.orderedStream()
                        .map(LeaderPageSection.Source::forCurrentLeader)
                        .toList());
        model.addAttribute("activeNav", "leader");
        return "coordination/leader";
    }

    @ExceptionHandler(MatterRefused.class)
    ModelAndView refused(MatterRefused refused) {
        HttpStatus status =
                refused instanceof MatterRefused.NotTheOwner || refused instanceof MatterRefused.NotTheDecidingLeader
                        ? HttpStatus.FORBIDDEN
                        : HttpStatus.CONFLICT;
        ModelAndView page = new ModelAndView("coordination/refused", status);
        page.addObject("message", refused.describe(messages));
        page.addObject("activeNav", "matters");
        return page;
    }

    /**
     * The active units that are not parties yet, for the add-party list: grouped by kind (工作部门, 国有企业, …)
     * in the directory's order, each group by sort order and name.
     */
    private Map<String, List<UnitSummary>> unitGroups(Matter matter) {
        Map<UnitKind, List<UnitSummary>> byKind = new EnumMap<>(UnitKind.class);
        directory.activeUnits().stream()
                .filter(unit -> !matter.hasUnit(unit.id()))
                .forEach(unit -> byKind.computeIfAbsent(unit.kind(), kind -> new ArrayList<>())
                        .add(unit));
        Map<String, List<UnitSummary>> groups = new LinkedHashMap<>();
        byKind.forEach((kind, units) -> groups.put(kind.label(), units));
        return groups;
    }

    private Map<Long, String> unitNames(Matter matter) {
        Map<Long, String> names = new HashMap<>(matter.partyNames());
        matter.measures().forEach(measure -> {
            names.computeIfAbsent(measure.leadUnitId(), this::unitName);
            measure.cooperatingUnitIds().forEach(unit -> names.computeIfAbsent(unit, this::unitName));
        });
        return names;
    }

    private String unitName(long unitId) {
        return directory.unit(unitId).map(UnitSummary::displayName).orElse("?");
    }

    private Map<Long, String> names(List<Long> personIds) {
        Map<Long, String> names = new HashMap<>();
        personIds.forEach(id -> names.computeIfAbsent(
                id, person -> directory.person(person).map(PersonSummary::name).orElse("—")));
        return names;
    }

    private LocalDate date(@Nullable String value) {
        try {
            if (value == null || value.isBlank()) {
                throw new MatterRefused.InputMissing("coordination.field.deadline");
            }
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new MatterRefused.InputMissing("coordination.field.deadline");
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }

    private static String back(long id) {
        return "redirect:/matters/" + id;
    }
}
