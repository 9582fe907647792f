-- H2 only. An identity column hands out ids from a cache of 32 by default, and each time the cache
-- is spent H2 commits the sequence's new state in a system transaction; with WRITE_DELAY=0 that is
-- a write of every changed page to the file. At night's volume (hundreds of thousands of rows) that
-- was a third of intake's time, and it wrote the open intake transaction out again and again,
-- which is much of why the file grew. A larger cache is one such commit per 10 000 ids.
-- H2's cache belongs to the database, not to a session, so ids still rise in the order rows are
-- inserted (the outbox is sent in id order). PostgreSQL keeps its default: its sequence cache is
-- per session, and per-session caches would hand out ids out of order across connections.
ALTER TABLE source_file ALTER COLUMN id SET CACHE 10000;
ALTER TABLE row_error ALTER COLUMN id SET CACHE 10000;
ALTER TABLE file_note ALTER COLUMN id SET CACHE 10000;
ALTER TABLE kind ALTER COLUMN id SET CACHE 10000;
ALTER TABLE registratie ALTER COLUMN id SET CACHE 10000;
ALTER TABLE verzuimmelding ALTER COLUMN id SET CACHE 10000;
ALTER TABLE jeugdhulp ALTER COLUMN id SET CACHE 10000;
ALTER TABLE identity_conflict ALTER COLUMN id SET CACHE 10000;
ALTER TABLE signal_case ALTER COLUMN id SET CACHE 10000;
ALTER TABLE case_event ALTER COLUMN id SET CACHE 10000;
ALTER TABLE case_grond ALTER COLUMN id SET CACHE 10000;
ALTER TABLE outbox ALTER COLUMN id SET CACHE 10000;
ALTER TABLE verwerking ALTER COLUMN id SET CACHE 10000;
