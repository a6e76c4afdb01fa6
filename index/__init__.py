"""The index: embedded passages, in a folder of atomically published generations or in PostgreSQL.

- `embedder.Embedder` / `SentenceTransformerEmbedder`: passage, sentence and query vectors.
- `protocols.IndexReading` / `IndexWriting`: what the assistant and the ingest use of an index;
  `location`: opens the one the index setting names (a folder or a postgresql:// URL).
- `writer.IndexWriter`: add, replace and remove documents, then `commit()` a new generation.
- `reader.IndexReader`: one generation, read-only: dense and BM25 search, chunk lookup.
- `postgres/`: the same surface on PostgreSQL (pgvector HNSW, full-text search, migrations).
- `transfer.copy_index`: an index copied to another folder or database with its vectors;
  `upserts`: what both writers check before they store a document.
- `documents.remove_documents`: removal without the model; `manifest`: what an index was built
  with; `generations`: the on-disk layout and atomic publish; `records`: the plain dataclasses.
"""
