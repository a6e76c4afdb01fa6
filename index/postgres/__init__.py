"""The index in PostgreSQL: the same reader and writer surface as the embedded index.

- `connection`: connections and the pool (pgvector types registered), URLs with the password hidden.
- `migrations`: numbered SQL files in `sql/`, applied once each and recorded in schema_migrations.
- `state`: the one row that holds the manifest and the generation counter.
- `rows`: the column lists, and records as rows (NUL-free text).
- `reader.PostgresReader`: pgvector HNSW (cosine) search, lookups, and `fulltext` keyword search
  (weighted tsvector, GIN, websearch_to_tsquery, common words dropped as in the embedded index).
- `writer.PostgresWriter`: one transaction per batch of documents, one writer at a time.
"""
