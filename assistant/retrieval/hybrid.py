"""Hybrid retrieval: dense (FAISS) and lexical (FTS5 BM25) candidates, fused, deduplicated.

A consumer question is analysed first (assistant/question.py): the cleaned question and a short
"qtype + focus" restatement are both embedded, the content words go to BM25, and passages whose
section answers the asked type of question, or whose article is about the asked focus, get a vote.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.retrieval.fusion import (
    maximal_marginal_relevance,
    near_duplicates,
    reciprocal_rank_fusion,
)
from assistant.understanding.question import QuestionAnalysis, QuestionType, analyze
from healthqa.text.words import stem, words
from index.embedder import Embedder, Vectors
from index.reader import IndexReader
from index.records import StoredChunk


@dataclass(frozen=True)
class RetrievalWeights:
    """How much each vote counts in the fusion (chosen on the MEDIQA train/dev splits only)."""

    dense: float = 1.0
    dense_focus: float = 0.5
    lexical: float = 1.0  # for questions with `lexical_full_at` content words or more
    lexical_short: float = 0.1  # for questions of one or two content words
    lexical_full_at: int = 10
    section_type: float = 0.3
    focus_title: float = 0.4
    diversity: float = 0.25


@dataclass(frozen=True)
class Passage:
    chunk_id: int
    doc_id: str
    score: float  # fused score, higher = better (only comparable within one query)
    similarity: float  # cosine between the question and the passage, 0..1-ish
    stored: StoredChunk


@dataclass(frozen=True)
class Retrieval:
    analysis: QuestionAnalysis
    query_vector: Vectors  # the vector the cleaned question was searched with
    passages: tuple[Passage, ...]

    @property
    def top_similarity(self) -> float:
        return max((p.similarity for p in self.passages), default=0.0)


# Words a section heading uses for each kind of question (MedQuAD qtypes map onto these too).
SECTION_CUES: dict[QuestionType, tuple[str, ...]] = {
    QuestionType.causes: ("cause", "why", "risk factor"),
    QuestionType.symptoms: ("symptom", "sign"),
    QuestionType.diagnosis: ("diagnos", "exam", "test", "screen"),
    QuestionType.treatment: ("treat", "therap", "manag", "medication", "cure"),
    QuestionType.prevention: ("prevent", "avoid"),
    QuestionType.outlook: ("outlook", "prognos", "expect", "surviv"),
    QuestionType.inheritance: ("inherit",),
    QuestionType.genetic_changes: ("genetic", "gene", "mutation"),
    QuestionType.susceptibility: ("risk", "who gets", "at risk", "suscept"),
    QuestionType.frequency: ("how many", "common", "frequen"),
    QuestionType.complications: ("complication",),
    QuestionType.research: ("research", "clinical trial"),
}


class HybridRetriever:
    def __init__(
        self,
        reader: IndexReader,
        embedder: Embedder,
        *,
        candidates: int = 40,
        top_k: int = 5,
        weights: RetrievalWeights | None = None,
    ) -> None:
        self.reader = reader
        self.embedder = embedder
        self.candidates = candidates
        self.top_k = top_k
        self.weights = weights or RetrievalWeights()

    def retrieve(self, query: str, k: int | None = None) -> list[Passage]:
        """Best passages for a raw question, best first."""
        return list(self.search(analyze(query), k).passages)

    def search(self, analysis: QuestionAnalysis, k: int | None = None) -> Retrieval:
        k = k or self.top_k
        pool = max(self.candidates, k)
        weights = self.weights
        probes = [analysis.text or analysis.focus or ""]
        restated = _restatement(analysis)
        if restated and restated.lower() != probes[0].lower():
            probes.append(restated)
        vectors = self.embedder.embed_queries(probes)
        query_vector = vectors[0]

        rankings: list[list[int]] = [
            [cid for cid, _ in self.reader.dense_search(query_vector, pool)]
        ]
        votes = [weights.dense]
        if len(probes) > 1:
            rankings.append([cid for cid, _ in self.reader.dense_search(vectors[1], pool)])
            votes.append(weights.dense_focus)
        if analysis.keywords:
            rankings.append([cid for cid, _ in self.reader.lexical_search(analysis.keywords, pool)])
            votes.append(lexical_weight(weights, len(analysis.keywords)))
        first_pass = reciprocal_rank_fusion(rankings, votes)[: pool * 2]
        ids = [cid for cid, _ in first_pass]
        stored = self.reader.chunks(ids)
        by_id = {s.chunk_id: s for s in stored}
        ids = [cid for cid in ids if cid in by_id]

        typed = [cid for cid in ids if _section_answers(by_id[cid], analysis.qtype)]
        about_focus = [cid for cid in ids if _title_matches(by_id[cid], analysis.focus)]
        rankings += [typed, about_focus]
        votes += [weights.section_type, weights.focus_title]
        fused = [(cid, s) for cid, s in reciprocal_rank_fusion(rankings, votes) if cid in by_id]

        passage_vectors = self.reader.vectors([cid for cid, _ in fused])
        similarity = passage_vectors @ query_vector
        texts = [by_id[cid].chunk.text for cid, _ in fused]
        duplicates = near_duplicates(texts, passage_vectors)
        keep = [i for i in range(len(fused)) if i not in duplicates]

        # Diversity only reorders the head a visitor is shown; the tail stays in fused order.
        shown = min(k, self.top_k)
        head = keep[: max(shown * 3, 10)]
        top_score = fused[head[0]][1] if head else 1.0
        relevance = [fused[i][1] / top_score for i in head]
        order = maximal_marginal_relevance(
            relevance, passage_vectors[head], min(shown, len(head)), diversity=weights.diversity
        )
        chosen = [head[i] for i in order]
        chosen += [i for i in keep if i not in set(chosen)]
        passages = tuple(
            Passage(
                chunk_id=fused[i][0],
                doc_id=by_id[fused[i][0]].chunk.doc_id,
                score=fused[i][1],
                similarity=float(similarity[i]),
                stored=by_id[fused[i][0]],
            )
            for i in chosen[:k]
        )
        return Retrieval(analysis=analysis, query_vector=query_vector, passages=passages)


def with_neighbours(retrieval: Retrieval, reader: IndexReader, *, around: int = 3) -> Retrieval:
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
        Passage(s.chunk_id, s.chunk.doc_id, 0.0, float(sim), s)
        for s, sim in zip(extra, similarity, strict=True)
    )
    return Retrieval(retrieval.analysis, retrieval.query_vector, retrieval.passages + neighbours)


def lexical_weight(weights: RetrievalWeights, keywords: int) -> float:
    """BM25's vote grows with the number of content words: a one-word topic matches hundreds of
    passages equally, while a long question's rare words pin down the few that answer it."""
    share = min(1.0, max(0.0, (keywords - 2) / (weights.lexical_full_at - 2)))
    return weights.lexical_short + share * (weights.lexical - weights.lexical_short)


def _restatement(analysis: QuestionAnalysis) -> str:
    """'symptoms of shingles' from the type and focus: a short probe a long story can't drown."""
    if not analysis.focus:
        return ""
    if analysis.qtype in (QuestionType.information, QuestionType.other):
        return f"What is {analysis.focus}?"
    return f"{analysis.qtype.value.replace('_', ' ')} of {analysis.focus}"


def _section_answers(stored: StoredChunk, qtype: QuestionType) -> bool:
    cues = SECTION_CUES.get(qtype)
    if not cues:
        return False
    labelled = stored.chunk.metadata.get("qtype", "")
    heading = f"{stored.chunk.section} {labelled}".lower()
    return any(cue in heading for cue in cues)


def _title_matches(stored: StoredChunk, focus: str | None) -> bool:
    if not focus:
        return False
    focus_words = {stem(w) for w in words(focus)}
    return bool(focus_words) and focus_words <= {stem(w) for w in words(stored.chunk.title)}
