package org.accord.directory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Units extends ListCrudRepository<Unit, Long> {

    Optional<Unit> findByCode(String code);

    List<Unit> findByParentIdAndActiveTrueOrderBySortOrderAscNameAsc(Long parentId);

    @Query(
            "SELECT * FROM directory_unit WHERE active = TRUE AND (name LIKE :pattern OR short_name LIKE :pattern OR code = :text) ORDER BY sort_order, name LIMIT 50")
    List<Unit> search(String pattern, String text);

    @Query(
            "SELECT * FROM directory_unit WHERE active = TRUE AND id IN (:visible) AND (name LIKE :pattern OR short_name LIKE :pattern OR code = :text) ORDER BY sort_order, name LIMIT 50")
    List<Unit> searchWithin(String pattern, String text, java.util.Collection<Long> visible);

    long countByActiveTrue();
}
