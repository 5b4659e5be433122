package org.accord.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends due e-mail and SMS from the queue. Runs from the recurring db-scheduler task (the safety net:
 * retries, deferred deliveries, whatever a crash left behind) and, right after a sender's transaction
 * commits, on a thread of its own, so a notice goes out within moments and never on the request thread.
 */
class DeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final Deliveries deliveries;
    private final Directory directory;
    private final MailComposer composer;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final ObjectProvider<SmsGateway> smsGateway;
    private final NotifyProperties properties;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notify-delivery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean nudged = new AtomicBoolean();

    DeliveryWorker(
            Deliveries deliveries,
            Directory directory,
            MailComposer composer,
            ObjectProvider<JavaMailSender> mailSender,
            ObjectProvider<SmsGateway> smsGateway,
            NotifyProperties properties) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.composer = composer;
        this.mailSender = mailSender;
        this.smsGateway = smsGateway;
        this.properties = properties;
    }

    /** Asks for a run soon, on the worker's own thread; several asks before it starts make one run. */
    void nudge() {
        if (nudged.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    nudged.set(false);
                    processDue();
                });
            } catch (RuntimeException e) {
                nudged.set(false); // shutting down: the recurring task picks the rows up
            }
        }
    }

    /** Sends what is due now. Returns how many deliveries were attempted. */
    int processDue() {
        int attempted = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
                Instant now = Instant.now();
                List<Long> due = deliveries.due(now, properties.delivery().batchSize());
                for (Long id : due) {
                    Optional<Delivery> claimed = deliveries.claim(
                            id, now, now.plus(properties.delivery().lease()));
                    if (claimed.isPresent()) {
                        attempt(claimed.get());
                        attempted++;
                    }
                }
                if (due.size() < properties.delivery().batchSize()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Processing the notification queue failed; the recurring task tries again", e);
        }
        return attempted;
    }

    private void attempt(Delivery delivery) {
        PersonSummary person = directory.person(delivery.personId()).orElse(null);
        if (person == null) {
            deliveries.failed(delivery.id(), null, composer.message("notify.delivery.noPerson"));
            return;
        }
        String address = delivery.channel() == Channel.EMAIL ? person.email() : person.mobile();
        if (address == null || address.isBlank()) {
            deliveries.failed(
                    delivery.id(),
                    null,
                    composer.message(
                            delivery.channel() == Channel.EMAIL
                                    ? "notify.delivery.noEmail"
                                    : "notify.delivery.noMobile"));
            return;
        }
        address = address.strip();
        try {
            if (delivery.channel() == Channel.EMAIL) {
                JavaMailSender sender = mailSender.getIfAvailable();
                if (sender == null) {
                    deliveries.failed(delivery.id(), address, composer.message("notify.delivery.noMailServer"));
                    return;
                }
                sendMail(sender, delivery, person, address);
            } else {
                SmsGateway gateway = smsGateway();
                if (gateway == null) {
                    deliveries.failed(delivery.id(), address, composer.message("notify.delivery.noSmsGateway"));
                    return;
                }
                gateway.send(address, composer.sms(delivery));
            }
            deliveries.sent(delivery.id(), address, Instant.now());
        } catch (RuntimeException | MessagingException e) {
            String reason = reason(e);
            Instant next = nextAttempt(delivery.attempts(), Instant.now());
            if (next == null) {
                log.warn(
                        "{} {} to person {} failed after {} attempts: {}",
                        delivery.channel(),
                        delivery.id(),
                        delivery.personId(),
                        delivery.attempts(),
                        reason);
                deliveries.failed(delivery.id(), address, reason);
            } else {
                log.info(
                        "{} {} to person {} failed (attempt {}), retrying at {}: {}",
                        delivery.channel(),
                        delivery.id(),
                        delivery.personId(),
                        delivery.attempts(),
                        next,
                        reason);
                deliveries.retryAt(delivery.id(), address, next, reason);
            }
        }
    }

    /** A gateway of the deployment's own if there is one, otherwise the built-in HTTP one, if configured. */
    private @Nullable SmsGateway smsGateway() {
        List<SmsGateway> all = smsGateway.orderedStream().toList();
        return all.stream()
                .filter(gateway -> !(gateway instanceof HttpSmsGateway))
                .findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
    }

    /** When to try again after {@code attempts} attempts, or {@code null} when they are used up. */
    @Nullable
    Instant nextAttempt(int attempts, Instant now) {
        List<Duration> backoff = properties.delivery().backoff();
        if (attempts < 1 || attempts > backoff.size()) {
            return null;
        }
        return now.plus(backoff.get(attempts - 1));
    }

    private void sendMail(JavaMailSender sender, Delivery delivery, PersonSummary person, String address)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.mail().from());
        helper.setTo(address);
        helper.setSubject(composer.subject(delivery));
        helper.setText(composer.body(delivery, person.name()), false);
        sender.send(message);
    }

    private String reason(Exception e) {
        if (e instanceof SmsGateway.SmsNotAccepted) {
            return composer.message("notify.delivery.smsRejected", summary(e));
        }
        if (e instanceof MailException || e instanceof MessagingException) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return composer.message("notify.delivery.mailRejected", summary(root));
        }
        return composer.message("notify.delivery.error", summary(e));
    }

    private static String summary(Throwable e) {
        return e instanceof SmsGateway.SmsNotAccepted && e.getMessage() != null
                ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
