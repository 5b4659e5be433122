package org.accord.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface People extends ListCrudRepository<Person, Long> {

    Optional<Person> findByCode(String code);

    List<Person> findByUnitIdAndActiveTrueOrderBySortOrderAscNameAsc(long unitId);

    List<Person> findByLeaderTitleIsNotNullAndActiveTrue();

    @Query(
            "SELECT * FROM directory_person WHERE active = TRUE AND (name LIKE :pattern OR position LIKE :pattern OR code = :text OR phone = :text OR mobile = :text) ORDER BY sort_order, name LIMIT 50")
    List<Person> search(String pattern, String text);

    @Query(
            "SELECT * FROM directory_person WHERE active = TRUE AND unit_id IN (:visible) AND (name LIKE :pattern OR position LIKE :pattern OR code = :text OR phone = :text OR mobile = :text) ORDER BY sort_order, name LIMIT 50")
    List<Person> searchWithin(String pattern, String text, java.util.Collection<Long> visible);

    long countByActiveTrue();

    long countByLiaisonTrueAndActiveTrue();
}
