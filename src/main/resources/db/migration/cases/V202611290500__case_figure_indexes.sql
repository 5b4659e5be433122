-- The review dashboards count a period's cases and shares (CasePeriodFigures). With a year of cases a month is a
-- twelfth of the table, spread over all its pages, so reading the rows meant reading nearly the whole table.
-- These indexes hold every column the counts read, led by the column the period is a range on, so PostgreSQL
-- answers from the indexes alone (index-only scans) and reads only the period's part of them. Shares are reached
-- by the time they were assigned, which is never before their case was taken in (docs/review.md, Scale).
CREATE INDEX hotline_case_figures_idx ON hotline_case (created_at, status, lead_unit_id, category_code,
    district_code, created_by, closing, satisfaction, dispatched_at, reopen_count, deadline, id);
CREATE INDEX case_share_figures_idx ON case_share (assigned_at, case_id, unit_id, role, status, signed_at,
    sign_due, reported_at);
