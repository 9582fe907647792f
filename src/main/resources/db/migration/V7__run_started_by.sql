-- Who started a run, beside what (run_trigger): the signed-in user of the API or the dashboard
-- button; empty for the schedule and run-once, which no person starts.
ALTER TABLE nightly_run ADD COLUMN started_by VARCHAR(100);
