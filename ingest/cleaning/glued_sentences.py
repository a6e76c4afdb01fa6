"""Sentences glued together by a lost line break, given back the space between them.

Pages converted to text often lose the break between two paragraphs, or between a paragraph and
the heading under it: "...far greater loss.While dementia is more common...", "...rule out a
kidney stone.Pregnancy test. For women...". The sentence splitter only ends a sentence before
whitespace, so the two would be quoted as one, and the words on either side of the period read
as one token to every later comparison. A period, "?" or "!" after two lower-case letters (or a
closing bracket or "%"), directly followed by a capitalised word, is such a join: over MedQuAD
and the MEDIQA passages every one of a random 80 outside URLs was. Initials and dotted
abbreviations ("U.S.", "e.g.Some", "Ph.D", "p.Gly12Val") have a capital or a single letter before
the period and stay as they are; URLs and e-mail addresses are left alone.
"""

from __future__ import annotations

import re

from ingest.cleaning.edits import RuleResult, SectionContext
from ingest.cleaning.furniture import url_spans

_GLUED = re.compile(r"(?:(?<=[a-z]{2})|(?<=[)%\]]))[.?!](?=[A-Z][a-z])")
_EMAIL_LIKE = re.compile(r"[^\s@]{0,64}@[^\s@]{1,255}")  # bounded: no backtracking blow-up


def space_glued_sentences(text: str, _context: SectionContext) -> RuleResult:
    joins = [match.end() for match in _GLUED.finditer(text)]
    if not joins:
        return text, ()
    protected = url_spans(text) + [match.span() for match in _EMAIL_LIKE.finditer(text)]
    cuts = [
        position
        for position in joins
        if not any(start <= position < end for start, end in protected)
    ]
    if not cuts:
        return text, ()
    pieces = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return " ".join(pieces), ()
