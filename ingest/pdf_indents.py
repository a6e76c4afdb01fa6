"""Where a PDF's list ends, from where its lines start on the page.

A bulleted item that ends without a full stop ("Wait 30 minutes before eating") and the
paragraph printed under it ("Tell your dentist you take it.") come out of the text as two
lines that look like one wrapped sentence: the item does not end a clause, and its line was
full. On the page they are apart: an item's wrapped lines start under its text, right of its
bullet, while the paragraph after the list starts back at the margin, left of the bullet. A page
that starts its items' wrapped lines at the bullet (a column of text set without hanging
indents) still sets a paragraph apart from the list by the space above it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from ingest.pdf_headings import printed_lines
from ingest.pdf_layout import BULLET
from ingest.pdf_page import Piece

# Points a line may start left of its item's bullet and still be printed under it: the
# extractor places a glyph to a fraction of a point.
INDENT_SLACK = 2.0
# A line printed this many line steps below the one before starts a new paragraph: in a column
# whose items and paragraphs start at one margin, the space above is all that sets them apart.
GAP_LINES = 1.5


def lines_after_lists(pieces: Sequence[Piece]) -> frozenset[str]:
    """The page's lines (whitespace collapsed) that follow a bulleted item but start left of its
    bullet, or below a gap wider than a line's: the first line of what comes after the list,
    never the item's own."""
    lines = [(" ".join(text.split()), inked) for text, inked in printed_lines(pieces)]
    lines = [(line, inked) for line, inked in lines if line and inked]
    pitch = _line_pitch([inked[0].y for _, inked in lines])
    found = set()
    bullet_x: float | None = None  # where the last item's bullet sits, while its list runs
    above: float | None = None  # where the line before was printed
    for line, inked in lines:
        x, y = inked[0].x, inked[0].y
        step = above - y if above is not None else 0.0
        above = y
        if BULLET.match(line):
            bullet_x = x
        elif bullet_x is not None and (x < bullet_x - INDENT_SLACK or step > GAP_LINES * pitch):
            found.add(line)
            bullet_x = None
    return frozenset(found)


def _line_pitch(heights: Sequence[float]) -> float:
    """How far down the page one printed line is from the one before: the step between the
    wrapped lines of a paragraph or an item, the one most often taken (the shortest where none
    comes back, on a page of few lines)."""
    steps = Counter(round(a - b, 1) for a, b in pairwise(heights) if a > b)
    if not steps:
        return float("inf")
    step, count = steps.most_common(1)[0]
    return step if count > 1 else min(steps)
