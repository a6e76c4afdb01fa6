"""Starter questions a visitor would ask, drawn from the indexed articles.

A document offers a question-shaped section heading when it has one ("Why get a second
opinion?", or MedQuAD's "How to diagnose Glaucoma ?" asked as "How is Glaucoma diagnosed?"),
else "What should I know about <title>?". A heading is never pasted into a template unless its
topic reads as a name: "What is (are) What I need to know about Gas ?" is not offered.
Deterministic: the same index gives the same starters.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence

from healthqa.web.headings import parse_heading, tidy
from index.records import DocumentRecord

MAX_LENGTH = 90
MAX_TOPIC_WORDS = 8
ABOUT = "What should I know about {topic}?"
_QUESTION_WORDS = frozenset(
    ("what", "how", "who", "why", "when", "where", "which", "is", "are", "can", "could", "do",
     "does", "did", "should", "will", "would")
)  # fmt: skip
# First words that make a title a sentence or an instruction rather than the name of a topic
# ("What I need to know about Gas", "Prevent diabetes problems", "Your Kidneys").
_NOT_A_TOPIC = _QUESTION_WORDS | frozenset(
    ("i", "you", "your", "my", "we", "our", "prevent", "keep", "take", "eat", "make", "get",
     "use", "learn", "talk", "know", "tell", "ask", "find", "stop", "help", "be")
)  # fmt: skip
_NOT_IN_A_TOPIC = re.compile(r"[:;?!()\[\]{}<>|*_`#\"]")


def _rank(key: str) -> str:
    """A stable pseudo-random order that follows neither ingest order nor the alphabet."""
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()


def is_topic_name(text: str) -> bool:
    """True when `text` reads as the name of a topic ("Age-related Macular Degeneration")."""
    words = text.split()
    if not words or len(words) > MAX_TOPIC_WORDS or _NOT_IN_A_TOPIC.search(text):
        return False
    return words[0].lower().strip("'’") not in _NOT_A_TOPIC


def heading_question(heading: str) -> str | None:
    """A section heading as a visitor's question, or None when it does not make one."""
    parsed = parse_heading(heading)
    if parsed is not None:
        if parsed.question is None or not is_topic_name(parsed.focus):
            return None
        # "What is Creating a Family Health History?" is not a question anyone asks.
        if parsed.question.startswith("What is ") and parsed.focus.split()[0].endswith("ing"):
            return None
        question = parsed.question
    else:
        text = " ".join(heading.split())
        if not text.endswith("?") or "(" in text:
            return None
        if text.split()[0].lower() not in _QUESTION_WORDS:
            return None
        question = tidy(text) + "?"
    return question if len(question) <= MAX_LENGTH else None


def title_question(title: str) -> str | None:
    text = " ".join(title.split())
    if text.endswith("?") and text.split()[0].lower() in _QUESTION_WORDS and ":" not in text:
        return text if len(text) <= MAX_LENGTH else None
    if not is_topic_name(text):
        return None
    question = ABOUT.format(topic=text)
    return question if len(question) <= MAX_LENGTH else None


def question_for(document: DocumentRecord, headings: Sequence[str]) -> str | None:
    """One question about `document`: one of its question-shaped headings (picked stably), else
    one about its title, else None."""
    questions = sorted(
        {q for q in (heading_question(h) for h in headings) if q is not None},
        key=lambda q: _rank(document.doc_id + q),
    )
    if questions:
        return questions[0]
    return title_question(document.title)


def starter_questions(
    documents: Sequence[DocumentRecord],
    headings: Mapping[str, Sequence[str]],
    *,
    count: int = 4,
) -> list[str]:
    """Up to `count` distinct questions, at most one per document, in the documents' order.

    `headings` maps a doc_id to its section headings. Pick the documents first
    (`assistant.starters.pick_documents`) so only their headings need reading.
    """
    questions: list[str] = []
    for document in documents:
        question = question_for(document, headings.get(document.doc_id, ()))
        if question is not None and question not in questions:
            questions.append(question)
        if len(questions) == count:
            break
    return questions
