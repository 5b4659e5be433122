-- The review figures of documents take the documents issued in a period; without this index every dashboard would
-- read the whole document table.
CREATE INDEX document_issued_idx ON document (issued_at);
