package org.accord.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ApiClients extends ListCrudRepository<ApiClient, Long> {

    Optional<ApiClient> findByKeyPrefix(String keyPrefix);

    List<ApiClient> findAllByOrderByIssuedAtDesc();
}
