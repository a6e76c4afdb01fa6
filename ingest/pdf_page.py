"""One PDF page as pypdf reads it, with where each piece of text sits and the boxes drawn on it.

pypdf's plain text extraction hands every piece of text it emits to a visitor, with the
matrices that place it and its font; the pieces, joined, are the page's extracted text. Keeping
them lets the loader see what the text alone hides: a table's cells (text inside the boxes a
ruled table draws), and headings (text set larger or bolder than the body).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pypdf import PageObject

# Boxes thinner than this are rules or underlines, not cells.
BOX_MIN_SIDE = 2.0


@dataclass(frozen=True)
class Piece:
    """A run of text as the extractor emitted it; x, y: where it starts, in page points."""

    text: str
    x: float
    y: float
    size: float  # font size as printed (scaled by the text and page matrices)
    bold: bool
    italic: bool = False


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    def holds(self, piece: Piece, slack: float = 1.0) -> bool:
        return (
            self.left - slack <= piece.x < self.right
            and self.bottom - slack <= piece.y <= self.top + slack
        )


@dataclass(frozen=True)
class PageLayout:
    text: str  # the page's extracted text
    pieces: tuple[Piece, ...]  # in extraction order
    boxes: tuple[Box, ...]  # rectangles drawn on the page, in drawing order

    @property
    def pieces_make_text(self) -> bool:
        """Whether the pieces, joined, are the extracted text. They are for the PDFs seen so far;
        where they are not, the pieces cannot be put back in place of the text."""
        return "".join(piece.text for piece in self.pieces) == self.text


def read_page(page: PageObject) -> PageLayout:
    pieces: list[Piece] = []
    boxes: list[Box] = []

    def visit_text(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        a, b, c, d, e, f = (float(v) for v in cm)
        tx, ty = float(tm[4]), float(tm[5])
        scale = abs(float(tm[3]) * d) or 1.0
        name = str(font.get("/BaseFont", "")) if font else ""
        pieces.append(
            Piece(
                text=text,
                x=tx * a + ty * c + e,
                y=tx * b + ty * d + f,
                size=float(size) * scale,
                bold="bold" in name.lower() or "black" in name.lower(),
                italic="italic" in name.lower() or "oblique" in name.lower(),
            )
        )

    def visit_operator(operator: Any, operands: Any, cm: Any, _tm: Any) -> None:
        if operator != b"re" or len(operands) != 4:
            return
        x, y, w, h = (float(v) for v in operands)
        a, b, c, d, e, f = (float(v) for v in cm)
        xs = [x * a + y * c + e, (x + w) * a + (y + h) * c + e]
        ys = [x * b + y * d + f, (x + w) * b + (y + h) * d + f]
        box = Box(min(xs), min(ys), max(xs), max(ys))
        if box.right - box.left >= BOX_MIN_SIDE and box.top - box.bottom >= BOX_MIN_SIDE:
            boxes.append(box)

    text = page.extract_text(visitor_text=visit_text, visitor_operand_before=visit_operator)
    return PageLayout(text=text or "", pieces=tuple(pieces), boxes=tuple(boxes))
