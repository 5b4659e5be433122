package org.accord.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface Accounts extends ListCrudRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);

    List<Account> findByPersonId(Long personId);

    List<Account> findAllByOrderByUsernameAsc();

    List<Account> findByTotpSecret(String totpSecret);
}
