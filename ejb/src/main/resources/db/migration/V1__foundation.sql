-- Foundation: parties, directory, trust, processing operators, session opening, SMS, audit.
-- Portable SQL: runs unchanged on the embedded database (H2) and on PostgreSQL.
-- Times are UTC epoch milliseconds (BIGINT): no time-zone conversion anywhere.

CREATE TABLE account (
    id              VARCHAR(40)  NOT NULL PRIMARY KEY,
    login_name      VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(128) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    mobile          VARCHAR(20),
    mobile_verified BOOLEAN      NOT NULL,
    password_hash   VARCHAR(255),
    role            VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    trust_level     VARCHAR(16)  NOT NULL,
    created_at      BIGINT       NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT account_login_unique UNIQUE (login_name)
);
CREATE INDEX account_display_name_idx ON account (display_name);
CREATE INDEX account_email_idx ON account (email);

CREATE TABLE organisation (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    name         VARCHAR(128) NOT NULL,
    email        VARCHAR(254) NOT NULL,
    trust_level  VARCHAR(16)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT organisation_name_unique UNIQUE (name)
);

CREATE TABLE counterpart (
    office_id    VARCHAR(40) NOT NULL,
    party_kind   VARCHAR(16) NOT NULL,
    party_id     VARCHAR(40) NOT NULL,
    added_at     BIGINT      NOT NULL,
    PRIMARY KEY (office_id, party_kind, party_id),
    CONSTRAINT counterpart_office_fk FOREIGN KEY (office_id) REFERENCES account (id)
);

CREATE TABLE trust_change (
    id             VARCHAR(40)  NOT NULL PRIMARY KEY,
    party_kind     VARCHAR(16)  NOT NULL,
    party_id       VARCHAR(40)  NOT NULL,
    old_level      VARCHAR(16)  NOT NULL,
    new_level      VARCHAR(16)  NOT NULL,
    justification  VARCHAR(500) NOT NULL,
    changed_by     VARCHAR(40)  NOT NULL,
    changed_at     BIGINT       NOT NULL
);
CREATE INDEX trust_change_party_idx ON trust_change (party_kind, party_id, changed_at);

CREATE TABLE trust_decision (
    id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    decided_at   BIGINT        NOT NULL,
    purpose      VARCHAR(32)   NOT NULL,
    required     VARCHAR(16)   NOT NULL,
    granted      BOOLEAN       NOT NULL,
    parties      VARCHAR(2000) NOT NULL,
    shortfalls   VARCHAR(2000) NOT NULL,
    signature    VARCHAR(400)  NOT NULL
);

CREATE TABLE processing_operator (
    id             VARCHAR(40)   NOT NULL PRIMARY KEY,
    step           VARCHAR(16)   NOT NULL,
    display_name   VARCHAR(128)  NOT NULL,
    trust_level    VARCHAR(16)   NOT NULL,
    certificate    VARCHAR(4000) NOT NULL,
    specification  VARCHAR(2000) NOT NULL,
    created_at     BIGINT        NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT processing_operator_step_unique UNIQUE (step)
);

CREATE TABLE challenge (
    id             VARCHAR(40)  NOT NULL PRIMARY KEY,
    account_id     VARCHAR(40)  NOT NULL,
    purpose        VARCHAR(24)  NOT NULL,
    bound_digest   VARCHAR(64)  NOT NULL,
    required_level VARCHAR(16)  NOT NULL,
    counterparts   VARCHAR(2000) NOT NULL,
    secret_form    VARCHAR(200) NOT NULL,
    decision_id    VARCHAR(40)  NOT NULL,
    issued_at      BIGINT       NOT NULL,
    expires_at     BIGINT       NOT NULL,
    last_sent_at   BIGINT       NOT NULL,
    attempts       INTEGER      NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT challenge_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX challenge_account_idx ON challenge (account_id, issued_at);

CREATE TABLE code_failure (
    id          VARCHAR(40) NOT NULL PRIMARY KEY,
    account_id  VARCHAR(40) NOT NULL,
    failed_at   BIGINT      NOT NULL
);
CREATE INDEX code_failure_account_idx ON code_failure (account_id, failed_at);

CREATE TABLE office_session (
    id            VARCHAR(40) NOT NULL PRIMARY KEY,
    token_hash    VARCHAR(64) NOT NULL,
    account_id    VARCHAR(40) NOT NULL,
    opened_at     BIGINT      NOT NULL,
    last_seen_at  BIGINT      NOT NULL,
    ended_at      BIGINT,
    end_reason    VARCHAR(24),
    version       BIGINT      NOT NULL,
    CONSTRAINT office_session_token_unique UNIQUE (token_hash),
    CONSTRAINT office_session_account_fk FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX office_session_account_idx ON office_session (account_id, ended_at);

CREATE TABLE sms_message (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(40),
    recipient     VARCHAR(20)  NOT NULL,
    purpose       VARCHAR(24)  NOT NULL,
    gateway       VARCHAR(16)  NOT NULL,
    provider_id   VARCHAR(64),
    status        VARCHAR(16)  NOT NULL,
    error         VARCHAR(200),
    created_at    BIGINT       NOT NULL,
    status_at     BIGINT       NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX sms_message_recipient_idx ON sms_message (recipient, created_at);
CREATE INDEX sms_message_provider_idx ON sms_message (provider_id);

CREATE TABLE audit_event (
    id          VARCHAR(40)   NOT NULL PRIMARY KEY,
    at          BIGINT        NOT NULL,
    actor       VARCHAR(80)   NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(120)  NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    source      VARCHAR(64)   NOT NULL,
    detail      VARCHAR(1000) NOT NULL
);
CREATE INDEX audit_event_at_idx ON audit_event (at);

CREATE TABLE setup_secret (
    name         VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret_form  VARCHAR(200) NOT NULL,
    created_at   BIGINT       NOT NULL,
    used_at      BIGINT
);
