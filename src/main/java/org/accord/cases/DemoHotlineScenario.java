package org.accord.cases;

import java.time.LocalDate;
import java.util.List;
import org.accord.directory.Directory;
import org.accord.security.DataScopes;
import org.accord.security.SignedInAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Scenario 3 of docs/tour.md in the demo, left where the office has a decision to make: a sewage overflow in 东城区
 * dispatched to 市城管局 under 陈志华's delegation, returned by 市城管局 (the drainage network is 市住建局's),
 * re-dispatched to 市住建局, signed for, and an extension asked for — waiting for 钱海涛's decision. Each step is
 * done as the person who does it on the case's page, through the same {@link CaseDesk}.
 */
@Component
@Profile("demo")
@Order(50)
class DemoHotlineScenario implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHotlineScenario.class);
    static final String PHONE = "13722223333";

    private final CaseDesk desk;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final UserDetailsService accounts;
    private final DataScopes scopes;

    DemoHotlineScenario(
            CaseDesk desk, Directory directory, JdbcClient jdbc, UserDetailsService accounts, DataScopes scopes) {
        this.desk = desk;
        this.directory = directory;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.scopes = scopes;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM hotline_case WHERE phone = :phone")
                        .param("phone", PHONE)
                        .query(Integer.class)
                        .single()
                > 0) {
            return;
        }
        var cityManagement = directory.unitByCode("CGJ");
        var housing = directory.unitByCode("ZJJ");
        var district = directory.unitByCode("DCQ-BGS");
        var viceMayor = directory.personByCode("P0003");
        if (cityManagement.isEmpty() || housing.isEmpty() || district.isEmpty() || viceMayor.isEmpty()) {
            log.warn("Demo hotline scenario not loaded: its units or leader are missing from the directory");
            return;
        }
        try {
            SignedInAccount operator = as("qianhaitao");
            long id = desk.intake(
                            new CaseDesk.Intake(
                                    "孙桂兰",
                                    PHONE,
                                    false,
                                    "东城区民主路与建设巷交叉口",
                                    "DCQ",
                                    "DRAIN-SEWAGE",
                                    false,
                                    "路口雨水篦子和污水井连续三天往外冒污水，臭味很大，行人只能绕到机动车道。" + "问过街道，说管网归城管，城管又说是住建的，没人来处理。",
                                    null,
                                    null),
                            Channel.PHONE,
                            "qianhaitao",
                            null)
                    .id();
            desk.dispatch(
                    id,
                    scopes.current(),
                    operator,
                    new CaseDesk.Dispatch(
                            cityManagement.get().id(),
                            List.of(district.get().id()),
                            "COMPLAINT",
                            null,
                            null,
                            viceMayor.get().id(),
                            "请热线办牵头协调，先处置冒溢，再厘清排水管网管养责任",
                            "可直接改派承办单位、批准延期"));

            SignedInAccount liaison = as("panlei");
            desk.requestReturn(
                    id,
                    scopes.current(),
                    liaison,
                    "该处为市政排水管网，管养单位不是我局",
                    "《示例市城市排水管理办法》第八条：市政排水管网由市住建部门负责管养",
                    housing.get().id());

            operator = as("qianhaitao");
            CaseView returned = desk.get(id, scopes.current(), operator);
            long share = returned.shares().stream()
                    .filter(s -> s.status() == ShareStatus.RETURN_REQUESTED)
                    .findFirst()
                    .orElseThrow()
                    .id();
            desk.decideReturn(
                    id, scopes.current(), operator, share, true, housing.get().id(), null);

            SignedInAccount housingLiaison = as("weilijuan");
            desk.signFor(id, scopes.current(), housingLiaison);
            CaseView signed = desk.get(id, scopes.current(), housingLiaison);
            LocalDate deadline = signed.deadline();
            if (deadline != null) {
                desk.requestExtension(
                        id, scopes.current(), housingLiaison, deadline.plusDays(7), "需组织管网清疏和闭水检测，施工须占用半幅道路");
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private SignedInAccount as(String username) {
        SignedInAccount account = (SignedInAccount) accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
        return account;
    }
}
