-- A chain being retried keeps why its last try failed and when, for the operator console; both are
-- cleared once a step is countersigned.
ALTER TABLE chain_run ADD COLUMN last_failure VARCHAR(500);
ALTER TABLE chain_run ADD COLUMN failed_at BIGINT;
