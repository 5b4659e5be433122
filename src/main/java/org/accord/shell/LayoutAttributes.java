package org.accord.shell;

import org.accord.security.SignedInAccount;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every page: who is signed in, and their unread count. */
@ControllerAdvice
class LayoutAttributes {

    /** The header's view of the account. */
    record CurrentAccount(String displayName, String roleLabel) {}

    private final MessageSource messages;

    LayoutAttributes(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("currentAccount")
    @Nullable
    CurrentAccount currentAccount(@AuthenticationPrincipal @Nullable SignedInAccount account) {
        if (account == null) {
            return null;
        }
        String role = messages.getMessage(account.role().messageKey(), null, LocaleContextHolder.getLocale());
        return new CurrentAccount(account.displayName(), role);
    }

    /** The inbox arrives with the notify module; until then there is nothing unread. */
    @ModelAttribute("unreadCount")
    int unreadCount() {
        return 0;
    }
}
