package org.accord.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Another system allowed to call the API, known by the hash of the key it was issued. */
@Table("security_api_client")
class ApiClient {

    @Id
    private @Nullable Long id;

    private final String name;
    private final String keyPrefix;
    private final String keyHash;
    private final String scopes;
    private final String issuedBy;
    private final Instant issuedAt;
    private @Nullable Instant revokedAt;
    private @Nullable Instant lastUsedAt;

    ApiClient(
            @Nullable Long id,
            String name,
            String keyPrefix,
            String keyHash,
            String scopes,
            String issuedBy,
            Instant issuedAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {
        this.id = id;
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.scopes = scopes;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.revokedAt = revokedAt;
        this.lastUsedAt = lastUsedAt;
    }

    void revoke(Instant at) {
        if (revokedAt != null) {
            throw new ApiClientAlreadyRevoked(name);
        }
        revokedAt = at;
    }

    boolean active() {
        return revokedAt == null;
    }

    void usedAt(Instant at) {
        lastUsedAt = at;
    }

    public @Nullable Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    String keyHash() {
        return keyHash;
    }

    public List<String> scopeList() {
        return scopes.isBlank() ? List.of() : Arrays.asList(scopes.split(","));
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public @Nullable Instant revokedAt() {
        return revokedAt;
    }

    public @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** Thrown when a key that is already revoked is revoked again. */
    static final class ApiClientAlreadyRevoked extends RuntimeException {
        ApiClientAlreadyRevoked(String name) {
            super("API client " + name + " is already revoked");
        }
    }
}
