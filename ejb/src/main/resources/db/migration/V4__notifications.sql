-- Notices to users' phones, queued in the transaction of the work they report and sent later by
-- the delivery worker, with retry and backoff (SECURITY-BASELINE 24, 26).
-- Portable SQL like V1 and V2: runs unchanged on the embedded database (H2 2.x) and on PostgreSQL.
-- Times are UTC epoch milliseconds (BIGINT); ids are the application's random ids (VARCHAR).
--
-- Lengths: the body is at most 1600 UTF-16 units (one SMS body, as the gateway accepts it), the
-- reference at most 200. H2 counts UTF-16 units and PostgreSQL code points, never more than the
-- units, so these limits fit both. The limits themselves are enforced by the application.
--
-- The mobile number is deliberately not stored: it is read from the account when the notice is
-- sent, so a number changed in the meantime gets it. The attempt that carried it is in
-- sms_message (sms_record_id, the latest attempt), with the number it went to.
--
-- Status: PENDING (waiting for next_attempt_at) -> SENDING (claimed by one worker; next_attempt_at
-- is then the end of its lease) -> SENT, or back to PENDING with a later next_attempt_at, or FAILED
-- after the last attempt. UNCERTAIN: the sender died while handing the notice to the gateway; it
-- is never sent again automatically, because it may have left.

CREATE TABLE notification (
    id               VARCHAR(40)   NOT NULL PRIMARY KEY,
    account_id       VARCHAR(40)   NOT NULL,
    purpose          VARCHAR(40)   NOT NULL,
    body             VARCHAR(1600) NOT NULL,
    reference        VARCHAR(200)  NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  BIGINT        NOT NULL,
    last_error       VARCHAR(200),
    created_at       BIGINT        NOT NULL,
    sent_at          BIGINT,
    sms_record_id    VARCHAR(40),
    version          BIGINT        NOT NULL,
    CONSTRAINT notification_account_fk FOREIGN KEY (account_id) REFERENCES account (id),
    -- The same notice about the same thing cannot be queued twice for one account.
    CONSTRAINT notification_reference_unique UNIQUE (reference, account_id)
);
-- The worker's two questions: which PENDING notices are due, which SENDING leases ran out.
CREATE INDEX notification_due_idx ON notification (status, next_attempt_at);
-- The console lists the newest first.
CREATE INDEX notification_created_idx ON notification (created_at);
