-- Spring Session's tables (renamed with the module's prefix): sessions live in the database, so any
-- instance behind the load balancer serves any signed-in browser. Portable form of the library's schema.
CREATE TABLE security_session (
    primary_id            CHAR(36) NOT NULL,
    session_id            CHAR(36) NOT NULL,
    creation_time         BIGINT NOT NULL,
    last_access_time      BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time           BIGINT NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT security_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX security_session_ix1 ON security_session (session_id);
CREATE INDEX security_session_ix2 ON security_session (expiry_time);
CREATE INDEX security_session_ix3 ON security_session (principal_name);

CREATE TABLE security_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA NOT NULL,
    CONSTRAINT security_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT security_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES security_session (primary_id) ON DELETE CASCADE
);
