"""Retrieval: candidates from the dense index (and BM25 for rare words), ranked by how well the
question matches the passage, its section's header and its best sentence.

Every signal is a cosine with the same question vector, so they add up on one scale:

    score = cos(question, passage) + header * cos(question, section header)
            + best_sentence * max cos(question, passage sentence) + lexical * BM25 / best BM25
            + focus * [the passage names the question's topic]

The last term is CHiQA's first step, reading the question's focus, kept small: MiniLM reads a
word by its pieces, so "heartburn" is near "heart attack", and a passage that never names the
topic asked about can outscore one that does by a few hundredths.

The weights were chosen on the MEDIQA train and dev questions only (bench/ranking.py; every
experiment is in bench/QUALITY.md). Reciprocal-rank fusion and the question-type and focus votes
this replaced ranked below a plain dense search there: rank fusion throws away how much better
one passage matches than the next.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.retrieval.coverage import chunk_speaks_of, is_checkable
from assistant.retrieval.fusion import near_duplicates
from assistant.understanding.question import QuestionAnalysis, analyze
from index.embedder import Embedder, Vectors
from index.protocols import IndexReading
from index.records import StoredChunk

# How many of the BM25 hits below the ranked passages a Retrieval keeps (`Retrieval.lexical`).
LEXICAL_KEPT = 5


@dataclass(frozen=True)
class RankingWeights:
    header: float = 1.0
    best_sentence: float = 0.5
    lexical: float = 0.0  # BM25 still brings in candidates with rare words; its score added nothing
    # For a passage that names every distinctive word of the question's focus (coverage.py).
    # MEDIQA train + dev: 0.05-0.2 the same (dev P@1 0.875 -> 0.917, train unchanged), 0.4 worse.
    focus: float = 0.1
    dense_pool: int = 100
    lexical_pool: int = 30


@dataclass(frozen=True)
class Passage:
    chunk_id: int
    doc_id: str
    score: float  # the ranking score, higher = better (comparable within one question)
    similarity: float  # cosine between the question and the passage
    stored: StoredChunk
    context_only: bool = False  # a neighbour added for the composer to read, not ranked
    # The chunk of the section this one's section is a part of (a sub-section under a heading
    # whose own text only introduces them), None when its section stands on its own.
    part_of: int | None = None


@dataclass(frozen=True)
class Retrieval:
    analysis: QuestionAnalysis
    query_vector: Vectors  # the vector the question was searched with
    passages: tuple[Passage, ...]
    # Passages the BM25 search found for the question's words that did not rank among
    # `passages`, best BM25 first: a rare term named in one list item or callout of a long
    # section ("called the Epley manoeuvre" in a self-help section) ranks low on the embedding,
    # whose match is to the section as a whole. Read only to find a passage defining the term.
    lexical: tuple[Passage, ...] = ()

    @property
    def top_similarity(self) -> float:
        return max((p.similarity for p in self.passages), default=0.0)


class HybridRetriever:
    def __init__(
        self,
        reader: IndexReading,
        embedder: Embedder,
        *,
        candidates: int = 40,
        top_k: int = 5,
        weights: RankingWeights | None = None,
    ) -> None:
        self.reader = reader
        self.embedder = embedder
        self.candidates = candidates
        self.top_k = top_k
        self.weights = weights or RankingWeights()

    def retrieve(self, query: str, k: int | None = None) -> list[Passage]:
        """Best passages for a raw question, best first."""
        return list(self.search(analyze(query), k).passages)

    def search(
        self, analysis: QuestionAnalysis, k: int | None = None, vector: Vectors | None = None
    ) -> Retrieval:
        """`vector`: the question's embedding when the caller already has it."""
        k = k or self.top_k
        weights = self.weights
        asked = analysis.asked or analysis.text
        query = vector if vector is not None else self.embedder.embed_queries([asked])[0]
        pool = max(weights.dense_pool, k)
        ids = [cid for cid, _ in self.reader.dense_search(query, pool)]
        lexical = dict(self.reader.lexical_search(analysis.keywords, weights.lexical_pool))
        ids += sorted(set(lexical) - set(ids), key=lambda cid: -lexical[cid])
        if not ids:
            return Retrieval(analysis=analysis, query_vector=query, passages=())
        stored = self.reader.chunks(ids)
        similarity = self.reader.vectors(ids) @ query
        sentences = self.reader.sentence_vectors(ids)
        keys = [(s.chunk.doc_id, s.chunk.section_index) for s in stored]
        headers = self.reader.header_vectors(keys)
        best_lexical = max(lexical.values(), default=0.0) or 1.0
        focus = analysis.focus if is_checkable(analysis.focus) else None
        scores = np.array(
            [
                similarity[n]
                + weights.header * _cosine(headers.get(keys[n]), query)
                + weights.best_sentence * _best(sentences.get(cid), query)
                + weights.lexical * lexical.get(cid, 0.0) / best_lexical
                + (weights.focus if focus and chunk_speaks_of(focus, stored[n].chunk) else 0.0)
                for n, cid in enumerate(ids)
            ]
        )
        order = [int(n) for n in np.argsort(-scores, kind="stable")]
        order = order[: max(k, self.candidates) * 2]
        texts = [stored[n].chunk.text for n in order]
        duplicates = near_duplicates(texts, self.reader.vectors([ids[n] for n in order]))
        kept = [n for position, n in enumerate(order) if position not in duplicates][:k]

        def passage(n: int) -> Passage:
            return Passage(
                chunk_id=ids[n],
                doc_id=stored[n].chunk.doc_id,
                score=float(scores[n]),
                similarity=float(similarity[n]),
                stored=stored[n],
            )

        shown = {ids[n] for n in kept}
        index_of = {cid: n for n, cid in enumerate(ids)}
        by_words = [cid for cid, _ in sorted(lexical.items(), key=lambda hit: -hit[1])]
        return Retrieval(
            analysis=analysis,
            query_vector=query,
            passages=tuple(passage(n) for n in kept),
            lexical=tuple(passage(index_of[c]) for c in by_words if c not in shown)[:LEXICAL_KEPT],
        )


def with_neighbours(retrieval: Retrieval, reader: IndexReading, *, around: int = 3) -> Retrieval:
    """The shown passages plus the chunks next to the best few in the same section.

    A chunk is ranked as a whole; the sentence that answers best may sit in the chunk beside it
    (chunks of one article section overlap and follow each other). The composer reads these too.
    """
    seen = {p.chunk_id for p in retrieval.passages}
    extra: list[StoredChunk] = []
    for passage in retrieval.passages[:around]:
        chunk = passage.stored.chunk
        for other in reader.chunks_of(chunk.doc_id):
            near = abs(other.chunk.ordinal - chunk.ordinal) == 1
            same_section = other.chunk.section_index == chunk.section_index
            if near and same_section and other.chunk_id not in seen:
                seen.add(other.chunk_id)
                extra.append(other)
    if not extra:
        return retrieval
    similarity = reader.vectors([s.chunk_id for s in extra]) @ retrieval.query_vector
    neighbours = tuple(
        Passage(s.chunk_id, s.chunk.doc_id, 0.0, float(sim), s, context_only=True)
        for s, sim in zip(extra, similarity, strict=True)
    )
    return Retrieval(retrieval.analysis, retrieval.query_vector, retrieval.passages + neighbours)


def _cosine(vector: Vectors | None, query: Vectors) -> float:
    return 0.0 if vector is None else float(vector @ query)


def _best(vectors: Vectors | None, query: Vectors) -> float:
    return 0.0 if vectors is None or not len(vectors) else float((vectors @ query).max())
