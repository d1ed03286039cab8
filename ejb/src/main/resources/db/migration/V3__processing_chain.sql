-- The processing chain (SPEC §3), evidence (SPEC §4), delivery and handover, the archive, and
-- the key pairs the provider holds for its users (seed 004). Portable SQL like V1 and V2: runs
-- unchanged on H2 2.x and PostgreSQL; times are UTC epoch milliseconds; bytes are BYTEA.
--
-- Durability: every step of the chain is one transaction that writes its tokens, its evidence,
-- the notices it queues and the next state together. A process killed at any instant leaves
-- either the step done entirely or not at all; the worker picks up what is due after restart.

-- Where a submitted correspondence stands in its chain. One row per correspondence.
CREATE TABLE chain_run (
    correspondence_id  VARCHAR(40)   NOT NULL PRIMARY KEY,
    state              VARCHAR(16)   NOT NULL,  -- RUNNING, WAITING (for the recipients), DONE, STOPPED
    next_step          VARCHAR(16),             -- the step to perform next; NULL once done or stopped
    level              VARCHAR(16)   NOT NULL,  -- the trust level the kind requires
    due_at             BIGINT        NOT NULL,  -- when the worker should look at it again
    input_digest       VARCHAR(64)   NOT NULL,  -- input of the next step (output of the last one)
    previous_digest    VARCHAR(64)   NOT NULL,  -- digest of the last countersignature; '' before the first
    token_count        INTEGER       NOT NULL,
    evidence_count     INTEGER       NOT NULL,
    stopped_step       VARCHAR(16),
    stop_reason        VARCHAR(4000),
    created_at         BIGINT        NOT NULL,
    updated_at         BIGINT        NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT chain_run_correspondence_fk FOREIGN KEY (correspondence_id) REFERENCES correspondence (id)
);
CREATE INDEX chain_run_due_idx ON chain_run (state, due_at);

-- The certification tokens, in the order they were made (seq from 1). The key makes a token
-- impossible to record twice, whatever the workers do.
CREATE TABLE chain_token (
    correspondence_id  VARCHAR(40)  NOT NULL,
    seq                INTEGER      NOT NULL,
    step               VARCHAR(16)  NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    token_id           VARCHAR(64)  NOT NULL,
    digest             VARCHAR(64)  NOT NULL,
    bytes              BYTEA        NOT NULL,
    created_at         BIGINT       NOT NULL,
    PRIMARY KEY (correspondence_id, seq),
    CONSTRAINT chain_token_correspondence_fk FOREIGN KEY (correspondence_id) REFERENCES correspondence (id)
);

-- What the steps produced and the service keeps: the manifest, the sender's seal, its time-stamp,
-- the charge record, the delivery and handover records. Written once, never changed.
CREATE TABLE chain_artifact (
    correspondence_id  VARCHAR(40)  NOT NULL,
    name               VARCHAR(40)  NOT NULL,
    digest             VARCHAR(64)  NOT NULL,
    bytes              BYTEA        NOT NULL,
    created_at         BIGINT       NOT NULL,
    PRIMARY KEY (correspondence_id, name),
    CONSTRAINT chain_artifact_correspondence_fk FOREIGN KEY (correspondence_id) REFERENCES correspondence (id)
);

-- Evidence records (ETSI EN 319 522 events): the signed record and its time-stamp token.
-- recipient_id is set for an event that concerns one recipient only.
CREATE TABLE evidence (
    id                 VARCHAR(40)  NOT NULL PRIMARY KEY,
    correspondence_id  VARCHAR(40)  NOT NULL,
    seq                INTEGER      NOT NULL,
    event              VARCHAR(40)  NOT NULL,
    event_time         BIGINT       NOT NULL,
    recipient_id       VARCHAR(40),
    cms                BYTEA        NOT NULL,
    tst                BYTEA        NOT NULL,
    CONSTRAINT evidence_correspondence_fk FOREIGN KEY (correspondence_id) REFERENCES correspondence (id),
    CONSTRAINT evidence_seq_unique UNIQUE (correspondence_id, seq)
);

-- A correspondence in a recipient's office: waiting for his answer, then accepted, refused or
-- expired. The deadline is fixed at delivery.
CREATE TABLE delivery (
    correspondence_id  VARCHAR(40)  NOT NULL,
    recipient_id       VARCHAR(40)  NOT NULL,
    ordinal            INTEGER      NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    delivered_at       BIGINT       NOT NULL,
    deadline_at        BIGINT       NOT NULL,
    answered_at        BIGINT,
    challenge_id       VARCHAR(40),
    version            BIGINT       NOT NULL,
    PRIMARY KEY (correspondence_id, recipient_id),
    CONSTRAINT delivery_correspondence_fk FOREIGN KEY (correspondence_id) REFERENCES correspondence (id),
    CONSTRAINT delivery_recipient_fk FOREIGN KEY (recipient_id) REFERENCES account (id)
);
CREATE INDEX delivery_recipient_idx ON delivery (recipient_id, delivered_at);
CREATE INDEX delivery_deadline_idx ON delivery (status, deadline_at);

-- The key pairs the provider holds for a user (seed 004): one to seal what he sends, one to open
-- what is protected for him. The private key is wrapped (AES-256-GCM) by a key derived from the
-- master key, which is never in the database.
CREATE TABLE party_key (
    account_id    VARCHAR(40)  NOT NULL,
    purpose       VARCHAR(16)  NOT NULL,
    certificate   BYTEA        NOT NULL,
    wrapped_key   BYTEA        NOT NULL,
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (account_id, purpose),
    CONSTRAINT party_key_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);

-- The content once protected (PROTECT step): AES-256-GCM ciphertext of all parts with the content
-- key wrapped for every recipient and the sender. From then on the plain text and files of the
-- correspondence are no longer kept.
CREATE TABLE protected_content (
    correspondence_id  VARCHAR(40)  NOT NULL PRIMARY KEY,
    bytes              BYTEA        NOT NULL,
    created_at         BIGINT       NOT NULL,
    CONSTRAINT protected_content_correspondence_fk FOREIGN KEY (correspondence_id) REFERENCES correspondence (id)
);

-- The archive: when the chain ended and until when it is kept (immutable until then).
ALTER TABLE correspondence ADD COLUMN archived_at BIGINT;
ALTER TABLE correspondence ADD COLUMN retain_until BIGINT;
ALTER TABLE correspondence ADD COLUMN stop_reason VARCHAR(4000);
