-- The volume of issue 9, in the benchmark's database only (bench/volume): :cases hotline cases and :documents
-- issued documents, spread over the last 12 months, with units, categories and districts of the demo directory
-- and dispatch catalogue, and titles and texts combined from a short list of Chinese phrases. Each set-based
-- statement writes every row of a table at once (INSERT … SELECT … FROM generate_series), so a million rows take
-- seconds, not hours. Rows follow the application's own rules: a dispatched case has its lead unit's share and the
-- catalogue's time-limit class; an issued document has its matter, the deciding leader as a party, its number and
-- its first revision.

-- Who and what the rows refer to, looked up by code so that the directory's ids may be anything.
CREATE TEMP TABLE bench_ref AS
SELECT (SELECT id FROM directory_person WHERE code = 'P0037') AS operator_id,
       (SELECT id FROM directory_person WHERE code = 'P0011') AS drafter_id,
       (SELECT unit_id FROM directory_person WHERE code = 'P0011') AS drafter_unit_id,
       (SELECT id FROM directory_unit WHERE code = 'SZFB') AS office_id,
       -- Main addressees are stored as unit ids: five city bureaus.
       (SELECT string_agg(id::text, ',' ORDER BY sort_order, id) FROM directory_unit
        WHERE code IN ('ZJJ', 'CGJ', 'SLJ', 'WJW', 'YJJ')) AS addressees;

-- The 18 (category, district) pairs of the catalogue's leaf categories, with the rule that applies to each: the
-- district's own rule where there is one, else the city-wide one.
CREATE TEMP TABLE bench_route AS
SELECT row_number() OVER (ORDER BY c.code, d.district) - 1 AS n, c.code AS category_code, d.district,
       u.id AS lead_unit_id, r.time_limit_code, t.working_days
FROM case_category c
CROSS JOIN (VALUES ('DCQ'), ('XHQ'), ('NSQ')) AS d (district)
JOIN case_dispatch_rule r ON r.category_code = c.code
     AND (r.district_code = d.district
          OR (r.district_code IS NULL AND NOT EXISTS (
              SELECT 1 FROM case_dispatch_rule o WHERE o.category_code = c.code AND o.district_code = d.district)))
JOIN directory_unit u ON u.code = r.lead_unit_code
JOIN case_time_limit t ON t.code = r.time_limit_code
WHERE NOT EXISTS (SELECT 1 FROM case_category child WHERE child.parent_code = c.code);

-- One row per new case: its id from the table's own sequence, when it came in, and dice for the rest.
CREATE TEMP TABLE bench_case AS
SELECT nextval(pg_get_serial_sequence('hotline_case', 'id')) AS id,
       g,
       now() - (random() * interval '365 days') AS at,
       (random() * 100)::int AS dice,
       (SELECT count(*) FROM bench_route) AS routes
FROM generate_series(1, :cases) AS g;

-- Older cases are mostly closed; the last weeks' still open. Status by age and a die.
INSERT INTO hotline_case (id, case_number, channel, caller_name, phone, confidential, address, district_code,
                          category_code, urgent, description, status, time_limit_code, deadline, lead_unit_id,
                          reopen_count, escalated, reply_text, satisfaction, solved, closing, dispatcher_id,
                          created_by, created_at, dispatched_at, updated_at, closed_at)
SELECT c.id,
       '12345-' || to_char(c.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-' || lpad(c.id::text, greatest(6, length(c.id::text)), '0'),
       (ARRAY['PHONE', 'PHONE', 'PHONE', 'PHONE', 'WEB', 'OPEN311', 'API'])[1 + c.g % 7],
       (ARRAY['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'])[1 + c.g % 10]
           || (ARRAY['先生', '女士'])[1 + (c.g / 10) % 2],
       '139' || lpad(((c.g::bigint * 7919) % 100000000)::text, 8, '0'),
       c.dice < 3,
       (CASE r.district WHEN 'DCQ' THEN '东城区' WHEN 'XHQ' THEN '西湖区' ELSE '南山区' END)
           || (ARRAY['和平路', '建设街', '文三路', '天目山路', '科技园路', '滨海大道', '解放路', '人民路'])[1 + (c.g / 3) % 8]
           || (1 + c.g % 300) || '号',
       r.district,
       r.category_code,
       r.time_limit_code = 'URGENT',
       (ARRAY['小区门口', '学校附近', '菜市场旁', '地铁站出口', '老旧小区内', '工地周边'])[1 + c.g % 6]
           || (CASE r.category_code
                   WHEN 'NOISE' THEN (ARRAY['夜间施工噪音扰民，已持续一周', '广场舞音响声音过大，影响老人休息', '酒吧深夜营业噪音大'])[1 + c.g % 3]
                   WHEN 'STREET' THEN (ARRAY['早晚高峰占道经营，行人无法通行', '流动摊贩堵塞消防通道', '店铺外摆占用盲道'])[1 + c.g % 3]
                   WHEN 'DRAIN-SEWAGE' THEN (ARRAY['雨后污水从井盖冒出', '下水道堵塞，污水溢到路面', '化粪池满溢，气味刺鼻'])[1 + c.g % 3]
                   WHEN 'HOUSE-QUALITY' THEN (ARRAY['楼道墙体出现裂缝', '新房交付后屋顶渗水', '外墙瓷砖脱落，存在安全隐患'])[1 + c.g % 3]
                   WHEN 'PROPERTY' THEN (ARRAY['物业擅自提高收费标准', '电梯长期故障，物业不予维修', '物业未经业主同意出租公共区域'])[1 + c.g % 3]
                   ELSE (ARRAY['咨询公积金贷款额度如何计算', '咨询人才公寓申请条件', '咨询老旧小区改造政策'])[1 + c.g % 3]
               END)
           || (ARRAY['，请尽快处理。', '，多次反映未解决，希望有关部门重视。', '，请相关部门核实。', '。'])[1 + (c.g / 7) % 4],
       s.status,
       CASE WHEN s.status <> 'RECEIVED' THEN r.time_limit_code END,
       CASE WHEN s.status <> 'RECEIVED'
            THEN (c.at AT TIME ZONE 'Asia/Shanghai')::date + (r.working_days * 7 / 5) END,
       CASE WHEN s.status <> 'RECEIVED' THEN r.lead_unit_id END,
       0,
       false,
       CASE WHEN s.status IN ('REPLIED', 'VISIT', 'CLOSED') THEN '经现场核查，已责成有关单位整改，问题已解决。' END,
       CASE WHEN s.status = 'CLOSED' THEN 'SATISFIED' END,
       CASE WHEN s.status = 'CLOSED' THEN 'SOLVED' END,
       CASE WHEN s.status = 'CLOSED' THEN 'SATISFIED' END,
       CASE WHEN s.status <> 'RECEIVED' THEN ref.operator_id END,
       '钱海涛',
       c.at,
       CASE WHEN s.status <> 'RECEIVED' THEN c.at + interval '40 minutes' END,
       LEAST(now(), c.at + interval '4 days'),
       CASE WHEN s.status = 'CLOSED' THEN LEAST(now(), c.at + interval '6 days') END
FROM bench_case c
JOIN bench_route r ON r.n = c.g % c.routes
CROSS JOIN bench_ref ref
CROSS JOIN LATERAL (SELECT CASE
        WHEN c.at > now() - interval '2 days' AND c.dice < 30 THEN 'RECEIVED'
        WHEN c.at > now() - interval '20 days' AND c.dice < 60 THEN 'DISPATCHED'
        WHEN c.at > now() - interval '20 days' AND c.dice < 75 THEN 'REPLIED'
        WHEN c.at > now() - interval '20 days' AND c.dice < 85 THEN 'VISIT'
        WHEN c.dice < 2 THEN 'DISPATCHED'
        ELSE 'CLOSED' END AS status) s;

-- The lead unit's share of every dispatched case.
INSERT INTO case_share (case_id, unit_id, role, status, assigned_at, sign_due, signed_at, report_text, reported_at)
SELECT h.id, h.lead_unit_id, 'LEAD',
       CASE WHEN h.status = 'DISPATCHED' THEN 'SIGNED' ELSE 'REPLIED' END,
       h.dispatched_at, h.dispatched_at + interval '4 hours', h.dispatched_at + interval '1 hour',
       h.reply_text, CASE WHEN h.reply_text IS NOT NULL THEN h.dispatched_at + interval '3 days' END
FROM hotline_case h
JOIN bench_case c ON c.id = h.id
WHERE h.lead_unit_id IS NOT NULL;

-- The timeline's first entry, shown on the citizen's status page.
INSERT INTO case_event (case_id, at, actor, unit_id, kind, body, public_note)
SELECT h.id, h.created_at, '钱海涛', NULL, 'intake', '已受理，编号 ' || h.case_number, true
FROM hotline_case h
JOIN bench_case c ON c.id = h.id;

-- Documents: one matter each (kind DOCUMENT, the drafter as owner, the signing leader as deciding party), the
-- document issued with its number, and its first revision.
CREATE TEMP TABLE bench_document AS
SELECT nextval(pg_get_serial_sequence('coordination_matter', 'id')) AS matter_id,
       nextval(pg_get_serial_sequence('document', 'id')) AS id,
       g,
       now() - (random() * interval '365 days') AS at,
       (SELECT id FROM directory_person WHERE code = (ARRAY['P0003', 'P0004'])[1 + g % 2]) AS signer_id,
       (ARRAY['关于加强', '关于做好', '关于进一步规范', '关于开展', '关于印发'])[1 + g % 5]
           || (ARRAY['冬季安全生产', '防汛防台', '城市管理', '老旧小区改造', '12345热线办理', '营商环境优化',
                     '食品安全', '消防安全检查', '校园周边环境整治', '重点项目建设'])[1 + (g / 5) % 10]
           || (ARRAY['工作的通知', '工作方案的通知', '有关事项的通知', '工作的意见', '情况的通报'])[1 + (g / 50) % 5]
           AS title,
       (ARRAY['NOTICE', 'NOTICE', 'OPINION', 'BULLETIN', 'LETTER', 'REPORT'])[1 + g % 6] AS genre
FROM generate_series(1, :documents) AS g;

INSERT INTO coordination_matter (id, title, kind, status, owner_id, owner_unit_id, deciding_leader_id, background,
                                 purpose, created_at, closed_at)
SELECT d.matter_id, d.title, 'DOCUMENT', 'CLOSED', ref.drafter_id, ref.drafter_unit_id, d.signer_id,
       '起草公文：' || d.title, '', d.at, d.at + interval '5 days'
FROM bench_document d CROSS JOIN bench_ref ref;

INSERT INTO coordination_party (matter_id, unit_id, person_id, role, direction, name)
SELECT d.matter_id, NULL, d.signer_id, 'DECIDING_LEADER', 'UP',
       p.name || '（' || CASE p.leader_title WHEN 'VICE_MAYOR' THEN '副市长' WHEN 'MAYOR' THEN '市长' ELSE '市政府领导' END || '）'
FROM bench_document d JOIN directory_person p ON p.id = d.signer_id;

INSERT INTO document (id, matter_id, genre, status, drafter_id, issuer_unit_id, issuer_code, signer_id, number_year,
                      number_sequence, number_text, document_date, revision, created_at, updated_at, issued_at)
SELECT d.id, d.matter_id, d.genre, 'ISSUED', ref.drafter_id, ref.office_id, '示例府办发', d.signer_id,
       extract(year FROM d.at)::int, 10000 + d.g,
       '示例府办发〔' || extract(year FROM d.at)::int || '〕' || (10000 + d.g) || '号',
       (d.at + interval '5 days')::date, 1, d.at, d.at + interval '5 days', d.at + interval '5 days'
FROM bench_document d CROSS JOIN bench_ref ref;

INSERT INTO document_revision (document_id, number, title, main_addressees, copy_to, co_issuers, body, attachments,
                               printing_unit, present, excused, observers, full_text, saved_by, saved_by_name,
                               saved_at)
SELECT d.id, 1, d.title, ref.addressees, '', '',
       '为' || (ARRAY['切实保障人民群众生命财产安全', '进一步提升服务效能', '推动工作落实落细'])[1 + d.g % 3]
           || '，经市政府同意，现就有关事项通知如下：一、提高思想认识，压实工作责任。二、突出工作重点，'
           || (ARRAY['全面排查隐患', '加快推进进度', '强化部门协同'])[1 + (d.g / 3) % 3]
           || '。三、加强督促检查，确保各项措施落到实处。',
       '', '示例市人民政府办公室', '', '', '',
       d.title || ' 为切实做好相关工作，经市政府同意，现就有关事项通知如下。',
       'huanghaitao', '黄海涛', d.at
FROM bench_document d CROSS JOIN bench_ref ref;

-- The cases were written past the cases module, so the days they fall on are counted again by its roll-up task
-- (docs/decisions/0026-case-figures-rolled-up-by-day.md); until it has, those days are counted from the cases.
DELETE FROM case_figure_day_state;

SELECT (SELECT count(*) FROM bench_case) AS cases, (SELECT count(*) FROM bench_document) AS documents;
