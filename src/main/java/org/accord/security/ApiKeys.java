package org.accord.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.accord.audit.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes the keys other systems call the API with. A key is shown once when
 * issued; only its SHA-256 is stored. Keys carry 256 random bits, so a fast hash is enough and a
 * request costs one indexed look-up by the key's prefix.
 */
@Service
class ApiKeys {

    /** What an issued key may be used for; a module adds its scope here when it opens an API. */
    static final Set<String> SCOPES = Set.of("calendar:read", "directory:read", "cases:intake", "documents:check");

    private static final Pattern KEY = Pattern.compile("^acc_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$");
    private static final Pattern NAME = Pattern.compile("^.{2,100}$");

    private final ApiClients clients;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(ApiClients clients, ApplicationEventPublisher events) {
        this.clients = clients;
        this.events = events;
    }

    /** A newly issued key: the plain key is in this object only, never stored. */
    record Issued(ApiClient client, String key) {}

    @Transactional
    Issued issue(String name, Set<String> scopes, String issuedBy) {
        String trimmed = name.strip();
        if (!NAME.matcher(trimmed).matches()) {
            throw new ApiClientRejected("security.api.error.name");
        }
        if (scopes.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw new ApiClientRejected("security.api.error.scopes");
        }
        String prefix = alphanumeric(12);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = "acc_" + prefix + "_"
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiClient client = clients.save(new ApiClient(
                null,
                trimmed,
                prefix,
                sha256(key),
                String.join(",", new TreeSet<>(scopes)),
                issuedBy,
                Instant.now(),
                null,
                null));
        events.publishEvent(Audited.now(
                "security", "api-client", prefix, "api-key-issued", null, null, trimmed + " " + client.scopeList()));
        return new Issued(client, key);
    }

    @Transactional
    void revoke(long clientId) {
        ApiClient client =
                clients.findById(clientId).orElseThrow(() -> new ApiClientRejected("security.api.error.unknown"));
        client.revoke(Instant.now());
        clients.save(client);
        events.publishEvent(Audited.now(
                "security", "api-client", client.keyPrefix(), "api-key-revoked", null, "active", "revoked"));
    }

    static final java.time.Duration LAST_USED_PRECISION = java.time.Duration.ofMinutes(1);

    /** The client a presented key belongs to, if the key is well-formed, known, matching and not revoked. */
    @Transactional
    Optional<ApiClient> authenticate(String presented) {
        var matcher = KEY.matcher(presented.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<ApiClient> client = clients.findByKeyPrefix(matcher.group(1))
                .filter(ApiClient::active)
                .filter(found -> MessageDigest.isEqual(
                        found.keyHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(presented.strip()).getBytes(StandardCharsets.US_ASCII)));
        client.ifPresent(found -> {
            // Once a minute is enough for "last used"; a row written on every call made a busy client's concurrent
            // requests queue on that row's lock.
            Instant now = Instant.now();
            if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
                found.usedAt(now);
                clients.save(found);
            }
        });
        return client;
    }

    List<ApiClient> all() {
        return clients.findAllByOrderByIssuedAtDesc();
    }

    private String alphanumeric(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Bad input for issuing or revoking a key, with the Chinese message's key. */
    static final class ApiClientRejected extends RuntimeException {
        private final String messageKey;

        ApiClientRejected(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }
}
