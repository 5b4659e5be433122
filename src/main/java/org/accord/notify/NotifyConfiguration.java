package org.accord.notify;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.accord.directory.Directory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifyProperties.class)
class NotifyConfiguration {

    static final String DELIVERY_TASK = "notify-deliveries";

    /** The built-in HTTP gateway, when {@code accord.notify.sms.url} is set. Another gateway bean wins over it. */
    @Bean
    @ConditionalOnProperty("accord.notify.sms.url")
    HttpSmsGateway httpSmsGateway(NotifyProperties properties) {
        NotifyProperties.Sms sms = properties.sms();
        return new HttpSmsGateway(sms.url(), sms.key(), sms.timeout());
    }

    @Bean
    MailComposer mailComposer(MessageSource messages, NotifyProperties properties) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notify/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return new MailComposer(engine, messages, properties);
    }

    @Bean
    DeliveryWorker deliveryWorker(
            Deliveries deliveries,
            Directory directory,
            MailComposer composer,
            ObjectProvider<JavaMailSender> mailSender,
            ObjectProvider<SmsGateway> smsGateway,
            NotifyProperties properties) {
        return new DeliveryWorker(deliveries, directory, composer, mailSender, smsGateway, properties);
    }

    /**
     * The queue's safety net, run by db-scheduler on one instance at a time: due deliveries (retries,
     * deferred ones, what a crash left), and, once a minute, old live events.
     */
    @Bean
    Task<Void> notifyDeliveriesTask(DeliveryWorker worker, LiveEvents live, NotifyProperties properties) {
        AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);
        return Tasks.recurring(
                        DELIVERY_TASK, FixedDelay.of(properties.delivery().interval()))
                .execute((instance, context) -> {
                    worker.processDue();
                    Instant now = Instant.now();
                    if (lastCleanup.get().isBefore(now.minusSeconds(60))) {
                        lastCleanup.set(now);
                        live.deleteOlderThan(now.minus(properties.stream().liveKeep()));
                    }
                });
    }
}
