-- The ceiling's table: hotline_case's columns, constraints and indexes, so that a row is as wide and costs as
-- many index updates as a case. Made in the benchmark's database only, never by a migration.
DROP TABLE IF EXISTS bench_ceiling;
DROP SEQUENCE IF EXISTS bench_ceiling_seq;
CREATE TABLE bench_ceiling (LIKE hotline_case INCLUDING ALL);
CREATE SEQUENCE bench_ceiling_seq;
