-- Meetings, the duty desk and leaders' instructions open supervised tasks of their own kinds.
ALTER TABLE supervision_task DROP CONSTRAINT supervision_task_source_ck;
ALTER TABLE supervision_task ADD CONSTRAINT supervision_task_source_ck
    CHECK (source_kind IN ('MEASURE', 'DELEGATION', 'CASE', 'COOPERATION', 'ARRANGEMENT', 'INSTRUCTION'));
