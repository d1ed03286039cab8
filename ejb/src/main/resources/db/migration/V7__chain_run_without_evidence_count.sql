-- The chain run's evidence count was written as 0 and never read: a correspondence's evidence records are
-- counted where they are kept (the evidence table). The column goes.
ALTER TABLE chain_run DROP COLUMN evidence_count;
