"""The real embedder, counting the passages it is asked to embed (not a mock)."""

from __future__ import annotations

from collections.abc import Sequence

from index.embedder import SentenceTransformerEmbedder, Vectors
from index.records import Span


class CountingEmbedder:
    """Without `chunk_in_loader` it offers no tokenizer that can travel, so the pipeline chunks
    in its own process; with it, the loader process chunks, as it does for the CLI and the app."""

    def __init__(
        self, inner: SentenceTransformerEmbedder, *, chunk_in_loader: bool = False
    ) -> None:
        self._inner = inner
        self.model_name = inner.model_name
        self.dimension = inner.dimension
        self.max_tokens = inner.max_tokens
        self.calls: list[int] = []
        if chunk_in_loader:
            self.token_counter = inner.token_counter

    def count_tokens(self, text: str) -> int:
        return self._inner.count_tokens(text)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        return self._inner.embed_queries(texts)

    def embed_passages(
        self, texts: Sequence[str], sentence_spans: Sequence[Sequence[Span]]
    ) -> tuple[Vectors, list[Vectors]]:
        self.calls.append(len(texts))
        return self._inner.embed_passages(texts, sentence_spans)

    @property
    def passages(self) -> int:
        return sum(self.calls)
