package org.accord.review;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.accord.audit.Audited;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.accord.directory.UnitSummary;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
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

/** The periodic reviews: the list with a form to generate one, a summary with its items, editing, exports. */
@Controller
@RequestMapping("/review/summaries")
class SummaryPages {

    static final int BODY_MAX = 20_000;
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A subject the viewer may ask a summary of, as the form offers it. */
    record Choice(String value, String label) {}

    private final SummaryStore store;
    private final SummaryGenerator generator;
    private final SummaryAccess access;
    private final DataScopes scopes;
    private final Directory directory;
    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final UserDetailsService accounts;

    SummaryPages(
            SummaryStore store,
            SummaryGenerator generator,
            SummaryAccess access,
            DataScopes scopes,
            Directory directory,
            WorkingCalendar calendar,
            MessageSource messages,
            ApplicationEventPublisher events,
            UserDetailsService accounts) {
        this.store = store;
        this.generator = generator;
        this.access = access;
        this.scopes = scopes;
        this.directory = directory;
        this.calendar = calendar;
        this.messages = messages;
        this.events = events;
        this.accounts = accounts;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "review";
    }

    @GetMapping
    String list(Model model) {
        DataScope scope = scope();
        LocalDate today = LocalDate.now(calendar.zone());
        model.addAttribute("summaries", store.visible(scope));
        model.addAttribute("choices", choices(scope));
        model.addAttribute(
                "lastWeek", SummaryPeriod.before(SummaryPeriod.Kind.WEEK, today).start());
        return "review/summaries";
    }

    // No transaction around it: the generator makes the summary in a transaction of its own, so that when another
    // person's same summary commits first it can still read that one.
    @PostMapping
    String generate(
            @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "WEEK") String period,
            @RequestParam(defaultValue = "") String day,
            @AuthenticationPrincipal SignedInAccount account) {
        DataScope scope = scope();
        String[] parts = subject.split(":", 2);
        Summary.Subject kind;
        long subjectId;
        SummaryPeriod.Kind periodKind;
        LocalDate date;
        try {
            kind = Summary.Subject.valueOf(parts[0]);
            subjectId = Long.parseLong(parts.length > 1 ? parts[1] : "");
            periodKind = SummaryPeriod.Kind.valueOf(period);
        } catch (IllegalArgumentException e) {
            throw new SummaryInputRejected("review.summaries.error.subject");
        }
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new SummaryInputRejected("review.summaries.error.day");
        }
        if (!access.sees(scope, kind, subjectId)
                || generator.coverage(kind, subjectId).isEmpty()) {
            throw new SummaryNotFound(subjectId);
        }
        SummaryPeriod chosen = SummaryPeriod.containing(periodKind, date);
        if (!chosen.end().isBefore(LocalDate.now(calendar.zone()))) {
            throw new SummaryInputRejected("review.summaries.error.notOver");
        }
        long id =
                generator.generate(kind, subjectId, chosen, account.username()).id();
        return "redirect:/review/summaries/" + id;
    }

    @GetMapping("/{id}")
    String summary(@PathVariable long id, Model model) {
        DataScope scope = scope();
        Summary summary = visible(id, scope);
        model.addAttribute("summary", summary);
        model.addAttribute("mayEdit", access.mayEdit(scope, summary));
        model.addAttribute("well", summary.items(Summary.Section.WELL));
        model.addAttribute("late", summary.items(Summary.Section.LATE));
        model.addAttribute("generatedBy", author(summary.generatedBy()));
        model.addAttribute("editedBy", summary.editedBy() == null ? "" : author(summary.editedBy()));
        model.addAttribute("generatedAt", time(summary.generatedAt()));
        model.addAttribute("editedAt", summary.editedAt() == null ? "" : time(summary.editedAt()));
        return "review/summary";
    }

    @PostMapping("/{id}/body")
    @Transactional
    String edit(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @AuthenticationPrincipal SignedInAccount account) {
        DataScope scope = scope();
        Summary summary = visible(id, scope);
        if (!access.mayEdit(scope, summary)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String text = body.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            throw new SummaryInputRejected("review.summaries.error.empty");
        }
        if (text.length() > BODY_MAX) {
            throw new SummaryInputRejected("review.summaries.error.long");
        }
        store.edit(id, text, account.username(), Instant.now());
        events.publishEvent(Audited.now(
                SummaryGenerator.MODULE,
                "summary",
                String.valueOf(id),
                "edit",
                summary.subject() == Summary.Subject.UNIT ? summary.subjectId() : null,
                summary.body(),
                text));
        return "redirect:/review/summaries/" + id;
    }

    @GetMapping("/{id}/export.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        Summary summary = visible(id, scope());
        return file(SummaryExports.docx(summary, this::author, this::text), summary.title() + ".docx", DOCX);
    }

    @GetMapping("/{id}/figures.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Summary summary = visible(id, scope());
        return file(SummaryExports.xlsx(summary, this::text), summary.title() + ".xlsx", XLSX);
    }

    @ExceptionHandler(SummaryInputRejected.class)
    ModelAndView rejected(SummaryInputRejected rejected) {
        ModelAndView page = new ModelAndView("review/summary-refused", HttpStatus.BAD_REQUEST);
        page.addObject("message", text(rejected.messageKey()));
        page.addObject("activeNav", "review");
        return page;
    }

    private Summary visible(long id, DataScope scope) {
        return store.get(id)
                .filter(found -> access.sees(scope, found.subject(), found.subjectId()))
                .orElseThrow(() -> new SummaryNotFound(id));
    }

    /** Administrators see no business data, so no review either. */
    private DataScope scope() {
        DataScope scope = scopes.current();
        if (scope.kind() == DataScope.Kind.NONE) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return scope;
    }

    private List<Choice> choices(DataScope scope) {
        List<Choice> choices = new ArrayList<>();
        @Nullable Long me = scope.personId();
        if (me != null) {
            directory.person(me).ifPresent(person -> choices.add(person(person, text("review.summaries.me"))));
        }
        List<UnitSummary> units = directory.activeUnits().stream()
                .filter(unit -> unit.overseeingLeaderId() != null || scope.kind() == DataScope.Kind.UNIT)
                .filter(unit -> scope.coversUnit(unit.id()))
                .toList();
        for (UnitSummary unit : units) {
            choices.add(new Choice(
                    "UNIT:" + unit.id(), text("review.summaries.subject.UNIT") + " · " + unit.displayName()));
        }
        if (scope.kind() == DataScope.Kind.OFFICE) {
            for (PersonSummary leader : directory.leaders()) {
                if (me == null || leader.id() != me) {
                    choices.add(person(leader, leader.position()));
                }
            }
            for (UnitSummary unit : units) {
                for (PersonSummary liaison : directory.liaisons(unit.id())) {
                    choices.add(person(liaison, unit.displayName()));
                }
            }
        }
        return choices;
    }

    private Choice person(PersonSummary person, @Nullable String note) {
        return new Choice(
                "PERSON:" + person.id(),
                text("review.summaries.subject.PERSON") + " · " + person.name()
                        + (note == null ? "" : "（" + note + "）"));
    }

    private ResponseEntity<byte[]> file(byte[] content, String name, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(content);
    }

    /**
     * The person's name for the account a summary keeps as its author (the username stays stored, as the audit
     * trail has it); the schedule is named as such.
     */
    private String author(String username) {
        if (SummarySchedule.ACTOR.equals(username)) {
            return text("review.summaries.bySchedule");
        }
        SignedInAccount account;
        try {
            account = (SignedInAccount) accounts.loadUserByUsername(username);
        } catch (UsernameNotFoundException gone) {
            // An account removed since still names what it wrote, by the only name left.
            return username;
        }
        @Nullable Long person = account.personId();
        return person == null
                ? account.displayName()
                : directory.person(person).map(PersonSummary::name).orElse(account.displayName());
    }

    private String time(Instant at) {
        return MINUTES.format(at.atZone(calendar.zone()));
    }

    private String text(String key) {
        return messages.getMessage(key, null, CHINESE);
    }
}
