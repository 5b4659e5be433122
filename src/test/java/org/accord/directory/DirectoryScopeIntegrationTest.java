package org.accord.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.accord.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A liaison of 市住建局 sees their own unit, the general office and the leaders — and nothing of
 * other units, not in the tree, the search, the counts or the home page.
 */
@IntegrationTest
class DirectoryScopeIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    Directory directory;

    RequestPostProcessor as(String username) {
        return user(accounts.loadUserByUsername(username));
    }

    String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theTreeShowsTheLiaisonsUnitTheOfficeAndTheLeadersOnly() throws Exception {
        String tree = page("/directory", "weilijuan");
        assertThat(tree).contains("示例市住房和城乡建设局", "城市建设科", "示例市人民政府办公室", "秘书科", "陈志华");
        assertThat(tree).doesNotContain("示例市水利局", "东城区", "中共示例市委办公室", "示例省人民政府办公厅");
        assertThat(page("/directory", "huanghaitao")).contains("示例市水利局", "东城区");
    }

    @Test
    void theGovernmentsPageListsOnlyTheUnitsTheLiaisonMaySee() throws Exception {
        long government = directory.unitByCode("SZF").orElseThrow().id();
        String page = page("/directory/units/" + government, "weilijuan");
        assertThat(page).contains("示例市住房和城乡建设局", "示例市人民政府办公室").doesNotContain("示例市水利局", "东城区");
        assertThat(page("/directory/units/" + government, "huanghaitao")).contains("示例市水利局");
    }

    @Test
    void searchFindsNothingOutsideTheScopeNotEvenACount() throws Exception {
        String liaison = page("/directory/search?q=水利", "weilijuan");
        assertThat(liaison).doesNotContain("示例市水利局", "袁磊").contains("没有找到");
        String byPhone = page("/directory/search?q=13910681034", "weilijuan"); // 袁磊's mobile, 市水利局
        assertThat(byPhone).doesNotContain("袁磊");
        assertThat(page("/directory/search?q=魏丽娟", "weilijuan")).contains("魏丽娟");
        assertThat(page("/directory/search?q=水利", "huanghaitao")).contains("示例市水利局");
    }

    @Test
    void theLiaisonsHomeShowsTheirUnitNotTheSizeOfTheDirectory() throws Exception {
        String home = page("/", "weilijuan");
        assertThat(home).contains("本单位", "示例市住房和城乡建设局").doesNotContain("个单位");
        assertThat(page("/", "huanghaitao")).contains("个单位");
    }
}
