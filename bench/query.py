"""Latency of `ask` (retrieval + extractive answer) over the MEDIQA questions, against an index of
MedQuAD, split into query embedding, search and composition; and, in the same run, a plain
LangChain `FAISS.similarity_search` over the same chunks as the baseline ratio.

    .venv/bin/python -m bench.query [--index data/bench-index/whole] [--sources DIR ...]
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from langchain_community.vectorstores import FAISS
from langchain_core.embeddings import Embeddings

from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze
from bench.common import (
    MEDIQA,
    ensure_index,
    median,
    percentile,
    whole_index_arguments,
    write_results,
)
from healthqa.evaluation.beir import load_beir
from index.embedder import Embedder, HasLayerStates, Vectors
from index.records import Span


class TimedEmbedder:
    """Counts the time spent embedding queries, so it can be told apart from search and compose."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.model_name = inner.model_name
        self.dimension = inner.dimension
        self.max_tokens = inner.max_tokens
        self.spent_ms = 0.0

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)


    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        started = time.perf_counter()
        vectors = self.inner.embed_queries(texts)
        self.spent_ms += (time.perf_counter() - started) * 1000
        return vectors

    def embed_passages(
        self, texts: Sequence[str], sentence_spans: Sequence[Sequence[Span]]
    ) -> tuple[Vectors, list[Vectors]]:
        return self.inner.embed_passages(texts, sentence_spans)

    def embed_with_states(
        self, texts: Sequence[str], layer: int
    ) -> tuple[Vectors, list[Vectors]]:
        """The triage's pass, which also embeds the question for the search."""
        assert isinstance(self.inner, HasLayerStates)
        started = time.perf_counter()
        result = self.inner.embed_with_states(texts, layer)
        self.spent_ms += (time.perf_counter() - started) * 1000
        return result


class LangChainEmbeddings(Embeddings):
    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, row)) for row in self.embedder.embed_queries(texts)]

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self.embedder.embed_queries([text])[0]]


def main() -> None:
    args = whole_index_arguments(__doc__.splitlines()[0])

    settings, model = ensure_index(args.index, args.sources)
    embedder = TimedEmbedder(model)
    assistant = build_assistant(settings, embedder=embedder)
    questions = list(load_beir(MEDIQA).queries.values())
    if args.limit:
        questions = questions[: args.limit]
    assistant.answer(Conversation(), questions[0])  # warm caches

    # `answer` is timed whole; its search is timed again on its own (same deterministic work) to
    # split the total into query embedding, search and composition.
    total, embed, search, compose = [], [], [], []
    for question in questions:
        embedder.spent_ms = 0.0
        started = time.perf_counter()
        assistant.retriever.search(analyze(question))
        search_ms = (time.perf_counter() - started) * 1000
        embed_ms = embedder.spent_ms
        started = time.perf_counter()
        assistant.answer(Conversation(), question)
        ask_ms = (time.perf_counter() - started) * 1000
        total.append(ask_ms)
        embed.append(embed_ms)
        search.append(search_ms - embed_ms)
        compose.append(max(0.0, ask_ms - search_ms))

    reader = assistant.reader
    documents = reader.documents()
    chunk_texts: list[str] = []
    chunk_ids: list[int] = []
    for document in documents:
        for stored in reader.chunks_of(document.doc_id):
            chunk_texts.append(stored.chunk.text)
            chunk_ids.append(stored.chunk_id)
    vectors = reader.vectors(chunk_ids)
    store = FAISS.from_embeddings(
        list(zip(chunk_texts, vectors.tolist(), strict=True)), LangChainEmbeddings(model)
    )
    baseline = []
    for question in questions:
        started = time.perf_counter()
        store.similarity_search(question, k=settings.top_k)
        baseline.append((time.perf_counter() - started) * 1000)

    results = {
        "questions": len(questions),
        "chunks": len(chunk_ids),
        "ask_p50_ms": round(median(total), 1),
        "ask_p95_ms": round(percentile(total, 0.95), 1),
        "embed_p50_ms": round(median(embed), 1),
        "search_p50_ms": round(median(search), 1),
        "compose_p50_ms": round(median(compose), 1),
        "langchain_faiss_p50_ms": round(median(baseline), 1),
        "langchain_faiss_p95_ms": round(percentile(baseline, 0.95), 1),
        "ratio_p50": round(median(total) / median(baseline), 2),
    }
    print(json.dumps(results, indent=2))
    out = Path(__file__).with_name("results") / "query.json"
    write_results(out, results)


if __name__ == "__main__":
    main()
