-- The review figures take supervised tasks by the period their deadline falls in.
CREATE INDEX supervision_task_deadline_idx ON supervision_task (deadline, lead_unit_id);
