package org.accord.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.accord.calendar.WorkingCalendar;
import org.accord.directory.Directory;
import org.accord.testing.IntegrationTest;
import org.accord.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Files attached to progress and completion reports: upload, listing, download, limits and data scope. */
@IntegrationTest
@TestPropertySource(properties = "db-scheduler.polling-interval=1s")
class SupervisionAttachmentIntegrationTest {

    static final AtomicLong SOURCES = new AtomicLong(70_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    Supervision supervision;

    @Autowired
    Directory directory;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    long zjj;
    long slj;
    LocalDate today;

    @BeforeEach
    void setUp() {
        zjj = directory.unitByCode("ZJJ").orElseThrow().id();
        slj = directory.unitByCode("SLJ").orElseThrow().id();
        today = calendar.dateOf(Instant.now());
    }

    long open(long lead, Set<Long> cooperating) {
        return supervision.open(new TaskRequest(
                SourceKind.DELEGATION, SOURCES.incrementAndGet(), "整治背街小巷", lead, cooperating, today.plusDays(30)));
    }

    int count(String table, long taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE task_id = :id")
                .param("id", taskId)
                .query(Integer.class)
                .single();
    }

    List<Long> attachmentIds(long taskId) {
        return jdbc.sql("SELECT id FROM supervision_attachment WHERE task_id = :id ORDER BY id")
                .param("id", taskId)
                .query(Long.class)
                .list();
    }

    static MockMultipartFile file(String name, String type, byte[] content) {
        return new MockMultipartFile("files", name, type, content);
    }

    @Test
    void theLeadLiaisonAttachesFilesThatTheTaskPageListsAndServes() throws Exception {
        long id = open(zjj, Set.of());
        MockHttpSession liaison = SignIn.as(mvc, "weilijuan");
        byte[] pdf = "%PDF-1.4 摸底报告".getBytes(StandardCharsets.UTF_8);
        byte[] page = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

        mvc.perform(multipart("/tasks/{id}/progress", id)
                        .file(file("摸底报告.pdf", "application/pdf", pdf))
                        .file(file("../../现场<照片>.html", "text/html", page))
                        .param("text", "已完成摸底，材料见附件")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("supervision_progress", id)).isEqualTo(1);
        List<Long> ids = attachmentIds(id);
        assertThat(ids).hasSize(2);
        Long entry = jdbc.sql("SELECT id FROM supervision_progress WHERE task_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM supervision_attachment WHERE entry_id = :e")
                        .param("e", entry)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // The history lists both, the name sanitised (no path, no markup characters).
        mvc.perform(get("/tasks/{id}", id).session(liaison))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("摸底报告.pdf")))
                .andExpect(content().string(containsString("现场_照片_.html")))
                .andExpect(content().string(containsString("/tasks/" + id + "/attachments/" + ids.get(0))))
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));

        // The download: the bytes, as an attachment with the UTF-8 name, never sniffed.
        mvc.perform(get("/tasks/{id}/attachments/{a}", id, ids.get(0)).session(liaison))
                .andExpect(status().isOk())
                .andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string(
                                "Content-Disposition",
                                containsString("filename*=UTF-8''%E6%91%B8%E5%BA%95%E6%8A%A5%E5%91%8A.pdf")));
        // A type outside the allow-list is served as octet-stream.
        mvc.perform(get("/tasks/{id}/attachments/{a}", id, ids.get(1)).session(SignIn.as(mvc, "huanghaitao")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(page))
                .andExpect(header().string("Content-Type", "application/octet-stream"));

        // Audited with the names and sizes.
        assertThat(jdbc.sql("SELECT after_text FROM audit_record WHERE module = 'supervision' AND object_id = :id"
                                + " AND action = 'attach'")
                        .param("id", String.valueOf(id))
                        .query(String.class)
                        .single())
                .contains("摸底报告.pdf (" + pdf.length + " B")
                .contains("现场_照片_.html");

        // Completion with evidence files goes the same way.
        mvc.perform(multipart("/tasks/{id}/completion", id)
                        .file(file("验收记录.docx", "application/msword", new byte[] {1, 2, 3}))
                        .param("evidence", "已全部完成")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(attachmentIds(id)).hasSize(3);
        assertThat(count("supervision_progress", id)).isEqualTo(2);

        // An attachment id of another task is not there under this one.
        long second = open(zjj, Set.of());
        mvc.perform(multipart("/tasks/{id}/progress", second)
                        .file(file("另一件.txt", "text/plain", new byte[] {65}))
                        .param("text", "进展")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        long foreign = attachmentIds(second).get(0);
        mvc.perform(get("/tasks/{id}/attachments/{a}", id, foreign).session(liaison))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/{id}/attachments/{a}", second, foreign).session(liaison))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/plain"));
    }

    @Test
    void anotherUnitsAttachmentIsNotThereForTheLiaison() throws Exception {
        long other = open(slj, Set.of());
        jdbc.sql("INSERT INTO supervision_progress (task_id, kind, by_username, by_name, unit_id, reported_at,"
                        + " body) VALUES (:t, 'PROGRESS', 'slj', '水利局联络员', :u, :at, '进展')")
                .param("t", other)
                .param("u", slj)
                .param("at", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        long entry = jdbc.sql("SELECT id FROM supervision_progress WHERE task_id = :t")
                .param("t", other)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO supervision_attachment (task_id, entry_id, file_name, content_type, size_bytes,"
                        + " content, uploaded_by, uploaded_at)"
                        + " VALUES (:t, :e, '水利.pdf', 'application/pdf', 3, :c, 'slj', :at)")
                .param("t", other)
                .param("e", entry)
                .param("c", new byte[] {1, 2, 3})
                .param("at", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        long attachment = attachmentIds(other).get(0);

        // ZJJ's liaison: 404, like the task itself; the office sees it.
        mvc.perform(get("/tasks/{id}/attachments/{a}", other, attachment).session(SignIn.as(mvc, "weilijuan")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/{id}/attachments/{a}", other, attachment).session(SignIn.as(mvc, "huanghaitao")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(new byte[] {1, 2, 3}));
    }

    @Test
    void tooManyOrTooLargeFilesStoreNothing() throws Exception {
        long id = open(zjj, Set.of());
        MockHttpSession liaison = SignIn.as(mvc, "weilijuan");

        MockMultipartHttpServletRequestBuilder six = multipart("/tasks/{id}/progress", id);
        for (int i = 1; i <= 6; i++) {
            six.file(file("材料" + i + ".pdf", "application/pdf", new byte[] {(byte) i}));
        }
        mvc.perform(six.param("text", "六个附件").session(liaison).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("一次最多上传 5 个附件")));

        byte[] large = new byte[11 * 1024 * 1024];
        mvc.perform(multipart("/tasks/{id}/progress", id)
                        .file(file("大文件.pdf", "application/pdf", large))
                        .param("text", "大附件")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("每个附件不能超过 10 MB")));

        mvc.perform(multipart("/tasks/{id}/progress", id)
                        .file(file("", "application/pdf", new byte[] {1}))
                        .param("text", "无名附件")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("附件缺少有效的文件名")));

        assertThat(count("supervision_progress", id)).isZero();
        assertThat(count("supervision_attachment", id)).isZero();
        assertThat(jdbc.sql("SELECT status FROM supervision_task WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("OPEN");

        // An empty file input (nothing chosen) is no attachment: the text alone is stored.
        mvc.perform(multipart("/tasks/{id}/progress", id)
                        .file(file("", "application/octet-stream", new byte[0]))
                        .param("text", "只有文字")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("supervision_progress", id)).isEqualTo(1);
        assertThat(count("supervision_attachment", id)).isZero();

        // Exactly 10 MB is still allowed, and comes back whole.
        byte[] limit = new byte[(int) Attachments.MAX_BYTES];
        limit[limit.length - 1] = 7;
        mvc.perform(multipart("/tasks/{id}/progress", id)
                        .file(file("十兆.pdf", "application/pdf", limit))
                        .param("text", "最大附件")
                        .session(liaison)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/tasks/{id}/attachments/{a}", id, attachmentIds(id).get(0))
                        .session(liaison))
                .andExpect(status().isOk())
                .andExpect(header().longValue("Content-Length", Attachments.MAX_BYTES))
                .andExpect(content().bytes(limit));
    }
}
