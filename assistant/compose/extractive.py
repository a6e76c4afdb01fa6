"""The extractive composer: an answer made only of sentences quoted from retrieved passages.

Sentences are scored against the question with the per-sentence vectors stored at ingest time
(no model call here), grouped into readable units, picked best-first without repeating themselves,
laid out grouped by source in reading order, and each quoted sentence carries its [n] marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from assistant.answer import Citation
from assistant.compose.units import Unit, is_list_item, readable_units
from assistant.retrieval.hybrid import Passage, Retrieval
from assistant.understanding.injection import looks_like_instruction
from assistant.understanding.question import QuestionAnalysis, QuestionType
from healthqa.text.words import stem, words
from index.embedder import Vectors

_SPACE = re.compile(r"\s+")
# "..., says Jane Doe, MD, director of ...": words spent on who said it, not on the answer.
_ATTRIBUTION = re.compile(
    r"\b(says|said|explains|notes|tells \w+)\b.{0,80}?\b(MD|PhD|RN|MPH|MS|director|professor|"
    r"chair|chief|president|spokes(wo)?man)\b"
)
# Sentences about the web page rather than the health topic.
_PAGE_FURNITURE = re.compile(
    r"\b(watch|view) (the|this|our) (video|slideshow|animation)|\bclick (here|on)\b|"
    r"\b(see|shown in) (the )?(figure|table|image|picture) ?\d*\b|\bsign up\b|\bsubscribe\b|"
    r"\b(this|our) (web ?site|page)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CompositionRequest:
    question: str
    analysis: QuestionAnalysis
    retrieval: Retrieval
    sentence_vectors: Mapping[int, Vectors]  # per chunk id, one row per sentence span
    withhold: Callable[[str], bool] | None = None  # sentences never to quote (e.g. doses)


@dataclass(frozen=True)
class Composition:
    text: str  # the answer body: quoted sentences with [n] markers, after a short lead
    citations: tuple[Citation, ...]


class Composer(Protocol):
    def compose(self, request: CompositionRequest) -> Composition: ...


@runtime_checkable
class StreamingComposer(Protocol):
    """A composer that yields text as it is produced and returns the checked composition."""

    def compose(self, request: CompositionRequest) -> Composition: ...

    def stream(self, request: CompositionRequest) -> Generator[str, None, Composition]: ...


@dataclass(frozen=True)
class ExtractiveSettings:
    max_words: int = 160
    max_units: int = 6
    margin: float = 0.15  # units scoring this far below the best one are left out
    redundancy: float = 0.86  # cosine above which two units say the same thing
    novelty: float = 0.35  # how much likeness to already chosen units counts against a unit


@dataclass(frozen=True)
class _Candidate:
    passage_rank: int
    passage: Passage
    unit: Unit
    score: float
    vector: Vectors
    words: int
    texts: tuple[str, ...] = field(default=())


LEADS: dict[QuestionType, str] = {
    QuestionType.information: "Here is what the vetted articles say about {focus}:",
    QuestionType.causes: "Here is what the vetted articles say about what causes {focus}:",
    QuestionType.symptoms: "Here is what the vetted articles say about the symptoms of {focus}:",
    QuestionType.diagnosis: "Here is what the vetted articles say about how {focus} is diagnosed:",
    QuestionType.treatment: "Here is what the vetted articles say about treating {focus}:",
    QuestionType.prevention: "Here is what the vetted articles say about preventing {focus}:",
    QuestionType.outlook: "Here is what the vetted articles say about the outlook for {focus}:",
    QuestionType.inheritance: "Here is what the vetted articles say about inheriting {focus}:",
    QuestionType.complications: "Here is what the vetted articles say about {focus} complications:",
}
GENERIC_LEAD = "Here is what the vetted articles say:"


def lead_for(analysis: QuestionAnalysis) -> str:
    focus = (analysis.focus or "").strip()
    if not focus or len(focus.split()) > 6:
        return GENERIC_LEAD
    template = LEADS.get(analysis.qtype, "Here is what the vetted articles say about {focus}:")
    return template.format(focus=focus)


class ExtractiveComposer:
    def __init__(self, settings: ExtractiveSettings | None = None) -> None:
        self.settings = settings or ExtractiveSettings()

    def compose(self, request: CompositionRequest) -> Composition:
        candidates = self._candidates(request)
        chosen = self._select(candidates)
        return layout(lead_for(request.analysis), chosen)

    def _candidates(self, request: CompositionRequest) -> list[_Candidate]:
        keywords = {stem(w) for w in request.analysis.keywords}
        query = request.retrieval.query_vector
        found: list[_Candidate] = []
        for rank, passage in enumerate(request.retrieval.passages):
            chunk = passage.stored.chunk
            vectors = request.sentence_vectors.get(passage.chunk_id)
            if vectors is None or len(vectors) != len(chunk.sentence_spans):
                continue
            sentences = [_tidy(chunk.text[a:b]) for a, b in chunk.sentence_spans]
            similarity = vectors @ query
            for unit in readable_units(chunk.text, chunk.sentence_spans):
                texts = tuple(sentences[i] for i in unit.sentences)
                if any(looks_like_instruction(t) for t in texts):
                    continue
                if request.withhold and any(request.withhold(t) for t in texts):
                    continue
                words = sum(len(t.split()) for t in texts)
                if words < 5:
                    continue
                if any(_PAGE_FURNITURE.search(t) for t in texts):
                    continue
                score = max(
                    _sentence_score(float(similarity[i]), sentences[i], keywords)
                    for i in unit.sentences
                )
                score += 0.2 * passage.similarity - 0.015 * rank
                score += 0.1 if _defines(texts[0], request.analysis) else 0.0
                score -= 0.08 if unit.leans_on_missing else 0.0
                score -= 0.05 if any(_ATTRIBUTION.search(t) for t in texts) else 0.0
                # Late-chunked vectors of very short sentences echo the topic word and little else.
                score -= 0.1 if words < 8 else 0.05 if words < 12 else 0.0
                score -= 0.03 * max(0, words - 60) / 30
                vector = vectors[list(unit.sentences)].mean(axis=0)
                vector = vector / (np.linalg.norm(vector) or 1.0)
                found.append(_Candidate(rank, passage, unit, score, vector, words, texts))
        return found

    def _select(self, candidates: Sequence[_Candidate]) -> list[_Candidate]:
        """Best-first with a novelty discount (MMR), so the answer covers more than one point."""
        settings = self.settings
        if not candidates:
            return []
        best = max(c.score for c in candidates)
        pool = [c for c in candidates if c.score >= best - settings.margin]
        chosen: list[_Candidate] = []
        words = 0
        while pool and len(chosen) < settings.max_units:

            def marginal(c: _Candidate) -> float:
                likeness = max((float(c.vector @ o.vector) for o in chosen), default=0.0)
                return c.score - settings.novelty * likeness

            candidate = max(pool, key=marginal)
            pool.remove(candidate)
            if chosen and words + candidate.words > settings.max_words:
                continue
            if any(_repeats(candidate, other, settings.redundancy) for other in chosen):
                continue
            chosen.append(candidate)
            words += candidate.words
        return chosen


def layout(lead: str, chosen: Sequence[_Candidate]) -> Composition:
    """Group the quoted units by passage (best passage first), in reading order, with markers."""
    order: list[int] = []
    for candidate in chosen:
        if candidate.passage.chunk_id not in order:
            order.append(candidate.passage.chunk_id)
    paragraphs: list[str] = []
    citations: list[Citation] = []
    for n, chunk_id in enumerate(order, start=1):
        units = sorted(
            (c for c in chosen if c.passage.chunk_id == chunk_id), key=lambda c: c.unit.sentences
        )
        stored = units[0].passage.stored
        chunk = stored.chunk
        lines: list[str] = []
        cited: list[int] = []
        for candidate in units:
            for index, text in zip(candidate.unit.sentences, candidate.texts, strict=True):
                cited.append(index)
                marked = f"{text} [{n}]"
                if is_list_item(text) or (candidate.unit.is_list and text.endswith(":")):
                    lines.append("\n" + marked)
                else:
                    lines.append(" " + marked)
        paragraphs.append("".join(lines).strip())
        citations.append(
            Citation(
                n=n,
                chunk_id=chunk_id,
                doc_id=chunk.doc_id,
                title=chunk.title,
                section=chunk.section,
                passage=chunk.text,
                spans=tuple(chunk.sentence_spans[i] for i in sorted(set(cited))),
                url=chunk.url,
                page=chunk.page,
                source=stored.source,
                reviewed=stored.reviewed,
            )
        )
    body = "\n\n".join(paragraphs)
    return Composition(text=f"{lead}\n\n{body}" if body else "", citations=tuple(citations))


def _sentence_score(similarity: float, sentence: str, keywords: set[str]) -> float:
    if not keywords:
        return similarity
    found = {stem(w) for w in words(sentence)}
    overlap = len(keywords & found) / len(keywords)
    return similarity + 0.15 * overlap


def _defines(sentence: str, analysis: QuestionAnalysis) -> bool:
    """'Glaucoma is a group of diseases ...' for 'What is glaucoma?'."""
    if analysis.qtype is not QuestionType.information or not analysis.focus:
        return False
    head = sentence.lower().lstrip("- ")
    focus = analysis.focus.lower()
    return head.startswith(focus) and bool(
        re.match(r"\s*(\([^)]*\)\s*)?(is|are|refers to|means)\b", head[len(focus) :])
    )


def _repeats(a: _Candidate, b: _Candidate, threshold: float) -> bool:
    if float(a.vector @ b.vector) >= threshold:
        return True
    words_a = set(words(" ".join(a.texts)))
    words_b = set(words(" ".join(b.texts)))
    overlap = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
    return overlap > 0.8


def _tidy(sentence: str) -> str:
    return _SPACE.sub(" ", sentence).strip()

