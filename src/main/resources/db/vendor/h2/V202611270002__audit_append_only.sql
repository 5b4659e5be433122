-- H2: the same guard as on PostgreSQL, as a Java trigger (org.accord.audit.internal.H2AppendOnlyTrigger)
-- that refuses any UPDATE or DELETE of audit_record and audit_seal. An administrator of the database can
-- DROP TRIGGER and CREATE it again (the tests do so to tamper with rows on purpose).
CREATE TRIGGER audit_record_append_only BEFORE UPDATE, DELETE ON audit_record
    FOR EACH ROW CALL 'org.accord.audit.internal.H2AppendOnlyTrigger';
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE, DELETE ON audit_seal
    FOR EACH ROW CALL 'org.accord.audit.internal.H2AppendOnlyTrigger';
