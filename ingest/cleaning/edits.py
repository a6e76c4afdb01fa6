"""Plain records the rules return, and the two text edits they share: tidying whitespace and
deleting character ranges without leaving holes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ingest.cleaning.words import CleaningWords

# "furniture" points at more (a URL, a link) and stays when it is all a section says; "site
# furniture" is the site around the article (ingest/cleaning/site_furniture.py, and reviewer
# credits) and never stays: a section of nothing else is no part of the article; nor does an
# "instruction", a sentence addressed to an AI assistant (ingest/cleaning/instructions.py).
DropReason = Literal["duplicate", "furniture", "site furniture", "repeated heading", "instruction"]
# A block's word 3-grams, compared to find repeats (see `duplicates`).
Shingles = frozenset[tuple[str, ...]]

_SPACE_RUN = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\S) +(?=[.,;:!?](?:\s|$))")


@dataclass(frozen=True)
class Dropped:
    """Text a rule removed, and why: every removal is a duplicate, furniture or an instruction."""

    reason: DropReason
    text: str


@dataclass(frozen=True)
class SectionContext:
    heading: str
    words: CleaningWords
    # Word-shingle sets of the blocks of the article's earlier sections.
    earlier_blocks: tuple[Shingles, ...] = ()


RuleResult = tuple[str, tuple[Dropped, ...]]
Rule = Callable[[str, SectionContext], RuleResult]


def tidy(text: str) -> str:
    """One space between words (leading indentation kept), no trailing spaces, at most one blank
    line in a row, none at either end."""
    lines: list[str] = []
    for raw in text.split("\n"):
        body = raw.lstrip(" ")
        indent = raw[: len(raw) - len(body)]
        line = indent + _SPACE_RUN.sub(" ", body).rstrip() if body.strip() else ""
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def delete_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """`text` without the given character ranges; a line left empty goes, blank lines stay."""
    doomed = sorted(ranges)
    if not doomed:
        return text
    kept: list[str] = []
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        pieces: list[str] = []
        cursor = start
        for first, last in doomed:
            if last <= cursor or first >= end:
                continue
            pieces.append(text[cursor : max(first, cursor)])
            cursor = max(cursor, min(last, end))
        pieces.append(text[cursor:end])
        edited = "".join(pieces)
        if line.strip() and not edited.strip(" -*•"):
            continue  # the line held only what was deleted (and perhaps its bullet)
        if edited != line:
            indent = line[: len(line) - len(line.lstrip())]
            edited = indent + _SPACE_BEFORE_PUNCTUATION.sub("", edited.strip())
        kept.append(edited)
    return tidy("\n".join(kept))
