-- Background offline imports started from the page (OfflineImportJobs): the job's phase and progress, so that a
-- poll on any node sees it. The node running the job writes its progress about once a second (updated_at doubles
-- as a heartbeat: a job whose node stopped is reported as failed). Rows are deleted a day after the job ends.
CREATE TABLE offline_import_job (
    id          TEXT PRIMARY KEY,
    contest_id  BIGINT NOT NULL,
    file_name   TEXT NOT NULL,
    started_by  TEXT NOT NULL,
    started_at  BIGINT NOT NULL,
    phase       TEXT NOT NULL,
    rows_read   BIGINT NOT NULL,
    rows_total  BIGINT NOT NULL,
    result      TEXT,
    error       TEXT,
    updated_at  BIGINT NOT NULL,
    ended_at    BIGINT
);

CREATE INDEX offline_import_job_by_end ON offline_import_job (ended_at);
