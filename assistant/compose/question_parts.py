"""The asks of a question that joins two ("what causes shingles and how is it treated?",
"what are the symptoms? how long does it last?"), and the unit of an article that answers one.

One search and one section answer one ask; the other is left out unless the answer looks for
it. A part is told by a question word right after "and", "or", "also" or a question mark, so
"can I eat bread and pasta?" stays one ask. Each later part is answered from the lead article
by the question's own signals, with no model call: a section heading of the part's kind
("Treatment" for "how is it treated"), the part's words beyond the topic, and for "how long" a
sentence stating a length of time (durations.py).
"""

from __future__ import annotations

import re

from assistant.compose.durations import asks_how_long, states_a_duration
from assistant.compose.headings import ask_words
from assistant.understanding.question_types import QuestionType, heading_type, question_type
from healthqa.text.words import content_words

_QUESTION_WORD = (
    r"(?:how|what|when|why|who|where|which|is|are|can|could|does|do|did|will|would|should)\b"
)
_JOIN = re.compile(
    rf"(?:\?\s*|[,;]?\s+(?:and|or|also)\s+(?:also\s+)?)(?={_QUESTION_WORD})", re.IGNORECASE
)
# A part this short ("and why?") leans on the first for its words: not an ask of its own here.
MIN_PART_WORDS = 3

# What a unit earns for each signal that it answers a part (see `part_score`).
KIND_WEIGHT = 0.3
WORDS_WEIGHT = 0.3
DURATION_WEIGHT = 0.3


def question_parts(question: str) -> list[str]:
    """The question's asks in order; one item when it asks one thing."""
    parts = [p.strip(" ?,;") for p in _JOIN.split(question)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or any(len(p.split()) < MIN_PART_WORDS for p in parts):
        return [question]
    return parts


def part_signal(
    part: str, heading: str, sentences: list[str], topic: str, *, prose: list[str]
) -> float:
    """How clearly a unit (its sentences under `heading`) answers one part, from what the
    part says: 0 when nothing but the topic links them. Only its `prose` sentences say how
    long: a list item's hour counts are mostly warning signs ("... after 24 hours")."""
    signal = 0.0
    kind = question_type(part)
    asked = ask_words(part, topic) - _kind_words(kind)
    # A length of time of what the part asks about: "The test usually takes 30 to 45 minutes"
    # for "how long does the test take", not "You are infectious for 2 days" for "how long
    # does it last". Without one, nothing answers "how long", whatever words it shares.
    if asks_how_long(part):
        if not any(states_a_duration(s) and asked & content_words(s) for s in prose):
            return 0.0
        signal += DURATION_WEIGHT
    if kind is not QuestionType.information and heading_type(heading) is kind:
        signal += KIND_WEIGHT
    if asked:
        said = content_words(" ".join([heading, *sentences]))
        signal += WORDS_WEIGHT * len(asked & said) / len(asked)
    return signal


def _kind_words(kind: QuestionType) -> frozenset[str]:
    """The stems of the kind's own name ("treatment", "symptoms"): the kind is weighed once."""
    return content_words(kind.value.replace("_", " "))
