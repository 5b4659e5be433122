package org.accord.security;

import java.util.Set;
import org.accord.directory.Directory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The data scope of whoever is signed in on the current request. */
@Service
public class DataScopes {

    private final Directory directory;

    DataScopes(Directory directory) {
        this.directory = directory;
    }

    public DataScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account) {
            return of(account);
        }
        return DataScope.none();
    }

    DataScope of(SignedInAccount account) {
        return switch (account.role()) {
            case STAFF -> new DataScope(DataScope.Kind.OFFICE, account.personId(), Set.of());
            case LEADER ->
                new DataScope(
                        DataScope.Kind.LEADER,
                        account.personId(),
                        account.personId() == null ? Set.of() : directory.unitsRoutedTo(account.personId()));
            case LIAISON ->
                new DataScope(
                        DataScope.Kind.UNIT,
                        account.personId(),
                        account.unitId() == null ? Set.of() : Set.of(account.unitId()));
            case SYSADMIN, SECADMIN, AUDITOR -> DataScope.none();
        };
    }
}
