"""A PDF's headings, from how they are printed: a line set larger than the body text, or in bold.

Read from the text alone, any short capitalised line looked like a heading, so a table cell or
a short item ("2 weeks", "Meat and fish") became the name of a section. A leaflet marks its
headings with its letters; the body is the size most of its text is set in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from healthqa.text.sentences import HEADING_MAX_WORDS
from ingest.pdf_page import Piece

HEADING_SIZE_RATIO = 1.1  # how much larger than the body's a heading's letters are
SMALL_PRINT_RATIO = 0.9  # how much smaller than the body's small print's letters are
# A styled line that ends like a sentence or a clause is emphasis, not a heading.
_ENDS_CLAUSE = re.compile(r"[.,;:!]['\"”’)]*$")


def body_size(pages: Iterable[Sequence[Piece]]) -> float | None:
    """The font size most of the document's letters are set in."""
    letters = Counter[float]()
    for pieces in pages:
        for piece in pieces:
            if piece.size > 0:  # a page read as text alone has no sizes
                letters[round(piece.size, 1)] += len(piece.text.strip())
    letters = Counter({size: n for size, n in letters.items() if n})
    return letters.most_common(1)[0][0] if letters else None


def heading_lines(pieces: Sequence[Piece], body: float | None) -> frozenset[str]:
    """The page's lines (whitespace collapsed) printed as headings."""
    if body is None:
        return frozenset()
    found = set()
    for text, styles in printed_lines(pieces):
        line = " ".join(text.split())
        styled = bool(styles) and all(_heading_style(piece, body) for piece in styles)
        if line and styled and _heading_shape(line):
            found.add(line)
    return frozenset(found)


def small_print_lines(pieces: Sequence[Piece], body: float | None) -> frozenset[str]:
    """The page's lines (whitespace collapsed) printed in letters smaller than the body's."""
    if body is None:
        return frozenset()
    return frozenset(
        " ".join(text.split())
        for text, styles in printed_lines(pieces)
        if styles and all(0 < piece.size <= SMALL_PRINT_RATIO * body for piece in styles)
    )


def printed_lines(pieces: Sequence[Piece]) -> list[tuple[str, list[Piece]]]:
    """Each line of the joined text with the pieces that put letters on it."""
    lines: list[tuple[str, list[Piece]]] = [("", [])]
    for piece in pieces:
        for n, part in enumerate(piece.text.split("\n")):
            if n:
                lines.append(("", []))
            text, styles = lines[-1]
            lines[-1] = (text + part, [*styles, piece] if part.strip() else styles)
    return lines


def _heading_style(piece: Piece, body: float) -> bool:
    return piece.size >= HEADING_SIZE_RATIO * body or (piece.bold and piece.size >= body - 0.5)


def _heading_shape(line: str) -> bool:
    return (
        len(line.split()) <= HEADING_MAX_WORDS
        and not _ENDS_CLAUSE.search(line)
        and not line.startswith(("- ", "•"))
    )
