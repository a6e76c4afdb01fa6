-- The index: documents, their chunks (text, vectors, full-text terms), section headers, and the
-- one row naming the manifest and the generation. Chunk ids come from an identity and are never
-- reused. A replaced or removed chunk is retired (retired_at set) in the same transaction that
-- writes its successor, and deleted a while later, so a search that found its id a moment ago can
-- still read it; every search and listing sees live rows only.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE index_state (
    id integer PRIMARY KEY CHECK (id = 1),
    generation bigint NOT NULL DEFAULT 0,
    manifest jsonb
);
INSERT INTO index_state (id) VALUES (1);

CREATE TABLE documents (
    doc_id text PRIMARY KEY,
    title text NOT NULL,
    url text,
    source text,
    reviewed text,
    path text,
    content_hash text NOT NULL,
    version integer NOT NULL,
    ingested_at text NOT NULL,
    chunk_count integer NOT NULL,
    metadata text NOT NULL
);

CREATE TABLE chunks (
    chunk_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id text NOT NULL,
    ordinal integer NOT NULL,
    section_index integer NOT NULL,
    title text NOT NULL,
    section text NOT NULL,
    text text NOT NULL,
    start_offset integer NOT NULL,
    end_offset integer NOT NULL,
    url text,
    page integer,
    sentence_spans text NOT NULL,
    -- float16, one row of the manifest's dimension per sentence span (as in the embedded index)
    sentence_vectors bytea NOT NULL,
    metadata text NOT NULL,
    -- the document's provenance, copied so a retired chunk still reads back whole
    source text,
    reviewed text,
    -- typed with the manifest's dimension, and indexed, when the first writer records it
    embedding vector NOT NULL,
    retired_at timestamptz,
    -- Title and heading say what a chunk is about more reliably than any one body word.
    search_text tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', section), 'B')
        || setweight(to_tsvector('english', text), 'C')
    ) STORED
);
CREATE INDEX chunks_live_by_doc ON chunks (doc_id, ordinal) WHERE retired_at IS NULL;
CREATE INDEX chunks_retired ON chunks (retired_at) WHERE retired_at IS NOT NULL;
CREATE INDEX chunks_search_text ON chunks USING gin (search_text) WHERE retired_at IS NULL;

CREATE TABLE sections (
    doc_id text NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE ON UPDATE CASCADE,
    section_index integer NOT NULL,
    header text NOT NULL,
    vector bytea NOT NULL,
    PRIMARY KEY (doc_id, section_index)
);
