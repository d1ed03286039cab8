-- Correspondence drafts: recipients, attachments (description and bytes apart), validation, submission.
-- Portable SQL like V1: runs unchanged on the embedded database (H2 2.x) and on PostgreSQL.
-- Times are UTC epoch milliseconds (BIGINT); ids are the application's random ids (VARCHAR).
--
-- Lengths: the application counts characters as Unicode code points (a subject has at most 200,
-- a text 100 000). PostgreSQL's VARCHAR(n) counts code points too, H2's counts UTF-16 units, in
-- which one code point takes up to 2: columns are twice the limit so that both databases hold
-- what the application accepts. The limits themselves are enforced by the application.
--
-- Attachment bytes: BYTEA. PostgreSQL has no BLOB type (and VARBINARY is H2's); H2 2.x takes
-- BYTEA as a name of BINARY VARYING (up to 1 000 000 000 bytes), so one type serves both, and
-- JDBC reads and writes it as byte[] on both (no large-object API, no OIDs to clean up).
-- A file is at most 10 MB. The bytes live in their own table so that reading a correspondence
-- or listing drafts never reads them.

CREATE TABLE correspondence (
    id                   VARCHAR(40)     NOT NULL PRIMARY KEY,
    sender_id            VARCHAR(40)     NOT NULL,
    kind                 VARCHAR(40)     NOT NULL,
    subject              VARCHAR(400)    NOT NULL,
    body                 VARCHAR(200000) NOT NULL,
    status               VARCHAR(24)     NOT NULL,
    created_at           BIGINT          NOT NULL,
    updated_at           BIGINT          NOT NULL,
    validated_at         BIGINT,
    validated_digest     VARCHAR(64),
    sending_challenge_id VARCHAR(40),
    submitted_at         BIGINT,
    version              BIGINT          NOT NULL,
    CONSTRAINT correspondence_sender_fk FOREIGN KEY (sender_id) REFERENCES account (id)
);
CREATE INDEX correspondence_sender_idx ON correspondence (sender_id, status, updated_at);

-- Recipients in the order the sender chose them (ordinal from 0). Each party once per
-- correspondence: that is the key. The ordinal is deliberately not unique: reordering updates
-- it row by row (identified by the party), and a unique ordinal would collide midway.
CREATE TABLE correspondence_recipient (
    correspondence_id  VARCHAR(40) NOT NULL,
    ordinal            INTEGER     NOT NULL,
    party_kind         VARCHAR(16) NOT NULL,
    party_id           VARCHAR(40) NOT NULL,
    PRIMARY KEY (correspondence_id, party_kind, party_id),
    CONSTRAINT correspondence_recipient_fk FOREIGN KEY (correspondence_id) REFERENCES correspondence (id)
);
CREATE INDEX correspondence_recipient_party_idx ON correspondence_recipient (party_kind, party_id);

-- What an attachment is: name, type found in its content, size in bytes, SHA-256 (hex).
CREATE TABLE attachment (
    id                 VARCHAR(40)  NOT NULL PRIMARY KEY,
    correspondence_id  VARCHAR(40)  NOT NULL,
    seq                INTEGER      NOT NULL,
    file_name          VARCHAR(400) NOT NULL,
    media_type         VARCHAR(100) NOT NULL,
    size_bytes         BIGINT       NOT NULL,
    sha256             VARCHAR(64)  NOT NULL,
    added_at           BIGINT       NOT NULL,
    CONSTRAINT attachment_correspondence_fk FOREIGN KEY (correspondence_id) REFERENCES correspondence (id),
    CONSTRAINT attachment_seq_unique UNIQUE (correspondence_id, seq)
);

-- The bytes of an attachment, as uploaded.
CREATE TABLE attachment_content (
    attachment_id  VARCHAR(40) NOT NULL PRIMARY KEY,
    content        BYTEA       NOT NULL,
    CONSTRAINT attachment_content_fk FOREIGN KEY (attachment_id) REFERENCES attachment (id)
);
