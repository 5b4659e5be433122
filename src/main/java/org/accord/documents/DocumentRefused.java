package org.accord.documents;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A step the document's state or the viewer's part does not allow. Nothing has changed; pages and the
 * API answer 409 (403 for {@link #forbidden()}, 400 for {@link #badInput()}) with the Chinese message.
 */
class DocumentRefused extends RuntimeException {

    enum Kind {
        CONFLICT,
        FORBIDDEN,
        BAD_INPUT
    }

    private final Kind kind;
    private final Object[] arguments;

    DocumentRefused(Kind kind, String messageKey, Object... arguments) {
        super(messageKey);
        this.kind = kind;
        this.arguments = arguments.clone();
    }

    static DocumentRefused conflict(String key, Object... arguments) {
        return new DocumentRefused(Kind.CONFLICT, "documents.refused." + key, arguments);
    }

    static DocumentRefused notYours(String key) {
        return new DocumentRefused(Kind.FORBIDDEN, "documents.refused." + key);
    }

    static DocumentRefused input(String fieldKey) {
        return new DocumentRefused(Kind.BAD_INPUT, "documents.refused.input", "documents.field." + fieldKey);
    }

    boolean forbidden() {
        return kind == Kind.FORBIDDEN;
    }

    boolean badInput() {
        return kind == Kind.BAD_INPUT;
    }

    String describe(MessageSource messages) {
        Object[] resolved = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            resolved[i] = argument instanceof String && ((String) argument).startsWith("documents.")
                    ? messages.getMessage((String) argument, null, (String) argument, Locale.SIMPLIFIED_CHINESE)
                    : argument;
        }
        return messages.getMessage(getMessage(), resolved, getMessage(), Locale.SIMPLIFIED_CHINESE);
    }
}
