"""Articles in: one loader per format, cleaning, sections, token-bounded chunks.

- `pipeline.ingest_paths`: discover -> load -> skip unchanged -> chunk -> embed -> one commit.
- `discover`: walk the given paths and check each file's real format.
- Loaders: `html`, `pdf`, `text` (+ `markdown`, `scraped/` for page chrome), `medquad`, `beir`.
- `chunking.chunk_article`, `model.Article` / `Section`; `sample`: the articles `make run` indexes.
"""
