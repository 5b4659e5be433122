package org.accord.security;

import java.util.List;
import org.accord.directory.Directory;
import org.accord.directory.PersonSummary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One demo account per role, bound to people of the demo city. They exist only in the demo
 * profile; the sign-in page lists them there.
 */
@Component
@Profile("demo")
@Order(20)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";

    /** A demo account as the sign-in page lists it. */
    record Listed(String username, String password, Role role, String who) {}

    private record Seed(
            String username, Role role, @Nullable String personCode, String displayName) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed("chenzhihua", Role.LEADER, "P0003", "陈志华"),
            new Seed("huanghaitao", Role.STAFF, "P0011", "黄海涛"),
            new Seed("weilijuan", Role.LIAISON, "P0076", "魏丽娟"),
            new Seed("sysadmin", Role.SYSADMIN, null, "系统管理员"),
            new Seed("secadmin", Role.SECADMIN, null, "安全管理员"),
            new Seed("auditor", Role.AUDITOR, null, "安全审计员"));

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final Directory directory;
    private final PasswordEncoder passwords;

    DemoAccounts(Accounts accounts, Directory directory, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.directory = directory;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        String hash = passwords.encode(PASSWORD);
        for (Seed seed : SEEDS) {
            if (accounts.existsByUsername(seed.username())) {
                continue;
            }
            PersonSummary person = seed.personCode() == null
                    ? null
                    : directory.personByCode(seed.personCode()).orElse(null);
            accounts.save(Account.open(
                    seed.username(),
                    hash,
                    person == null ? seed.displayName() : person.name(),
                    seed.role(),
                    person == null ? null : person.id(),
                    person == null || seed.role() != Role.LIAISON ? null : person.unitId()));
            log.info("Demo account {} ({}) ready", seed.username(), seed.role());
        }
    }

    List<Listed> listed() {
        return SEEDS.stream()
                .map(seed -> new Listed(seed.username(), PASSWORD, seed.role(), seed.displayName()))
                .toList();
    }
}
