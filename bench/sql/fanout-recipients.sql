-- The fan-out's recipients: 30 units with 10 liaisons each, every liaison a person with an account (the password
-- of the demo liaison weilijuan, copied with her account's settings), and a notification plan that tells all 30
-- units of an incident of the type 压测通知事件. Only in the benchmark's database.
INSERT INTO directory_unit (code, name, short_name, kind, parent_id, overseeing_leader_id, authoritative, duty_phone,
                            sort_order, active)
SELECT 'BENCH-' || lpad(g::text, 2, '0'), '压测单位' || g, '压测' || g, u.kind, u.parent_id, u.overseeing_leader_id,
       false, NULL, 9000 + g, true
FROM generate_series(1, 30) g, directory_unit u
WHERE u.code = 'ZJJ';

INSERT INTO directory_person (code, name, unit_id, position, leader_title, phone, mobile, email, liaison, sort_order,
                              active)
SELECT 'BENCH-P' || lpad(g::text, 3, '0'), '压测联络员' || g, u.id, '联络员', NULL, NULL, NULL, NULL, true, g, true
FROM generate_series(1, 300) g
JOIN directory_unit u ON u.code = 'BENCH-' || lpad((((g - 1) % 30) + 1)::text, 2, '0');

INSERT INTO security_account (username, password_hash, display_name, role, person_id, unit_id, enabled, created_at,
                              must_change_password, password_changed_at)
SELECT 'bench' || substr(p.code, 8), t.password_hash, p.name, t.role, p.id, p.unit_id, true, now(), false,
       t.password_changed_at
FROM directory_person p, security_account t
WHERE p.code LIKE 'BENCH-P%' AND t.username = 'weilijuan';

INSERT INTO duty_plan_entry (event_type, level, district_code, unit_code, district_suffix, role)
SELECT '压测通知事件', 'IV', '*', code, NULL, 'INFORMED'
FROM directory_unit
WHERE code LIKE 'BENCH-__';
