package org.accord.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a password must be like ({@code accord.security.password.*}), and the temporary passwords an
 * administrator hands out.
 */
@Component
class PasswordPolicy {

    /** BCrypt reads no more than 72 bytes; a longer password would be cut silently. */
    static final int MAX_LENGTH = 64;

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+=!?*";
    private static final int TEMPORARY_LENGTH = 14;

    private final SecuritySettings.Password settings;
    private final MessageSource messages;
    private final SecureRandom random = new SecureRandom();

    PasswordPolicy(SecuritySettings settings, MessageSource messages) {
        this.settings = settings.password();
        this.messages = messages;
    }

    /** What is wrong with this password, in Chinese; empty if it may be used. */
    List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password.length() < settings.minLength()) {
            problems.add(text("password.error.too-short", settings.minLength()));
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(text("password.error.too-long", MAX_LENGTH));
        }
        if (classes(password) < settings.requiredClasses()) {
            problems.add(text("password.error.classes", settings.requiredClasses()));
        }
        if (!username.isBlank() && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(text("password.error.username"));
        }
        if (password.chars().anyMatch(Character::isWhitespace)) {
            problems.add(text("password.error.whitespace"));
        }
        return problems;
    }

    /** The rule in one sentence, for the password forms. */
    String describe() {
        return text("password.rule", settings.minLength(), settings.requiredClasses());
    }

    static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** A random password with all four classes, long enough for any policy up to its length; no look-alikes. */
    String temporary() {
        int length = Math.max(TEMPORARY_LENGTH, settings.minLength());
        List<Character> chars = new ArrayList<>();
        for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(set.charAt(random.nextInt(set.length())));
        }
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        while (chars.size() < length) {
            chars.add(all.charAt(random.nextInt(all.length())));
        }
        java.util.Collections.shuffle(chars, random);
        StringBuilder password = new StringBuilder();
        chars.forEach(password::append);
        return password.toString();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
