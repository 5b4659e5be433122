package org.accord.cases;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dispatch catalogue (派单目录): the category tree, the rule per category and district (the lead unit,
 * cooperating units and time-limit class by default), the time-limit classes and the knowledge base.
 */
@Component
class DispatchCatalogue {

    record Category(String code, @Nullable String parentCode, String name, int depth) {}

    record TimeLimit(String code, String name, int workingDays, int signHours) {}

    record Rule(
            String categoryCode,
            @Nullable String districtCode,
            String leadUnitCode,
            List<String> cooperatingCodes,
            String timeLimitCode) {}

    record Answer(long id, String categoryCode, String question, String answer) {}

    /** The districts a case may lie in, with the code of their government. */
    static final List<String> DISTRICTS = List.of("DCQ", "XHQ", "NSQ");

    private final JdbcClient jdbc;

    DispatchCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tree, parents before their children, each with its depth. */
    List<Category> categories() {
        List<Category> flat = jdbc.sql("SELECT code, parent_code, name FROM case_category ORDER BY sort_order, code")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), 0))
                .list();
        return flat.stream()
                .map(c -> new Category(c.code(), c.parentCode(), c.name(), depth(c, flat)))
                .toList();
    }

    private static int depth(Category c, List<Category> all) {
        int depth = 0;
        String parent = c.parentCode();
        while (parent != null && depth < 10) {
            String p = parent;
            parent = all.stream()
                    .filter(x -> x.code().equals(p))
                    .findFirst()
                    .map(Category::parentCode)
                    .orElse(null);
            depth++;
        }
        return depth;
    }

    Optional<Category> category(String code) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    String categoryName(@Nullable String code) {
        return code == null ? "" : category(code).map(Category::name).orElse(code);
    }

    /** Every category's name by code, read once: for naming a page of cases without a query per case. */
    Map<String, String> categoryNames() {
        Map<String, String> names = new HashMap<>();
        for (Category c : categories()) {
            names.putIfAbsent(c.code(), c.name());
        }
        return names;
    }

    /** As {@link #categoryName(String)}, from names read with {@link #categoryNames()}. */
    static String categoryName(Map<String, String> names, @Nullable String code) {
        return code == null ? "" : names.getOrDefault(code, code);
    }

    List<TimeLimit> timeLimits() {
        return jdbc.sql("SELECT code, name, working_days, sign_hours FROM case_time_limit ORDER BY working_days, code")
                .query((rs, n) -> new TimeLimit(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }

    Optional<TimeLimit> timeLimit(String code) {
        return timeLimits().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /**
     * The rule for a category in a district: the district's own rule, else the category's general one, else the
     * nearest ancestor's.
     */
    Optional<Rule> rule(@Nullable String categoryCode, @Nullable String districtCode) {
        String code = categoryCode;
        int guard = 0;
        while (code != null && guard++ < 10) {
            List<Rule> rules = jdbc.sql("SELECT category_code, district_code, lead_unit_code, cooperating_codes,"
                            + " time_limit_code FROM case_dispatch_rule WHERE category_code = :c")
                    .param("c", code)
                    .query((rs, n) -> new Rule(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            Arrays.stream(rs.getString(4).split(","))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList(),
                            rs.getString(5)))
                    .list();
            Optional<Rule> own = rules.stream()
                    .filter(r -> districtCode != null && districtCode.equals(r.districtCode()))
                    .findFirst();
            if (own.isPresent()) {
                return own;
            }
            Optional<Rule> general =
                    rules.stream().filter(r -> r.districtCode() == null).findFirst();
            if (general.isPresent()) {
                return general;
            }
            String current = code;
            code = category(current).map(Category::parentCode).orElse(null);
        }
        return Optional.empty();
    }

    List<Rule> rules() {
        return jdbc.sql("SELECT category_code, district_code, lead_unit_code, cooperating_codes, time_limit_code"
                        + " FROM case_dispatch_rule ORDER BY category_code, district_code NULLS FIRST")
                .query((rs, n) -> new Rule(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Arrays.stream(rs.getString(4).split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList(),
                        rs.getString(5)))
                .list();
    }

    /** The knowledge base's answers for a category and its ancestors. */
    List<Answer> answers(@Nullable String categoryCode) {
        if (categoryCode == null) {
            return List.of();
        }
        return jdbc.sql("SELECT id, category_code, question, answer FROM case_knowledge WHERE category_code = :c"
                        + " ORDER BY id")
                .param("c", categoryCode)
                .query((rs, n) -> new Answer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Optional<Answer> answer(long id) {
        return jdbc.sql("SELECT id, category_code, question, answer FROM case_knowledge WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Answer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }
}
