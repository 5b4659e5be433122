package org.accord.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a document against the rules: the drafting page calls it as the drafter types, other systems
 * with a key of scope {@code documents:check}. Nothing is stored.
 */
@RestController
@PreAuthorize("hasAnyRole('STAFF', 'LEADER', 'LIAISON') or hasAuthority('SCOPE_documents:check')")
class DocumentCheckApi {

    private final DocumentRules rules;
    private final JsonMapper json;
    private final MessageSource messages;

    DocumentCheckApi(DocumentRules rules, JsonMapper json, MessageSource messages) {
        this.rules = rules;
        this.json = json;
        this.messages = messages;
    }

    /** The findings, in the order of the rules; an empty list when the document passes. */
    @PostMapping(path = "/api/documents/check", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, List<Finding>> check(@RequestBody(required = false) @Nullable String body) {
        // Read here rather than by the framework, so that the role is checked before the body is.
        if (body == null || body.isBlank()) {
            throw new Unreadable("documents.check.empty");
        }
        DocumentText document;
        try {
            document = json.readValue(body, DocumentText.class);
        } catch (InvalidFormatException wrongValue) {
            if (wrongValue.getTargetType() == Genre.class) {
                throw new Unreadable("documents.check.genre", String.valueOf(wrongValue.getValue()), genres());
            }
            throw new Unreadable("documents.check.unreadable");
        } catch (JacksonException notJson) {
            throw new Unreadable("documents.check.unreadable");
        }
        if (document == null || document.genre() == null) {
            throw new Unreadable("documents.check.noGenre", genres());
        }
        return Map.of("findings", rules.check(document));
    }

    @ExceptionHandler(Unreadable.class)
    ProblemDetail unreadable(Unreadable unreadable) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                messages.getMessage(
                        unreadable.getMessage(),
                        unreadable.arguments,
                        unreadable.getMessage(),
                        Locale.SIMPLIFIED_CHINESE));
    }

    private static String genres() {
        return Arrays.stream(Genre.values())
                .map(genre -> genre.name() + "（" + genre.word() + "）")
                .collect(Collectors.joining("、"));
    }

    /** A body that is not a document: nothing was checked. */
    static final class Unreadable extends RuntimeException {

        private final Object[] arguments;

        Unreadable(String messageKey, Object... arguments) {
            super(messageKey);
            this.arguments = arguments.clone();
        }
    }
}
