"""Footnote marks of the source page: "...recessive pattern.[1] [2] The", "sporadic.[4]".

An answer puts its own citation marks after each sentence it quotes; a page's "[4]" left in the
sentence would read as one of them, pointing at a source the answer does not show ("...appear to
be sporadic.[4] [2]"). The marks point at a reference list the ingested text does not hold, so
they go as furniture. A mark is a bracketed number, list or range ("[3]", "[1, 4]", "[2-5]")
written against what it marks, or after a sentence's end; a bracketed number inside a sentence
after a space ("grade [2] tumours") is left alone.
"""

from __future__ import annotations

import re

from ingest.cleaning.edits import Dropped, RuleResult, SectionContext, delete_ranges

_NUMBER_LIST = r"\[\d{1,3}(?:\s?[-–,]\s?\d{1,3})*\]"
# Against a word, a closing bracket or punctuation ("pattern.[1]", "cells[2,3]"), or after a
# sentence end and one space ("pattern. [1] [2]"), then any further marks after it.
FOOTNOTE_MARKS = re.compile(
    rf"(?:(?<=[\w.,;:!?)\]\"”’])|(?<=[.!?][\"”’)]\s)|(?<=[.!?]\s)){_NUMBER_LIST}"
    rf"(?:\s?{_NUMBER_LIST})*"
)


def drop_footnote_marks(text: str, _context: SectionContext) -> RuleResult:
    found = list(FOOTNOTE_MARKS.finditer(text))
    if not found:
        return text, ()
    dropped = tuple(Dropped("furniture", m.group()) for m in found)
    return delete_ranges(text, [m.span() for m in found]), dropped
