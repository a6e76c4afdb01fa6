"""Where a PDF's list ends, from where its lines start on the page.

A bulleted item that ends without a full stop ("Wait 30 minutes before eating") and the
paragraph printed under it ("Tell your dentist you take it.") come out of the text as two
lines that look like one wrapped sentence: the item does not end a clause, and its line was
full. On the page they are apart: an item's wrapped lines start under its text, right of its
bullet, while the paragraph after the list starts back at the margin, left of the bullet.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.pdf_headings import printed_lines
from ingest.pdf_layout import BULLET
from ingest.pdf_page import Piece

# Points a line may start left of its item's bullet and still be printed under it: the
# extractor places a glyph to a fraction of a point.
INDENT_SLACK = 2.0


def lines_after_lists(pieces: Sequence[Piece]) -> frozenset[str]:
    """The page's lines (whitespace collapsed) that follow a bulleted item but start left of its
    bullet: the first line of what comes after the list, never the item's own."""
    found = set()
    bullet_x: float | None = None  # where the last item's bullet sits, while its list runs
    for text, inked in printed_lines(pieces):
        line = " ".join(text.split())
        if not line or not inked:
            continue
        x = inked[0].x
        if BULLET.match(line):
            bullet_x = x
        elif bullet_x is not None and x < bullet_x - INDENT_SLACK:
            found.add(line)
            bullet_x = None
    return frozenset(found)
