"""Starter questions drawn from the indexed articles, so a visitor sees what can be asked.

Deterministic (the same index gives the same starters) and varied: documents are spread across
sources, and each contributes at most one question.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from index.records import DocumentRecord

_QUESTION_WORDS = (
    "what", "how", "who", "why", "when", "where", "which", "is", "are", "can", "do", "does",
    "should", "will",
)
_MEDQUAD_IS_ARE = re.compile(r"^What (is|are) \((are|is)\) ", re.IGNORECASE)
_SPACE_BEFORE_MARK = re.compile(r"\s+([?.,])")
_SPACES = re.compile(r"\s+")
MAX_LENGTH = 90


def _rank(key: str) -> str:
    """A stable pseudo-random order that does not follow ingest order or alphabet."""
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()


def as_question(heading: str) -> str | None:
    """A section heading as a tidy question, or None when it is not one."""
    text = _SPACES.sub(" ", heading).strip()
    text = _MEDQUAD_IS_ARE.sub(lambda m: f"What {m.group(1).lower()} ", text)
    text = _SPACE_BEFORE_MARK.sub(r"\1", text).rstrip(" .:")
    if not text or len(text) > MAX_LENGTH:
        return None
    first = text.split(" ", 1)[0].lower()
    if not text.endswith("?") and first not in _QUESTION_WORDS:
        return None
    return text if text.endswith("?") else text + "?"


def question_for(document: DocumentRecord, headings: Sequence[str]) -> str | None:
    """One question about `document`: a question-shaped heading if it has some (picked stably),
    else its title if that is a question, else "What is <title>?"."""
    questions = [q for q in (as_question(h) for h in headings) if q is not None]
    if questions:
        return min(questions, key=lambda q: _rank(document.doc_id + q))
    title = _SPACES.sub(" ", document.title).strip()
    if not title or len(title) > MAX_LENGTH - 12:
        return None
    return title if title.endswith("?") else f"What is {title}?"


def pick_documents(documents: Sequence[DocumentRecord], count: int) -> list[DocumentRecord]:
    """`count` documents, taking turns between sources so one big collection does not fill
    every slot."""
    by_source: dict[str, list[DocumentRecord]] = {}
    for document in sorted(documents, key=lambda d: _rank(d.doc_id)):
        by_source.setdefault(document.source or "", []).append(document)
    queues = [by_source[s] for s in sorted(by_source, key=_rank)]
    picked: list[DocumentRecord] = []
    while len(picked) < count and any(queues):
        for queue in queues:
            if queue and len(picked) < count:
                picked.append(queue.pop(0))
    return picked


def starter_questions(
    documents: Sequence[DocumentRecord],
    headings: Mapping[str, Sequence[str]],
    *,
    count: int = 4,
) -> list[str]:
    """Up to `count` distinct questions, one per document.

    `headings` maps a doc_id to its section headings; documents missing from it are asked
    about by title. Pick the documents first with `pick_documents` so only their headings
    need reading.
    """
    questions: list[str] = []
    for document in documents:
        question = question_for(document, headings.get(document.doc_id, ()))
        if question is not None and question not in questions:
            questions.append(question)
        if len(questions) == count:
            break
    return questions
