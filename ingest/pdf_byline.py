"""A PDF leaflet's byline: who issued it and when, printed under its title.

Leaflets set a line or two between the title and the text in letters of their own, italic or
smaller than the body ("Eastbrook Trust - Diabetes Service patient leaflet. Reviewed: May
2025."). Read as text, it became the opening of the article and was quoted as health text. The
date is read from the pages as printed (`ingest.pdf_dates`) before this; what is left says only
whose leaflet it is. The lines count as the byline only when they state a date: an opening
paragraph set in italics says what the leaflet is about and stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.pdf_headings import printed_lines
from ingest.pdf_page import Piece
from ingest.review_date import DATE

# Letters this much smaller than the body's (in points) are set apart from it.
SMALLER_BY = 0.3
_DATED = re.compile(DATE, re.IGNORECASE)


def byline_lines(pieces: Sequence[Piece], body: float | None) -> frozenset[str]:
    """The first page's lines (whitespace collapsed) printed right under its title, before any
    heading or body text, in italic or smaller letters, when together they state a date."""
    if body is None:
        return frozenset()
    lines = [(" ".join(text.split()), inked) for text, inked in printed_lines(pieces)]
    lines = [(text, inked) for text, inked in lines if text and inked]
    largest = max((piece.size for _, inked in lines for piece in inked), default=0.0)
    title_end = next(
        (n for n, (_, inked) in enumerate(lines) if all(p.size >= largest - 0.1 for p in inked)),
        None,
    )
    if title_end is None or largest <= body:
        return frozenset()
    while title_end + 1 < len(lines) and _in_size(lines[title_end + 1][1], largest):
        title_end += 1  # the title wrapped onto more lines
    byline: list[str] = []
    for text, inked in lines[title_end + 1 :]:
        if not all(_set_apart(piece, body) for piece in inked):
            break
        byline.append(text)
    if byline and _DATED.search(" ".join(byline)):
        return frozenset(byline)
    return frozenset()


def _in_size(inked: Sequence[Piece], size: float) -> bool:
    return all(piece.size >= size - 0.1 for piece in inked)


def _set_apart(piece: Piece, body: float) -> bool:
    """Printed unlike the body and unlike a heading: italic or smaller, never bold or larger."""
    if piece.bold or piece.size > body + SMALLER_BY:
        return False
    return piece.italic or piece.size <= body - SMALLER_BY


def without_byline(page: str, byline: frozenset[str]) -> str:
    """The page's text without its byline's lines."""
    if not byline:
        return page
    return "\n".join(line for line in page.splitlines() if " ".join(line.split()) not in byline)
