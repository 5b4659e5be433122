package org.accord.security;

import java.util.List;
import org.accord.audit.Audited;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first production start, on a database without any account, opens the three administrators
 * ({@code sysadmin}, {@code secadmin}, {@code auditor}) with one-time passwords written once to the log.
 * Each must choose a password and enrol a second factor at the first sign-in. After that the system
 * administrator opens the other accounts and the security administrator gives them their roles.
 */
@Component
@Profile("prod")
@Order(10)
class FirstAdministrators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrators.class);

    private record First(String username, Role role, String displayName) {}

    private static final List<First> FIRST = List.of(
            new First("sysadmin", Role.SYSADMIN, "系统管理员"),
            new First("secadmin", Role.SECADMIN, "安全管理员"),
            new First("auditor", Role.AUDITOR, "安全审计员"));

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final ApplicationEventPublisher events;

    FirstAdministrators(
            Accounts accounts, PasswordEncoder passwords, PasswordPolicy policy, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        StringBuilder notice = new StringBuilder("\n\n")
                .append("  First start: the three administrators have been created with one-time passwords.\n")
                .append("  They are shown here once and never stored in clear. Each must choose a new password\n")
                .append("  and enrol a second factor (TOTP) at the first sign-in.\n\n");
        for (First first : FIRST) {
            String temporary = policy.temporary();
            Account account = Account.openWithTemporaryPassword(
                    first.username(), passwords.encode(temporary), first.displayName(), first.role(), null);
            accounts.save(account);
            events.publishEvent(Audited.by(
                    "system", "security", "account", first.username(), "account-created", null, account.summary()));
            notice.append("    ")
                    .append(String.format("%-10s", first.username()))
                    .append(temporary)
                    .append('\n');
        }
        log.warn(notice.append('\n').toString());
    }
}
