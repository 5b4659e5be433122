package org.accord.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In production ({@code prod} profile) the application refuses to start while a demo password or the demo
 * second-factor secret would let anyone in: an enabled account named like a demo account, or any enabled
 * administrator, whose password is the demo password; or any account with the demo TOTP secret. It checks
 * before the web server opens, so no request is ever served in that state.
 */
@Component
@Profile("prod")
class ProductionGuard implements SmartInitializingSingleton {

    private final Accounts accounts;
    private final PasswordEncoder passwords;

    ProductionGuard(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> found = demoAccess();
        if (!found.isEmpty()) {
            throw new DemoAccountsInProduction(found);
        }
    }

    /** The usernames a demo credential opens. */
    List<String> demoAccess() {
        Set<Account> suspects = new java.util.LinkedHashSet<>();
        for (String username : DemoAccounts.usernames()) {
            accounts.findByUsername(username).ifPresent(suspects::add);
        }
        accounts.findAll().stream().filter(Account::isAdministrator).forEach(suspects::add);
        Set<String> found = new LinkedHashSet<>();
        for (Account account : suspects) {
            if (account.enabled() && passwords.matches(DemoAccounts.PASSWORD, account.passwordHash())) {
                found.add(account.username());
            }
        }
        accounts.findByTotpSecret(DemoAccounts.TOTP_SECRET).forEach(account -> found.add(account.username()));
        return new ArrayList<>(found);
    }

    /** Thrown at start-up: the message says which accounts and what to do. */
    static final class DemoAccountsInProduction extends IllegalStateException {
        DemoAccountsInProduction(List<String> usernames) {
            super("Refusing to start with the 'prod' profile: the demo password or the demo second-factor secret"
                    + " still opens these accounts: " + String.join(", ", usernames)
                    + ". This database was filled by the demo profile. Start production on a new, empty database"
                    + " (the first administrators are then created with one-time passwords, see docs/security.md),"
                    + " or disable these accounts and give them new passwords first.");
        }
    }
}
