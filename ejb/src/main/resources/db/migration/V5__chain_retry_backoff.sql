-- A step that fails for a passing reason (the database busy, a crash in the middle) is tried again
-- after a pause that doubles with each failure in a row, up to a ceiling; the count starts again
-- once a step is countersigned.
ALTER TABLE chain_run ADD COLUMN retries INTEGER DEFAULT 0 NOT NULL;
