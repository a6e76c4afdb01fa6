"""A question asking for a level or a range is answered only by a page that gives a number for it.

"what uric acid blood level means you have gout" matched the gout page well and was answered
with its opening ("uric acid builds up in the blood"), which gives no level: the page never puts
a number beside uric acid. A question that asks "what level", "what range", "what reading" ... is
asking for a figure; when no sentence of the article that would answer it holds a number and a
word of what is measured (its words other than the page's topic: "uric", "acid", "blood"), the
article cannot answer it. A caption's "Figure 1" or "Table 2" is not a figure of anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.retrieval.coverage import american
from assistant.understanding.focus import title_topic
from assistant.understanding.vocabulary import FOCUS_STOP, NOT_A_TOPIC
from healthqa.text.words import stem
from index.records import Chunk

# "what uric acid blood level", "what is a normal range", "what reading is too high".
_ASKS_VALUE = re.compile(
    r"\b(?:what|which)\b(?:\s+[a-z0-9']+){0,5}?\s+(?:level|levels|range|reading|readings)\b"
)
_MEASURES = frozenset({"level", "levels", "range", "reading", "readings"})
_WORD = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"\d")
_CAPTION_NUMBER = re.compile(r"\b(?:figure|fig|table|image|chart)\s+\d+", re.IGNORECASE)


def asks_for_value(question: str) -> bool:
    return bool(_ASKS_VALUE.search(question.lower()))


def measured_words(question: str, title: str) -> list[str]:
    """What the question asks a figure of: its content words, less the measure word itself and
    the words of the page's topic ("gout" of "what uric acid level means you have gout")."""
    topic = {american(w) for w in _WORD.findall(title_topic(title).lower())}
    return [
        w
        for w in _WORD.findall(question.lower())
        if len(w) >= 3
        and not w.isdigit()
        and w not in FOCUS_STOP
        and w not in NOT_A_TOPIC
        and w not in _MEASURES
        and american(w) not in topic
        and w not in {"mean", "means", "normal"}
    ]


def gives_value(words: list[str], chunks: Iterable[Chunk]) -> bool:
    """Some sentence holds a number (not a caption's) and one of the `words`, in some form."""
    wanted = {stem(american(w)) for w in words}
    for chunk in chunks:
        for start, end in chunk.sentence_spans:
            sentence = _CAPTION_NUMBER.sub(" ", chunk.text[start:end])
            if not _NUMBER.search(sentence):
                continue
            if wanted & {stem(american(w)) for w in _WORD.findall(sentence.lower())}:
                return True
    return False


def value_not_given(question: str, chunks: list[Chunk]) -> bool:
    """The question asks for a level or range of something the article (`chunks`, the whole
    article that would answer it) never gives a number for."""
    if not chunks or not asks_for_value(question):
        return False
    words = measured_words(question, chunks[0].title)
    return bool(words) and not gives_value(words, chunks)
