"""Readable units of a passage: the smallest groups of sentences that can be quoted on their own.

A list is quoted whole with the line that introduces it; a sentence that leans on the one before it
("This means ...", "However, ...") is quoted together with that sentence; headings and questions
are never quoted as statements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.records import Span

_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪–]\s+|\(?\d{1,2}[.)]\s+|[a-z][.)]\s+)")
_LEANS_BACK = re.compile(
    r"^(this|these|that|those|it|its|they|their|them|such|he|she|both|also|however|but|"
    r"therefore|thus|hence|so|and|or|in addition|additionally|furthermore|moreover|for example|"
    r"for instance|in this case|as a result|otherwise|instead|then|still|yet|even so)\b",
    re.IGNORECASE,
)
_ENDS_STATEMENT = re.compile(r"""[.!;)\]"'”’]\s*$""")
MAX_LIST_ITEMS = 10


@dataclass(frozen=True)
class Unit:
    sentences: tuple[int, ...]  # indexes into the passage's sentence spans, in reading order
    is_list: bool = False
    leans_on_missing: bool = False  # starts by referring back to text that is not in the passage


def is_list_item(sentence: str) -> bool:
    return bool(_LIST_ITEM.match(sentence))


def readable_units(text: str, spans: Sequence[Span]) -> list[Unit]:
    sentences = [text[a:b].strip() for a, b in spans]
    units: list[Unit] = []
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        if is_list_item(sentence):
            run = _list_run(sentences, i)
            intro = units.pop().sentences if units and _introduces(sentences, units[-1]) else ()
            units.append(Unit(sentences=(*intro, *run[:MAX_LIST_ITEMS]), is_list=True))
            i = run[-1] + 1
            continue
        if sentence.endswith("?") or not (
            _ENDS_STATEMENT.search(sentence) or sentence.endswith(":")
        ):
            i += 1  # a heading or a question: context, not a statement to quote
            continue
        if _LEANS_BACK.match(sentence):
            if units and not units[-1].is_list and units[-1].sentences[-1] == i - 1:
                previous = units.pop()
                units.append(Unit(sentences=(*previous.sentences, i)))
            else:
                units.append(Unit(sentences=(i,), leans_on_missing=True))
            i += 1
            continue
        units.append(Unit(sentences=(i,)))
        i += 1
    # An introduction with nothing after it ("Symptoms include:") says nothing on its own.
    return [u for u in units if u.is_list or not sentences[u.sentences[-1]].endswith(":")]


def _list_run(sentences: Sequence[str], start: int) -> list[int]:
    run = [start]
    while run[-1] + 1 < len(sentences) and is_list_item(sentences[run[-1] + 1]):
        run.append(run[-1] + 1)
    return run


def _introduces(sentences: Sequence[str], unit: Unit) -> bool:
    last = unit.sentences[-1]
    return not unit.is_list and sentences[last].endswith(":")
