-- The transparency log, the life cycle of keys and its audit trail. Same portable SQL as V1
-- (H2 in PostgreSQL mode and PostgreSQL). Hashes are standard base64 (44 characters), as in
-- C2SP checkpoints and proofs.

-- Life cycle of a key: ACTIVE (may sign new declarations), RETIRED (rotated out: what it signed
-- before stays verifiable), REVOKED (by the collectivité or by the observatory). Never deleted.
ALTER TABLE signing_key ADD COLUMN activated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE signing_key ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE signing_key ADD COLUMN replaced_by VARCHAR(43);
ALTER TABLE signing_key ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE signing_key ADD COLUMN revoked_by VARCHAR(16);
ALTER TABLE signing_key ADD COLUMN revocation_reason VARCHAR(500);
UPDATE signing_key SET activated_at = enrolled_at;
ALTER TABLE signing_key ALTER COLUMN activated_at SET NOT NULL;

-- Every change of a key's state (audit trail). entry is the exact text appended to the log for it:
-- the collectivité's own signed JWS for a rotation or a revocation it asked for, a JSON statement of
-- the observatory for an enrolment or a revocation decided by the observatory.
CREATE TABLE key_event (
    id          UUID         NOT NULL PRIMARY KEY,
    siren       VARCHAR(9)   NOT NULL REFERENCES collectivite (siren),
    kind        VARCHAR(16)  NOT NULL,
    kid         VARCHAR(43)  NOT NULL REFERENCES signing_key (kid),
    new_kid     VARCHAR(43)  REFERENCES signing_key (kid),
    actor       VARCHAR(16)  NOT NULL,
    reason      VARCHAR(500),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    entry       TEXT         NOT NULL
);
CREATE INDEX key_event_kid ON key_event (kid);
CREATE INDEX key_event_siren ON key_event (siren);

-- Where each declarant's chain stands: its last accepted declaration (docs/protocol.md, chain rules).
-- Updated with every accepted declaration, in the same transaction, under the log's lock: reading it is
-- one primary-key lookup, whatever the length of the chain.
CREATE TABLE declarant_chain (
    siren            VARCHAR(9)  NOT NULL PRIMARY KEY REFERENCES collectivite (siren),
    last_sequence    BIGINT      NOT NULL,
    last_hash        VARCHAR(71) NOT NULL,
    last_id          UUID        NOT NULL REFERENCES declaration (id),
    last_received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO declarant_chain (siren, last_sequence, last_hash, last_id, last_received_at)
SELECT d.siren, d.sequence, d.payload_hash, d.id, d.received_at FROM declaration d
WHERE d.sequence = (SELECT MAX(x.sequence) FROM declaration x WHERE x.siren = d.siren);

-- The head of the log, one row, locked (SELECT ... FOR UPDATE) by every append: appends are
-- serialised across threads, connections and server instances. tree_size and root_hash are those of
-- the latest signed checkpoint; origin is fixed by the first checkpoint and never changes.
CREATE TABLE log_state (
    id        INTEGER      NOT NULL PRIMARY KEY,
    tree_size BIGINT       NOT NULL,
    root_hash VARCHAR(44)  NOT NULL,
    origin    VARCHAR(255),
    CONSTRAINT log_state_one_row CHECK (id = 1)
);
-- The root of the empty tree: base64 of SHA-256("").
INSERT INTO log_state (id, tree_size, root_hash) VALUES (1, 0, '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');

-- One leaf a log entry: a declaration or a key event. leaf_hash = SHA-256(0x00 || entry bytes).
-- checkpoint_size is the size of the checkpoint signed by the append that added it: the receipt proves
-- inclusion in that checkpoint, and a resubmission gets the same receipt (its proof is a function of
-- the stored tree, recomputed rather than stored twice).
CREATE TABLE log_leaf (
    idx            BIGINT      NOT NULL PRIMARY KEY,
    leaf_hash      VARCHAR(44) NOT NULL,
    declaration_id UUID        REFERENCES declaration (id),
    key_event_id   UUID        REFERENCES key_event (id),
    checkpoint_size BIGINT     NOT NULL,
    appended_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT log_leaf_declaration UNIQUE (declaration_id),
    CONSTRAINT log_leaf_key_event UNIQUE (key_event_id),
    CONSTRAINT log_leaf_one_entry CHECK ((declaration_id IS NULL AND key_event_id IS NOT NULL)
                                      OR (declaration_id IS NOT NULL AND key_event_id IS NULL))
);

-- Hashes of complete (perfect) subtrees above the leaves: node (node_level, idx) covers leaves
-- [idx * 2^node_level, (idx + 1) * 2^node_level). Written once, when complete; never changed. Level 0
-- is log_leaf.leaf_hash. Every root and proof is a combination of O(log n) of them.
CREATE TABLE log_node (
    node_level   INTEGER     NOT NULL,
    idx          BIGINT      NOT NULL,
    subtree_hash VARCHAR(44) NOT NULL,
    CONSTRAINT log_node_pk PRIMARY KEY (node_level, idx)
);

-- Every checkpoint the log signed (C2SP signed note). One per tree size: the primary key makes two
-- checkpoints of the same size impossible, whatever their roots.
CREATE TABLE log_checkpoint (
    tree_size  BIGINT      NOT NULL PRIMARY KEY,
    root_hash  VARCHAR(44) NOT NULL,
    note       TEXT        NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
