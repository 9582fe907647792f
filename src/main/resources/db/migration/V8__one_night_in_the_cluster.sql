-- Several hub instances share one database (README, Production). A night belongs to the instance that
-- runs it (owner), which keeps heartbeat_at fresh while it runs; a RUNNING night whose heartbeat has gone
-- stale lost its owner and may be closed by another instance, a living one never is.
ALTER TABLE nightly_run ADD COLUMN owner VARCHAR(200);
ALTER TABLE nightly_run ADD COLUMN heartbeat_at TIMESTAMP;
-- 1 while the night runs, empty once it ended: the unique index lets the database itself refuse a second
-- night while one runs, whichever instance, API call, schedule or run-once asks at the same moment.
ALTER TABLE nightly_run ADD COLUMN active SMALLINT;
UPDATE nightly_run SET active = NULL;
CREATE UNIQUE INDEX nightly_run_one_active ON nightly_run (active);
