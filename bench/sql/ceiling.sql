-- pgbench: one single-row INSERT per transaction, the shape of a case taken in through the API.
\set phone random(10000000, 99999999)
\set house random(1, 200)
INSERT INTO bench_ceiling (case_number, channel, caller_name, phone, confidential, address, district_code,
    category_code, urgent, description, status, reopen_count, escalated, idempotency_key, request_hash, token,
    created_by, created_at, updated_at)
VALUES ('B-' || nextval('bench_ceiling_seq'), 'API', '市民' || :house, '139' || :phone, false,
    '东城区和平路' || :house || '号', 'DCQ', 'NOISE', false, '工地夜间施工噪音扰民，已持续一周（压测）', 'RECEIVED', 0,
    false, 'bench-ceiling-' || currval('bench_ceiling_seq'), md5(:phone::text) || md5(:house::text),
    md5(currval('bench_ceiling_seq')::text), 'api:bench', now(), now());
