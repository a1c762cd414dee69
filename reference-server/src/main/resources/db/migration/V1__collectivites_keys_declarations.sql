-- One script for H2 (MODE=PostgreSQL) and PostgreSQL: only types and syntax both understand.
-- Times are TIMESTAMP WITH TIME ZONE (stored in UTC by the application); hashes and kids are text.

-- A collectivité the observatory registered (the declarant a key may speak for).
CREATE TABLE collectivite (
    siren         VARCHAR(9)   NOT NULL PRIMARY KEY,
    kind          VARCHAR(32)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    insee_code    VARCHAR(5),
    uai           VARCHAR(8),
    population    BIGINT,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time enrolment codes, given out of band. Only their SHA-256 is kept: a database leak does not
-- let anyone enrol. state: PENDING (usable until expires_at), USED (by used_by_kid), SUPERSEDED.
CREATE TABLE enrolment_code (
    code_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    siren       VARCHAR(9)  NOT NULL REFERENCES collectivite (siren),
    state       VARCHAR(16) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    used_by_kid VARCHAR(43)
);
CREATE INDEX enrolment_code_siren ON enrolment_code (siren);

-- Enrolled Ed25519 public keys. kid is the RFC 7638 thumbprint; x the base64url public key.
CREATE TABLE signing_key (
    kid         VARCHAR(43) NOT NULL PRIMARY KEY,
    siren       VARCHAR(9)  NOT NULL REFERENCES collectivite (siren),
    public_x    VARCHAR(43) NOT NULL,
    state       VARCHAR(16) NOT NULL,
    enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signing_key_siren ON signing_key (siren);

-- Accepted declarations, exactly as signed (jws), with the columns the server queries.
-- (siren, sequence) is unique: two declarations cannot claim the same place in a declarant's chain.
CREATE TABLE declaration (
    id             UUID         NOT NULL PRIMARY KEY,
    siren          VARCHAR(9)   NOT NULL REFERENCES collectivite (siren),
    kid            VARCHAR(43)  NOT NULL REFERENCES signing_key (kid),
    sequence       BIGINT       NOT NULL,
    previous_hash  VARCHAR(71),
    payload_hash   VARCHAR(71)  NOT NULL,
    jws            TEXT         NOT NULL,
    payload        TEXT         NOT NULL,
    period_kind    VARCHAR(8)   NOT NULL,
    period_start   DATE         NOT NULL,
    period_end     DATE         NOT NULL,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    usage_count    INTEGER      NOT NULL,
    activity_total BIGINT       NOT NULL,
    CONSTRAINT declaration_siren_sequence UNIQUE (siren, sequence)
);
CREATE INDEX declaration_received_at ON declaration (received_at);
