package org.accord.directory;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Import and export of the whole directory, for the office staff who keep it and the system administrator. */
@Controller
@RequestMapping("/directory")
@PreAuthorize("hasAnyRole('STAFF', 'SYSADMIN')")
class DirectoryImportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DirectoryImports imports;
    private final Directory directory;

    DirectoryImportController(DirectoryImports imports, Directory directory) {
        this.imports = imports;
        this.directory = directory;
    }

    @ModelAttribute("activeNav")
    String activeNav() {
        return "directory";
    }

    @GetMapping("/import")
    String form() {
        return "directory/import";
    }

    @PostMapping("/import")
    String upload(
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "mode", defaultValue = "MERGE") ImportMode mode,
            Principal principal,
            Model model)
            throws IOException {
        List<DirectoryFileReader.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile file : files) {
                if (!file.isEmpty()) {
                    String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
                    uploads.add(new DirectoryFileReader.Upload(name, file.getBytes()));
                }
            }
        }
        ImportPreview preview = imports.stage(uploads, mode, principal.getName());
        model.addAttribute("preview", preview);
        if (!preview.valid()) {
            model.addAttribute("errorCount", preview.errors().size());
            return "directory/import";
        }
        return "directory/import-preview";
    }

    @PostMapping("/import/{id}/confirm")
    String confirm(@PathVariable long id) {
        imports.confirm(id);
        return "redirect:/directory/import/" + id;
    }

    @GetMapping("/import/{id}")
    String progressPage(@PathVariable long id, Model model) {
        model.addAttribute("progress", progress(id));
        return "directory/import-progress";
    }

    /** The part of the progress page that htmx refreshes until the import is finished. */
    @GetMapping("/import/{id}/progress")
    String progressFragment(@PathVariable long id, Model model) {
        model.addAttribute("progress", progress(id));
        return "directory/import-progress :: progress";
    }

    private ImportProgress progress(long id) {
        return imports.progress(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/export.xlsx")
    void exportXlsx(HttpServletResponse response) throws IOException {
        download(response, XLSX, "通讯录.xlsx");
        try (OutputStream out = response.getOutputStream()) {
            DirectoryFileWriter.xlsx(directory.wholeChart(), out);
        }
    }

    @GetMapping("/export/units.csv")
    void exportUnits(HttpServletResponse response) throws IOException {
        download(response, "text/csv;charset=UTF-8", "单位.csv");
        try (OutputStream out = response.getOutputStream()) {
            DirectoryFileWriter.unitsCsv(directory.wholeChart(), out);
        }
    }

    @GetMapping("/export/people.csv")
    void exportPeople(HttpServletResponse response) throws IOException {
        download(response, "text/csv;charset=UTF-8", "人员.csv");
        try (OutputStream out = response.getOutputStream()) {
            DirectoryFileWriter.peopleCsv(directory.wholeChart(), out);
        }
    }

    private static void download(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader(
                "Content-Disposition",
                org.springframework.http.ContentDisposition.attachment()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
                        .build()
                        .toString());
    }

    @ExceptionHandler(DirectoryImports.ImportNotPending.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String notPending(Model model) {
        model.addAttribute("status", 409);
        return "directory/import-not-pending";
    }
}
