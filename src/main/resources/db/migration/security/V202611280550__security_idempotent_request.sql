-- Every create through the API (POST under /api and /open311) may carry an Idempotency-Key: the first
-- answer is kept here, written in the same transaction as what the request created, so that a client
-- retrying after a lost answer (a crash, a timeout) gets that answer again and never a second record.
CREATE TABLE security_idempotent_request (
    owner           VARCHAR(200) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64) NOT NULL,
    status          INT,
    content_type    VARCHAR(200),
    location        VARCHAR(1000),
    body            TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner, idempotency_key)
);
CREATE INDEX security_idempotent_request_created_idx ON security_idempotent_request (created_at);
