-- A small vector store's schema, with mistakes.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    embedding vector(3)
);
COMMENT ON TABLE docs IS 'documents';
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_l2_ops) WITH (m = 8);
INSERT INTO docs (title, embedding) VALUES ('a', '[1,2,3]'), ('b', '[4,5,6]');

CREATE TABLE docs (id int);
CREATE INDEX bad_idx ON docs
    USING hnsw (embedding vector_l2_ops) WITH (m = 1);
CREATE TABLE tags (doc_id bigint, tag text, tag text);
COMMENT ON COLUMN docs.nope IS 'missing';
ALTER TABLE docs ADD COLUMN priority int DEFAULT 0, DROP COLUMN nope;
ALTER TABLE docs ADD COLUMN priority int DEFAULT 0 NOT NULL;
COMMENT ON COLUMN docs.priority IS 'higher first';
ALTER TABLE docs ADD COLUMN score int NOT NULL;
ALTER INDEX docs_embedding_idx RENAME TO docs_vec_idx;
ALTER TABLE missing RENAME TO other;
DROP INDEX nope;
CREATE TABLE tags (doc_id bigint NOT NULL, tag text NOT NULL, PRIMARY KEY (doc_id, tag));
COMMENT ON TABLE tags IS 'labels';
SELECT column_name, data_type, is_nullable FROM information_schema.columns
 WHERE table_name = 'docs' ORDER BY ordinal_position;
SELECT title, priority FROM docs ORDER BY id;
\d docs
SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c
 WHERE c.relname IN ('docs', 'tags', 'docs_vec_idx') ORDER BY 1;
