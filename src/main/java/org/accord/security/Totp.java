package org.accord.security;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app
 * reads them), with one step of tolerance either way for clocks that drift.
 */
@Component
class Totp {

    private final SecretGenerator secrets = new DefaultSecretGenerator(32);
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();
    private final CodeVerifier verifier;
    private final String issuer;

    Totp(ObjectProvider<Clock> clock, SecuritySettings settings) {
        Clock time = clock.getIfUnique(Clock::systemUTC);
        DefaultCodeVerifier codes = new DefaultCodeVerifier(
                new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6),
                () -> time.instant().getEpochSecond());
        codes.setTimePeriod(30);
        codes.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = codes;
        this.issuer = settings.totp().issuer();
    }

    String newSecret() {
        return secrets.generate();
    }

    boolean verify(String secret, String code) {
        String digits = code.replaceAll("\\s", "");
        return digits.matches("\\d{6}") && verifier.isValidCode(secret, digits);
    }

    List<String> newRecoveryCodes() {
        return Arrays.asList(recoveryCodes.generateCodes(RecoveryCodes.COUNT));
    }

    /** The {@code otpauth://} URI an authenticator app scans. */
    String uri(String secret, String username) {
        return qrData(secret, username).getUri();
    }

    /** The QR code of that URI as a {@code data:} image (the content security policy allows them). */
    String qrCode(String secret, String username) {
        ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
        generator.setImageSize(240);
        try {
            byte[] png = generator.generate(qrData(secret, username));
            return dev.samstevens.totp.util.Utils.getDataUriForImage(png, generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("Could not draw the QR code", e);
        }
    }

    private QrData qrData(String secret, String username) {
        return new QrData.Builder()
                .label(username)
                .secret(secret)
                .issuer(issuer)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(30)
                .build();
    }
}
