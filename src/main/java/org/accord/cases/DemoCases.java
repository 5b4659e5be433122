package org.accord.cases;

import java.util.List;
import org.accord.security.DataScopes;
import org.accord.security.SignedInAccount;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * A few demo cases on an empty database, taken in and dispatched by the hotline operator 钱海涛: a housing-quality
 * case led by 市住建局 with two cooperating units (case 1), a sewage overflow led by 市水利局 (case 2, outside 市住建局's
 * view), and a noise complaint not dispatched yet (case 3).
 */
@Component
@Profile("demo")
@Order(40)
class DemoCases implements ApplicationRunner {

    private final CaseDesk desk;
    private final JdbcClient jdbc;
    private final UserDetailsService accounts;
    private final DataScopes scopes;

    DemoCases(CaseDesk desk, JdbcClient jdbc, UserDetailsService accounts, DataScopes scopes) {
        this.desk = desk;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.scopes = scopes;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM hotline_case").query(Integer.class).single() > 0) {
            return;
        }
        SignedInAccount operator = (SignedInAccount) accounts.loadUserByUsername("qianhaitao");
        var context = SecurityContextHolder.getContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(operator, null, operator.getAuthorities()));
        try {
            long housing = take(
                    "张建国", "13812341234", true, "东城区和平路12号3栋", "DCQ", "HOUSE-QUALITY", false, "新交付住房外墙渗水，多次找开发商未解决。");
            desk.dispatch(housing, scopes.current(), operator, empty());
            long sewage =
                    take("李秀英", "13698765432", false, "西湖区文一路88号", "XHQ", "DRAIN-SEWAGE", true, "小区门口污水井冒溢，污水流到人行道上。");
            desk.dispatch(sewage, scopes.current(), operator, empty());
            take("张建国", "13812341234", false, "东城区和平路工地", "DCQ", "NOISE", false, "工地夜间施工到凌晨，噪音扰民。");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long take(
            String name,
            String phone,
            boolean confidential,
            String address,
            String district,
            String category,
            boolean urgent,
            String text) {
        return desk.intake(
                        new CaseDesk.Intake(
                                name, phone, confidential, address, district, category, urgent, text, null, null),
                        Channel.PHONE,
                        "qianhaitao",
                        null)
                .id();
    }

    private static CaseDesk.Dispatch empty() {
        return new CaseDesk.Dispatch(null, List.<Long>of(), null, null, null, null, null, null);
    }
}
