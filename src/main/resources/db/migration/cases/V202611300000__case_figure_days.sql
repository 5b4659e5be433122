-- The case figures of each past day, kept so that a dashboard over a month or a year adds up a few rows per day
-- instead of joining every case and share of the period (docs/decisions/0026-case-figures-rolled-up-by-day.md).
-- A day is read from here only while its state row says it is rolled up; any change to one of its cases clears
-- that in the change's own transaction, and the roll-up task counts the day again.
CREATE TABLE case_figure_day (
    intake_day    DATE         NOT NULL,
    figure        VARCHAR(40)  NOT NULL,
    -- the lead unit for the figures of a case, the share's unit for the figures of a share
    unit_id       BIGINT,
    category_code VARCHAR(32),
    district_code VARCHAR(32),
    created_by    VARCHAR(100),
    base          BIGINT       NOT NULL,
    met           BIGINT       NOT NULL
);

CREATE INDEX case_figure_day_idx ON case_figure_day (intake_day);

-- fingerprint: of the figures' definitions and the calendar zone the day was counted with; a day counted under
-- others is not current (a release that changes a figure counts every day again).
CREATE TABLE case_figure_day_state (
    intake_day  DATE        NOT NULL PRIMARY KEY,
    rolled_up   BOOLEAN     NOT NULL,
    fingerprint VARCHAR(64)
);
