package org.accord.supervision;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.accord.security.Role;
import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of 督办: the list within the data scope, a task with its history and the actions on it. */
@Controller
@RequestMapping("/tasks")
@PreAuthorize("hasAnyRole('LEADER', 'STAFF', 'LIAISON')")
class TaskController {

    private final TaskDesk desk;
    private final DataScopes scopes;
    private final MessageSource messages;

    TaskController(TaskDesk desk, DataScopes scopes, MessageSource messages) {
        this.desk = desk;
        this.scopes = scopes;
        this.messages = messages;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "tasks";
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String overdue,
            @RequestParam(required = false) @Nullable String mine,
            @AuthenticationPrincipal SignedInAccount me,
            Model model) {
        SupervisedTasks.Filter filter = filter(status, overdue, mine, me);
        model.addAttribute("tasks", desk.list(scopes.current(), filter));
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute(
                "status", filter.status() == null ? "" : filter.status().name());
        model.addAttribute("overdue", filter.overdueOnly());
        model.addAttribute("mine", filter.unitId() != null);
        model.addAttribute("hasUnit", me.role() == Role.LIAISON && me.unitId() != null);
        model.addAttribute("limit", TaskDesk.LIST_LIMIT);
        return "supervision/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        DataScope scope = scopes.current();
        TaskView task = desk.get(id, scope);
        model.addAttribute("task", task);
        model.addAttribute("history", desk.history(id, scope));
        model.addAttribute("attachments", desk.attachments(id, scope));
        model.addAttribute("maxFiles", Attachments.MAX_FILES);
        model.addAttribute("zone", desk.zone());
        boolean liaison = me.role() == Role.LIAISON && me.unitId() != null;
        boolean lead = liaison && me.unitId() == task.leadUnitId();
        boolean cooperating = liaison && task.cooperatingUnitIds().contains(me.unitId());
        boolean leadMayReport = task.status() == TaskStatus.OPEN || task.status() == TaskStatus.IN_PROGRESS;
        model.addAttribute(
                "canReport",
                (lead && leadMayReport) || (!lead && cooperating && task.status() != TaskStatus.COMPLETED));
        model.addAttribute("isLead", lead);
        model.addAttribute("canComplete", lead && task.status() == TaskStatus.IN_PROGRESS);
        model.addAttribute("canReview", me.role() == Role.STAFF && task.status() == TaskStatus.COMPLETION_REPORTED);
        model.addAttribute("office", me.role() == Role.STAFF);
        model.addAttribute("canRemind", me.role() == Role.STAFF && leadMayReport);
        model.addAttribute("reminderMax", TaskDesk.REMINDER_MAX);
        model.addAttribute("citations", desk.citations(id, scope));
        model.addAttribute("basisUnits", basisUnits(task));
        return "supervision/detail";
    }

    @PostMapping("/{id}/progress")
    String progress(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.reportProgress(id, scopes.current(), me, text, Attachments.from(files));
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/{id}/completion")
    String completion(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String evidence,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.reportCompletion(id, scopes.current(), me, evidence, Attachments.from(files));
        return "redirect:/tasks/" + id;
    }

    /** A file of a progress or completion entry, as a download (never rendered inline). */
    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        TaskAttachments.StoredFile file = desk.attachment(id, attachmentId, scopes.current());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Attachments.allowedType(file.contentType())))
                .contentLength(file.content().length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @PostMapping("/{id}/urge")
    @PreAuthorize("hasRole('LEADER')")
    String urge(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String instruction,
            @AuthenticationPrincipal SignedInAccount me) {
        desk.urge(id, scopes.current(), me, instruction);
        return "redirect:/leader";
    }

    /** The office reminds the lead unit (催办); the bases cited for the task go with it. */
    @PostMapping("/{id}/remind")
    @PreAuthorize("hasRole('STAFF')")
    String remind(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String text,
            @AuthenticationPrincipal SignedInAccount me,
            RedirectAttributes redirect) {
        desk.remind(id, scopes.current(), me, text);
        redirect.addFlashAttribute(
                "reminded", messages.getMessage("supervision.reminder.sent", null, Locale.SIMPLIFIED_CHINESE));
        return "redirect:/tasks/" + id + "#history";
    }

    /** The units the basis finder favours: the lead unit first, then the cooperating ones. */
    static String basisUnits(TaskView task) {
        StringBuilder units = new StringBuilder(String.valueOf(task.leadUnitId()));
        task.cooperatingUnitIds().forEach(unit -> units.append(',').append(unit));
        return units.toString();
    }

    @PostMapping("/{id}/review")
    String review(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal SignedInAccount me) {
        if (!"accept".equals(decision) && !"reject".equals(decision)) {
            throw new TaskInputRejected("supervision.error.decision");
        }
        desk.review(id, scopes.current(), me, "accept".equals(decision), reason);
        return "redirect:/tasks/" + id;
    }

    static SupervisedTasks.Filter filter(
            @Nullable String status, @Nullable String overdue, @Nullable String mine, SignedInAccount me) {
        TaskStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = TaskStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TaskInputRejected("supervision.error.status");
            }
        }
        Long unit = "true".equals(mine) && me.role() == Role.LIAISON ? me.unitId() : null;
        return new SupervisedTasks.Filter(wanted, "true".equals(overdue), unit);
    }

    @ExceptionHandler(TaskNotFound.class)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    @ExceptionHandler(NotYourPart.class)
    ModelAndView notYours(NotYourPart refused) {
        return refused(HttpStatus.FORBIDDEN, refused.messageKey());
    }

    @ExceptionHandler(TaskTransitionRefused.class)
    ModelAndView conflict(TaskTransitionRefused refused) {
        return refused(HttpStatus.CONFLICT, refused.messageKey());
    }

    @ExceptionHandler(TaskInputRejected.class)
    ModelAndView rejected(TaskInputRejected rejected) {
        return refused(HttpStatus.BAD_REQUEST, rejected.messageKey());
    }

    private ModelAndView refused(HttpStatus status, String messageKey) {
        ModelAndView page = new ModelAndView("supervision/refused", status);
        page.addObject("message", messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE));
        page.addObject("code", status.value());
        page.addObject("activeNav", "tasks");
        return page;
    }
}
