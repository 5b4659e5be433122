package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class PasswordPolicyTest {

    static PasswordPolicy policy(int minLength, int classes) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/security");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        return new PasswordPolicy(
                new SecuritySettings(
                        new SecuritySettings.Password(minLength, classes),
                        new SecuritySettings.Lockout(5, Duration.ofMinutes(15)),
                        new SecuritySettings.Totp(true, "协调")),
                messages);
    }

    @Test
    void aLongMixedPasswordPasses() {
        assertThat(policy(10, 3).problems("Harbour-2026", "huanghaitao")).isEmpty();
        assertThat(policy(10, 3).problems("harbourlight7", "huanghaitao"))
                .as("two classes are not enough")
                .containsExactly("密码须包含大写字母、小写字母、数字、符号中的至少 3 类。");
    }

    @Test
    void theDemoPasswordIsTooShortForTheDefaultPolicy() {
        assertThat(policy(10, 3).problems("Demo@2026", "sysadmin")).containsExactly("密码太短：至少需要 10 位。");
    }

    @Test
    void thePasswordMayNotContainTheUsernameOrSpaces() {
        assertThat(policy(10, 3).problems("Huanghaitao#1", "huanghaitao")).containsExactly("密码不能包含用户名。");
        assertThat(policy(10, 3).problems("Harbour 2026!", "x")).containsExactly("密码不能包含空格。");
    }

    @Test
    void theLimitsAreConfigurable() {
        assertThat(policy(6, 1).problems("harbour", "x")).isEmpty();
        assertThat(policy(16, 4).problems("Harbour-2026", "x")).hasSize(1);
    }

    @Test
    void temporaryPasswordsMeetTheStrictestPolicy() {
        PasswordPolicy strict = policy(14, 4);
        for (int i = 0; i < 200; i++) {
            String temporary = strict.temporary();
            assertThat(strict.problems(temporary, "someone")).as(temporary).isEmpty();
        }
    }

    @Test
    void classesAreCounted() {
        assertThat(PasswordPolicy.classes("abc")).isEqualTo(1);
        assertThat(PasswordPolicy.classes("aB3")).isEqualTo(3);
        assertThat(PasswordPolicy.classes("aB3#")).isEqualTo(4);
    }
}
