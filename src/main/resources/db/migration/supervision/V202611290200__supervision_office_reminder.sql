-- The office's reminder (催办) to the lead unit goes on the task's history beside the leader's urging. It is not a
-- row of supervision_reminder: that table keeps one row per timer kind so that a timer sends once, whereas the
-- office may remind a unit as often as the work needs.
ALTER TABLE supervision_progress DROP CONSTRAINT supervision_progress_kind_ck;
ALTER TABLE supervision_progress ADD CONSTRAINT supervision_progress_kind_ck
    CHECK (kind IN ('PROGRESS', 'NOTE', 'COMPLETION', 'ACCEPTED', 'REJECTED', 'URGED', 'REMINDED'));
