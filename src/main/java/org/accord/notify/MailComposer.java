package org.accord.notify;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The Chinese texts of notification e-mail and SMS, from {@code templates/notify/mail/} and the messages. */
class MailComposer {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final TemplateEngine textTemplates;
    private final MessageSource messages;
    private final NotifyProperties properties;

    MailComposer(TemplateEngine textTemplates, MessageSource messages, NotifyProperties properties) {
        this.textTemplates = textTemplates;
        this.messages = messages;
        this.properties = properties;
    }

    String subject(Delivery delivery) {
        String key = delivery.urgency() == Urgency.URGENT ? "notify.mail.subject.urgent" : "notify.mail.subject";
        return messages.getMessage(key, new Object[] {delivery.title()}, LOCALE);
    }

    String body(Delivery delivery, String recipientName) {
        Context context = new Context(LOCALE);
        context.setVariables(Map.of(
                "name",
                recipientName,
                "title",
                delivery.title(),
                "body",
                delivery.body(),
                "urgent",
                delivery.urgency() == Urgency.URGENT,
                "url",
                url(delivery.link()) == null ? "" : url(delivery.link()),
                "preferencesUrl",
                url("/notify/preferences")));
        return textTemplates.process("notice", context);
    }

    String sms(Delivery delivery) {
        String key = delivery.urgency() == Urgency.URGENT ? "notify.sms.text.urgent" : "notify.sms.text";
        String text = messages.getMessage(key, new Object[] {delivery.title()}, LOCALE);
        String url = url(delivery.link());
        return properties.sms().signature() + text + (url == null ? "" : " " + url);
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, LOCALE);
    }

    private @Nullable String url(@Nullable String link) {
        if (link == null) {
            return null;
        }
        String base = properties.baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + link;
    }
}
