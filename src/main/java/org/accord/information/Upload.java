package org.accord.information;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file attached to an answer, checked as supervision checks its attachments: at most {@link #MAX_FILES}
 * per field, at most {@link #MAX_BYTES} each, a clean name, and only the listed types (by extension; the
 * stored content type follows from it, never from what the browser claimed).
 */
record Upload(String fileName, String contentType, byte[] content) {

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int NAME_MAX = 200;

    static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "ofd", "application/ofd",
            "txt", "text/plain");

    static List<Upload> from(@Nullable List<MultipartFile> files, String label) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            String original = file.getOriginalFilename();
            if (file.isEmpty() && (original == null || original.isBlank())) {
                continue;
            }
            if (file.getSize() > MAX_BYTES) {
                throw new InformationInputRejected("information.check.fileSize", label, MAX_BYTES / 1024 / 1024);
            }
            String name = sanitise(original, label);
            try {
                uploads.add(new Upload(name, type(name, label), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (uploads.size() > MAX_FILES) {
            throw new InformationInputRejected("information.check.fileCount", label, MAX_FILES);
        }
        return uploads;
    }

    static String type(String name, String label) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new InformationInputRejected("information.check.fileType", label);
        }
        return type;
    }

    static String sanitise(@Nullable String original, String label) {
        String name = original == null ? "" : original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || "<>:\"|?*;".indexOf(c) >= 0 || Character.getType(c) == Character.FORMAT) {
                clean.append('_');
            } else {
                clean.appendCodePoint(c);
            }
        });
        name = clean.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            throw new InformationInputRejected("information.check.fileName", label);
        }
        if (name.length() > NAME_MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, NAME_MAX - extension.length()) + extension;
        }
        return name;
    }
}
