package org.accord.shell;

import java.beans.PropertyEditorSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text from a form or a query never carries U+0000: PostgreSQL refuses it in any text column, so a NUL typed or
 * pasted into a field turned the step into a server error there (H2 took it). It is dropped on binding, for every
 * controller; nothing else of the text changes.
 */
@ControllerAdvice
class NulCharacters {

    @InitBinder
    void dropNul(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(@Nullable String text) {
                setValue(text == null ? null : text.replace("\u0000", ""));
            }
        });
    }
}
