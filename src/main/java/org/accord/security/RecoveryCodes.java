package org.accord.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-time recovery codes of an account's second factor. Only their SHA-256 hashes are stored: the codes
 * are long and random, so a slow hash adds nothing, and a hash lets a code be found and spent in one
 * statement that two instances cannot both win.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;

    private final JdbcClient jdbc;

    RecoveryCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the account's codes with these. */
    void replace(long accountId, List<String> codes) {
        jdbc.sql("DELETE FROM security_recovery_code WHERE account_id = :account")
                .param("account", accountId)
                .update();
        for (String code : codes) {
            jdbc.sql(
                            "INSERT INTO security_recovery_code (account_id, code_hash, used_at) VALUES (:account, :hash, NULL)")
                    .param("account", accountId)
                    .param("hash", hash(code))
                    .update();
        }
    }

    void removeAll(long accountId) {
        jdbc.sql("DELETE FROM security_recovery_code WHERE account_id = :account")
                .param("account", accountId)
                .update();
    }

    /** Spends a code: true if it was the account's and not used before. */
    boolean spend(long accountId, String code, Instant at) {
        return jdbc.sql("UPDATE security_recovery_code SET used_at = :at"
                                + " WHERE account_id = :account AND code_hash = :hash AND used_at IS NULL")
                        .param("at", at.atOffset(java.time.ZoneOffset.UTC))
                        .param("account", accountId)
                        .param("hash", hash(code))
                        .update()
                == 1;
    }

    int remaining(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM security_recovery_code WHERE account_id = :account AND used_at IS NULL")
                .param("account", accountId)
                .query(Integer.class)
                .single();
    }

    /** Codes are compared without regard to case, spaces or dashes, as people type them. */
    static String normalize(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    static String hash(String code) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalize(code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
