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
 * profile; the sign-in page lists them there. The three administrators have the second factor on, with
 * one known secret ({@link #TOTP_SECRET}) and no recovery codes.
 */
@Component
@Profile("demo")
@Order(20)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Demo@2026";

    /**
     * The TOTP secret of the three demo administrators, who must give a second factor: the sign-in page lists
     * it so that a visitor can add it to an authenticator app (or compute the code), and the tests use it.
     */
    static final String TOTP_SECRET = "ACCORDDEMOTOTPSECRETFORADMINS234";

    /** A demo account as the sign-in page lists it. */
    record Listed(
            String username,
            String password,
            Role role,
            String who,
            @Nullable String totpSecret) {}

    private record Seed(
            String username, Role role, @Nullable String personCode, String displayName) {}

    private static final List<Seed> SEEDS = List.of(
            new Seed("chenzhihua", Role.LEADER, "P0003", "陈志华"),
            new Seed("huanghaitao", Role.STAFF, "P0011", "黄海涛"),
            new Seed("weilijuan", Role.LIAISON, "P0076", "魏丽娟"),
            new Seed("liufang", Role.LEADER, "P0004", "刘芳"),
            new Seed("xiongyongqiang", Role.STAFF, "P0019", "熊永强"),
            new Seed("yuhongxia", Role.STAFF, "P0028", "于红霞"),
            new Seed("longminghui", Role.STAFF, "P0022", "龙明辉"),
            new Seed("caiyuxuan", Role.STAFF, "P0031", "蔡雨萱"),
            new Seed("qianhaitao", Role.STAFF, "P0037", "钱海涛"),
            new Seed("guzihan", Role.LIAISON, "P0074", "顾子涵"),
            new Seed("panlei", Role.LIAISON, "P0080", "潘磊"),
            new Seed("yuanying", Role.LIAISON, "P0088", "袁颖"),
            new Seed("liyanan", Role.LIAISON, "P0104", "黎亚楠"),
            new Seed("lupeng", Role.LIAISON, "P0108", "卢鹏"),
            new Seed("caixiaoyan", Role.LIAISON, "P0128", "蔡晓燕"),
            new Seed("tianshuzhen", Role.LIAISON, "P0141", "田淑珍"),
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
            Account account = Account.open(
                    seed.username(),
                    hash,
                    person == null ? seed.displayName() : person.name(),
                    seed.role(),
                    person == null ? null : person.id(),
                    person == null || seed.role() != Role.LIAISON ? null : person.unitId());
            if (seed.role().isAdministrator()) {
                account.enableTotp(TOTP_SECRET);
            }
            accounts.save(account);
            log.info("Demo account {} ({}) ready", seed.username(), seed.role());
        }
    }

    /** The usernames the demo profile creates. */
    static List<String> usernames() {
        return SEEDS.stream().map(Seed::username).toList();
    }

    List<Listed> listed() {
        return SEEDS.stream()
                .map(seed -> new Listed(
                        seed.username(),
                        PASSWORD,
                        seed.role(),
                        seed.displayName(),
                        seed.role().isAdministrator() ? TOTP_SECRET : null))
                .toList();
    }
}
