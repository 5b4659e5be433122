package org.accord.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The auditor's view of the trail: filter, page, export, verify. The auditor and nobody else. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

    static final int PAGE_SIZE = 50;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AuditRecords records;
    private final AuditExport export;
    private final AuditTrail trail;

    AuditController(AuditRecords records, AuditExport export, AuditTrail trail) {
        this.records = records;
        this.export = export;
        this.trail = trail;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "audit";
    }

    @ModelAttribute("filter")
    AuditFilter filter(
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable Long unitId,
            @RequestParam(required = false) @Nullable String objectType,
            @RequestParam(required = false) @Nullable String objectId,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return new AuditFilter(actor, unitId, objectType, objectId, action, from, to);
    }

    @GetMapping
    String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
        AuditRecords.Page result = records.page(filter, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("page", result);
        model.addAttribute("zone", records.zone());
        model.addAttribute("exportUrl", url("/audit/export.xlsx", filter, null));
        model.addAttribute("previousUrl", result.hasPrevious() ? url("/audit", filter, result.number() - 1) : null);
        model.addAttribute("nextUrl", result.hasNext() ? url("/audit", filter, result.number() + 1) : null);
        return "audit/list";
    }

    @GetMapping("/export.xlsx")
    void exportXlsx(@ModelAttribute("filter") AuditFilter filter, HttpServletResponse response) throws IOException {
        trail.record(Audited.now("audit", "audit_record", null, "export", null, null, describe(filter)));
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                ContentDisposition.attachment()
                        .filename("审计记录.xlsx", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        try (OutputStream out = response.getOutputStream()) {
            export.xlsx(filter, out);
        }
    }

    @PostMapping("/verify")
    String verify(Model model) {
        AuditVerification result = trail.verify();
        trail.record(Audited.now(
                "audit",
                "audit_chain",
                null,
                "verify",
                null,
                null,
                result.intact() ? "intact to seq " + result.lastSeq() : "broken at seq " + result.brokenSeq()));
        model.addAttribute("result", result);
        model.addAttribute("zone", records.zone());
        return "audit/verify";
    }

    private static String url(String path, AuditFilter filter, @Nullable Integer page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        add(builder, "actor", filter.actor());
        add(builder, "unitId", filter.unitId());
        add(builder, "objectType", filter.objectType());
        add(builder, "objectId", filter.objectId());
        add(builder, "action", filter.action());
        add(builder, "from", filter.from());
        add(builder, "to", filter.to());
        add(builder, "page", page);
        return builder.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder builder, String name, @Nullable Object value) {
        if (value != null) {
            builder.queryParam(name, value.toString());
        }
    }

    private static String describe(AuditFilter filter) {
        return url("", filter, null);
    }
}
