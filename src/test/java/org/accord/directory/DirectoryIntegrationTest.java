package org.accord.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The directory through HTTP as its users meet it: signed in for real, on the demo city. */
@IntegrationTest
class DirectoryIntegrationTest {

    static final String PASSWORD = "Demo@2026";
    static final String UNIT_HEADER = "编码,名称,简称,类别,上级编码,分管领导编码,法定权威单位,值班电话,排序\n";
    static final String PEOPLE_HEADER = "编码,姓名,单位编码,职务,领导职务,办公电话,手机,电子邮箱,联络员,排序\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    Directory directory;

    MockHttpSession signIn(String username) throws Exception {
        // The demo administrators give their second factor too.
        return SignIn.as(mvc, username);
    }

    static MockMultipartFile csv(String name, String text) {
        return new MockMultipartFile("files", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    long unitId(String code) {
        return directory.unitByCode(code).orElseThrow().id();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/directory")).andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/directory/units/" + unitId("ZJJ"))).andExpect(redirectedUrl("/signin"));
        mvc.perform(get("/signin"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("演示账号")))
                .andExpect(content().string(containsString("chenzhihua")));
    }

    @Test
    void aWrongPasswordIsRefusedWithAChineseMessage() throws Exception {
        mvc.perform(post("/signin")
                        .param("username", "huanghaitao")
                        .param("password", "wrong")
                        .with(csrf()))
                .andExpect(redirectedUrl("/signin?error"));
        mvc.perform(get("/signin").param("error", "")).andExpect(content().string(containsString("用户名或密码不正确")));
    }

    @Test
    void theHomePageGreetsTheSignedInPerson() throws Exception {
        mvc.perform(get("/").session(signIn("chenzhihua")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("陈志华，您好")))
                .andExpect(content().string(containsString("下一个工作日")))
                .andExpect(content().string(containsString("市政府领导")));
    }

    @Test
    void theTreeShowsTheCityFromTheProvinceDown() throws Exception {
        mvc.perform(get("/directory").session(signIn("huanghaitao")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("示例省人民政府")))
                .andExpect(content().string(containsString("示例市人民政府办公室")))
                .andExpect(content().string(containsString("市政府办公室总值班室")))
                .andExpect(content().string(containsString("示例市东城区住房和城乡建设局")))
                .andExpect(content().string(containsString("中共示例市委办公室")))
                .andExpect(content().string(containsString("导入导出")));
    }

    @Test
    void aUnitPageShowsItsLiaisonsOverseerAndDirection() throws Exception {
        mvc.perform(get("/directory/units/" + unitId("ZJJ")).session(signIn("weilijuan")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("示例市住房和城乡建设局")))
                .andExpect(content().string(containsString("魏丽娟")))
                .andExpect(content().string(containsString("陈志华（副市长）")))
                .andExpect(content().string(containsString("对下")))
                .andExpect(content().string(not(containsString("导入导出"))));
        mvc.perform(get("/directory/units/" + unitId("SWBGS")).session(signIn("huanghaitao")))
                .andExpect(content().string(containsString("平行")));
    }

    @Test
    void aLeadersPageListsTheUnitsHeOversees() throws Exception {
        long chen = directory.personByCode("P0003").orElseThrow().id();
        mvc.perform(get("/directory/people/" + chen).session(signIn("huanghaitao")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("分管单位")))
                .andExpect(content().string(containsString("示例市水利局")))
                .andExpect(content().string(containsString("对上")));
    }

    @Test
    void findsPeopleAndUnitsByName() throws Exception {
        MockHttpSession staff = signIn("huanghaitao");
        mvc.perform(get("/directory/search").param("q", "魏丽娟").session(staff))
                .andExpect(content().string(containsString("市住建局")));
        mvc.perform(get("/directory/search").param("q", "水利").session(staff))
                .andExpect(content().string(containsString("示例市水利局")));
        mvc.perform(get("/directory/search").param("q", "不存在的名字").session(staff))
                .andExpect(content().string(containsString("没有找到")));
    }

    @Test
    void anUnknownUnitIsA404InChinese() throws Exception {
        mvc.perform(get("/directory/units/987654").accept(MediaType.TEXT_HTML).session(signIn("huanghaitao")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在")));
    }

    @Test
    void aLiaisonMayNotImportOrExport() throws Exception {
        MockHttpSession liaison = signIn("weilijuan");
        mvc.perform(get("/directory/import").session(liaison)).andExpect(status().isForbidden());
        mvc.perform(get("/directory/export.xlsx").session(liaison)).andExpect(status().isForbidden());
        mvc.perform(multipart("/directory/import")
                        .file(csv("units.csv", UNIT_HEADER + "NEW1,新单位,,工作部门,SZF,,否,,1\n"))
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(directory.unitByCode("NEW1")).isEmpty();
    }

    @Test
    void aBadFileListsItsErrorsInChineseAndChangesNothing() throws Exception {
        DirectoryCounts before = directory.counts();
        mvc.perform(multipart("/directory/import")
                        .file(csv(
                                "units.csv",
                                UNIT_HEADER
                                        + "BAD1,坏单位,,工作部门,NOPE,,否,,1\n"
                                        + "BAD2,另一个,,工作部门,SZF,P0076,否,,2\n"
                                        + "ZJJ,示例市住房和城乡建设局（改名）,,工作部门,SZF,,否,,3\n"))
                        .file(csv("people.csv", PEOPLE_HEADER + "PX1,某人,NOUNIT,科员,,,,bad-mail,否,1\n"))
                        .param("mode", "MERGE")
                        .session(signIn("huanghaitao"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未导入")))
                .andExpect(content().string(containsString("通讯录没有任何改动")))
                .andExpect(content().string(containsString("电子邮箱“bad-mail”格式不正确")));
        // Cell errors stop the file before references are looked at; fix the cell and the references show.
        mvc.perform(multipart("/directory/import")
                        .file(csv(
                                "units.csv",
                                UNIT_HEADER
                                        + "BAD1,坏单位,,工作部门,NOPE,,否,,1\n"
                                        + "BAD2,另一个,,工作部门,SZF,P0076,否,,2\n"
                                        + "ZJJ,示例市住房和城乡建设局（改名）,,工作部门,SZF,,否,,3\n"))
                        .param("mode", "MERGE")
                        .session(signIn("huanghaitao"))
                        .with(csrf()))
                .andExpect(content().string(containsString("上级单位“NOPE”不存在")))
                .andExpect(content().string(containsString("“P0076”不是市政府领导")));
        assertThat(directory.counts()).isEqualTo(before);
        assertThat(directory.unitByCode("ZJJ").orElseThrow().name()).isEqualTo("示例市住房和城乡建设局");
        assertThat(directory.unitByCode("BAD2")).isEmpty();
    }

    @Test
    void replacingNeedsBothTables() throws Exception {
        mvc.perform(multipart("/directory/import")
                        .file(csv("units.csv", UNIT_HEADER + "SZF,示例市人民政府,,人民政府,,,否,,1\n"))
                        .param("mode", "REPLACE")
                        .session(signIn("sysadmin"))
                        .with(csrf()))
                .andExpect(content().string(containsString("替换方式须同时提供")));
    }

    @Test
    void aGoodFileIsPreviewedThenAppliedOnConfirmation() throws Exception {
        MockHttpSession staff = signIn("huanghaitao");
        MvcResult preview = mvc.perform(multipart("/directory/import")
                        .file(csv("units.csv", UNIT_HEADER + "SJSJ,示例市数据局,市数据局,工作部门,SZF,P0002,否,0999-8200999,40\n"))
                        .file(csv(
                                "people.csv",
                                PEOPLE_HEADER
                                        + "P9001,欧阳明,SJSJ,局长,,0999-8209001,13900009001,oym@shili.example,否,1\n"
                                        + "P9002,上官燕,SJSJ,办公室主任,,0999-8209002,13900009002,sgy@shili.example,是,2\n"))
                        .param("mode", "MERGE")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入预览")))
                .andExpect(content().string(containsString("新增单位：示例市数据局（SJSJ）")))
                .andReturn();
        assertThat(directory.unitByCode("SJSJ"))
                .as("nothing changes before confirmation")
                .isEmpty();

        String html = preview.getResponse().getContentAsString();
        String action = html.replaceAll("(?s).*action=\"(/directory/import/\\d+/confirm)\".*", "$1");
        MvcResult confirmed = mvc.perform(post(action).session(staff).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String progressPage = confirmed.getResponse().getRedirectedUrl();
        waitUntilDone(progressPage + "/progress", staff);

        mvc.perform(get(progressPage).session(staff)).andExpect(content().string(containsString("导入完成")));
        UnitSummary bureau = directory.unitByCode("SJSJ").orElseThrow();
        assertThat(directory.liaisons(bureau.id()))
                .extracting(PersonSummary::name)
                .containsExactly("上官燕");
        assertThat(directory.overseeingLeader(bureau.id()).orElseThrow().name()).isEqualTo("王建国");

        // The same import cannot be applied twice.
        mvc.perform(post(action).session(staff).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void theExportReadsBackAsUnchanged() throws Exception {
        MockHttpSession admin = signIn("sysadmin");
        byte[] workbook = mvc.perform(get("/directory/export.xlsx").session(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String units = mvc.perform(get("/directory/export/units.csv").session(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(units).contains("示例市应急管理局");

        mvc.perform(multipart("/directory/import")
                        .file(new MockMultipartFile("files", "通讯录.xlsx", "application/octet-stream", workbook))
                        .param("mode", "REPLACE")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入预览")))
                .andExpect(content().string(not(containsString("新增单位："))))
                .andExpect(content().string(not(containsString("修改单位："))))
                .andExpect(content().string(not(containsString("停用单位："))))
                .andExpect(content().string(not(containsString("停用人员："))));
    }

    private void waitUntilDone(String progressUrl, MockHttpSession session) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String fragment = mvc.perform(get(progressUrl).session(session))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if (fragment.contains("data-status=\"DONE\"") || fragment.contains("data-status=\"FAILED\"")) {
                assertThat(fragment).contains("data-status=\"DONE\"");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The import did not finish within 30 s");
    }
}
