package org.accord.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;

/** The rules for files attached to a report: how many, how large, what names and which content types. */
final class Attachments {

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int NAME_MAX = 200;
    static final String OCTET_STREAM = MediaType.APPLICATION_OCTET_STREAM_VALUE;

    /** The content types served as uploaded; anything else is served as application/octet-stream. */
    static final Set<String> ALLOWED_TYPES = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/ofd",
            "text/plain");

    /** A file as uploaded, its name already sanitised and its type already narrowed to the allow-list. */
    record Upload(String fileName, String contentType, byte[] content) {

        long size() {
            return content.length;
        }
    }

    private Attachments() {}

    /**
     * The files of a form, checked: parts without a file (an empty file input) are skipped; more than
     * {@link #MAX_FILES}, one over {@link #MAX_BYTES} or one without a usable name is rejected (400).
     */
    static List<Upload> from(@Nullable List<MultipartFile> files) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        List<MultipartFile> present = new ArrayList<>();
        for (MultipartFile file : files) {
            String original = file.getOriginalFilename();
            if (file.isEmpty() && (original == null || original.isBlank())) {
                continue; // the browser sends an empty part when nothing was chosen
            }
            present.add(file);
        }
        if (present.size() > MAX_FILES) {
            throw new TaskInputRejected("supervision.error.files.count");
        }
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile file : present) {
            if (file.getSize() > MAX_BYTES) {
                throw new TaskInputRejected("supervision.error.files.size");
            }
            String name = sanitise(file.getOriginalFilename());
            try {
                uploads.add(new Upload(name, allowedType(file.getContentType()), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        check(uploads);
        return uploads;
    }

    /** The limits again, for callers that did not come through {@link #from}. */
    static void check(List<Upload> uploads) {
        if (uploads.size() > MAX_FILES) {
            throw new TaskInputRejected("supervision.error.files.count");
        }
        for (Upload upload : uploads) {
            if (upload.size() > MAX_BYTES) {
                throw new TaskInputRejected("supervision.error.files.size");
            }
            if (upload.fileName().isBlank()) {
                throw new TaskInputRejected("supervision.error.files.name");
            }
        }
    }

    /**
     * The last segment of a file name with control and reserved characters replaced, at most
     * {@link #NAME_MAX} characters (the extension kept); rejected when nothing usable is left.
     */
    static String sanitise(@Nullable String original) {
        if (original == null) {
            throw new TaskInputRejected("supervision.error.files.name");
        }
        String name = original;
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
        name = name.strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_')) {
            throw new TaskInputRejected("supervision.error.files.name");
        }
        if (name.length() > NAME_MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, NAME_MAX - extension.length()) + extension;
        }
        return name;
    }

    /** The uploaded content type without parameters if it is on the allow-list, else application/octet-stream. */
    static String allowedType(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return OCTET_STREAM;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String plain = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
            return ALLOWED_TYPES.contains(plain) ? plain : OCTET_STREAM;
        } catch (InvalidMediaTypeException e) {
            return OCTET_STREAM;
        }
    }
}
