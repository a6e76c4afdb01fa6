"""The index: embedded passages on disk, written in atomically published generations.

- `embedder.Embedder` / `SentenceTransformerEmbedder`: passage, sentence and query vectors.
- `writer.IndexWriter`: add, replace and remove documents, then `commit()` a new generation.
- `reader.IndexReader`: one generation, read-only: dense and BM25 search, chunk lookup.
- `documents.remove_documents`: removal without the model; `manifest`: what an index was built
  with; `generations`: the on-disk layout and atomic publish; `records`: the plain dataclasses.
"""
