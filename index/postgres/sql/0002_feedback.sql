-- Thumbs up/down on answers, when the index is in PostgreSQL (otherwise a SQLite file beside the
-- index folder): the question, the answer, the documents it cited, the rating, an optional
-- comment and the time. No IP address, identity or session id.
CREATE TABLE feedback (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    question text NOT NULL,
    answer text NOT NULL,
    cited_doc_ids text NOT NULL, -- JSON list, in citation order
    rating text NOT NULL CHECK (rating IN ('up', 'down')),
    comment text NOT NULL DEFAULT '',
    created_at text NOT NULL
);
