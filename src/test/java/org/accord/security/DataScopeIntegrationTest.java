package org.accord.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Each role's data scope on the demo city, as modules will apply it in their queries. */
@IntegrationTest
class DataScopeIntegrationTest {

    @Autowired
    DataScopes scopes;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    Directory directory;

    DataScope of(String username) {
        return scopes.of((SignedInAccount) accounts.loadUserByUsername(username));
    }

    long unit(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    @Test
    void aLeaderSeesTheUnitsRoutedToHimAndWhatIsUnderThem() {
        DataScope chen = of("chenzhihua");
        assertThat(chen.kind()).isEqualTo(DataScope.Kind.LEADER);
        assertThat(chen.coversUnit(unit("ZJJ"))).isTrue();
        assertThat(chen.coversUnit(unit("SLJ-FHK")))
                .as("a section of a bureau he oversees")
                .isTrue();
        assertThat(chen.coversUnit(unit("WJW"))).as("overseen by 刘芳").isFalse();
        assertThat(chen.coversUnit(unit("DCQ-ZJJ")))
                .as("a district's bureau routes to the mayor")
                .isFalse();
    }

    @Test
    void aLiaisonSeesTheirOwnUnitOnly() {
        DataScope liaison = of("weilijuan");
        assertThat(liaison.kind()).isEqualTo(DataScope.Kind.UNIT);
        assertThat(liaison.coversUnit(unit("ZJJ"))).isTrue();
        assertThat(liaison.coversUnit(unit("SLJ"))).isFalse();
    }

    @Test
    void officeStaffSeeTheOfficesWorkAndTheAdministratorsNoBusinessData() {
        assertThat(of("huanghaitao").coversUnit(unit("SLJ"))).isTrue();
        for (String admin : new String[] {"sysadmin", "secadmin", "auditor"}) {
            DataScope scope = of(admin);
            assertThat(scope.kind()).isEqualTo(DataScope.Kind.NONE);
            assertThat(scope.coversUnit(unit("ZJJ"))).isFalse();
        }
    }
}
