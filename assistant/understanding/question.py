"""What a consumer question asks: cleaned text for the dense search, its topic, its kind, and the
content words for the lexical search.

The search works best on the question sentences and the sentences that name the condition, so a
long message is cut down to those (`message_text`), its focus read (`focus`) and its kind
(`question_types`).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.understanding.focus import find_focus
from assistant.understanding.message_text import clean, is_question, sentences_of
from assistant.understanding.question_types import QuestionType, question_type
from assistant.understanding.vocabulary import CHATTER
from healthqa.text.words import STOPWORDS, words

__all__ = ["QuestionAnalysis", "QuestionType", "analyze", "keywords", "question_type"]


@dataclass(frozen=True)
class QuestionAnalysis:
    text: str  # the question sentences and the sentences naming the focus, chatter removed
    focus: str | None  # the medical topic ("shingles", "type 2 diabetes", "second opinion")
    qtype: QuestionType
    keywords: tuple[str, ...]  # content words for the lexical search
    # The message as asked (markup and spacing repaired): what the dense search embeds. Whole
    # consumer messages match passages better than their cleaned-up questions (bench/QUALITY.md).
    asked: str = ""
    # The question sentences alone, led by the focus when they do not name it ("shingles. What
    # can be done to treat it?"): what a story's question asks, without the story.
    question: str = ""


def analyze(message: str) -> QuestionAnalysis:
    """Clean a consumer message and read what it asks about."""
    sentences, subject = sentences_of(message, has_content=lambda s: bool(keywords(s)))
    focus = find_focus(sentences, subject)
    kept = _keep(sentences, subject, focus)
    # A message made only of what cleaning removes (a bare number) is still searched as written.
    joined = " ".join(_terminated(s) for s in kept).strip()
    text = joined or clean(message) or " ".join(message.split())
    asked = " ".join(s for s in kept if s == subject or is_question(s))
    qtype = question_type(asked)
    if qtype is QuestionType.information:
        qtype = question_type(text)
    asked = " ".join(clean(message).split()) or text
    return QuestionAnalysis(
        text=text,
        focus=focus,
        qtype=qtype,
        keywords=keywords(text),
        asked=asked,
        question=_question_only(sentences, subject, focus) or asked,
    )


def _question_only(sentences: list[str], subject: str | None, focus: str | None) -> str:
    questions = [_terminated(s) for s in sentences if s != subject and is_question(s)]
    if not questions:
        return ""
    joined = " ".join(questions)
    if focus and focus.lower() not in joined.lower():
        return f"{focus}. {joined}"
    return joined


def keywords(text: str) -> tuple[str, ...]:
    """Lower-case content words, de-duplicated, in order."""
    seen: dict[str, None] = {}
    for found in words(text):
        word = found.removesuffix("'s")
        if len(word) > 1 and word not in STOPWORDS and word not in CHATTER:
            seen.setdefault(word, None)
    return tuple(seen)


def _terminated(sentence: str) -> str:
    return sentence if sentence.endswith((".", "?", "!")) else sentence + "."


def _keep(sentences: list[str], subject: str | None, focus: str | None) -> list[str]:
    """The subject, the question sentences and the sentences naming the focus, in order."""
    named = focus.lower() if focus else None
    kept = [
        s for s in sentences
        if s == subject or is_question(s) or (named and named in s.lower())
    ]
    return kept or sentences
