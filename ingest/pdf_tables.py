"""Ruled tables on a PDF page: their cells found from the boxes drawn around them, their rows
written the way HTML and Markdown tables are (`ingest.tables`).

Extracted as plain text, a table's rows came out as lines of run-together cells, and a cell
that wrapped to two lines put its row's other cells on lines of their own, where a short one
("2 weeks") read as a heading and the rest of the table was lost under it. A ruled table draws
a box around each cell: boxes of equal height side by side make a row, rows stacked edge to edge
with the same column edges make a table, and the text inside each box is that cell's, however
many lines it wraps to. Each row then becomes one list item that names its columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ingest.pdf_page import Box, Piece
from ingest.tables import Row, table_text

# How far apart (in points) two edges may be and still be the same edge.
EDGE_SLACK = 2.0
MIN_ROWS = 2
MIN_COLUMNS = 2


@dataclass(frozen=True)
class Grid:
    """A table's cells: rows from the top, each row's cells from the left."""

    rows: tuple[tuple[Box, ...], ...]

    def holds(self, piece: Piece) -> bool:
        return any(cell.holds(piece) for row in self.rows for cell in row)


def find_grids(boxes: Sequence[Box]) -> list[Grid]:
    rows = sorted(_rows(boxes), key=lambda row: -row[0].top)
    grids: list[list[tuple[Box, ...]]] = []
    for row in rows:
        if grids and _stacks_under(grids[-1][-1], row):
            grids[-1].append(row)
        else:
            grids.append([row])
    return [Grid(tuple(rows)) for rows in grids if len(rows) >= MIN_ROWS]


class PageTables:
    """Puts the tables of a document's pages, read in order, in place of their cells' pieces.

    A table broken at the foot of a page that goes on, without its header row, in the same
    columns at the top of the next is read under the header it started with."""

    def __init__(self) -> None:
        self._header: tuple[Row, tuple[float, ...]] | None = None  # the last table's, if any

    def with_tables(self, pieces: Sequence[Piece], grids: Sequence[Grid]) -> tuple[Piece, ...]:
        """The pieces with each table's pieces replaced by one piece: the table as list lines,
        set apart by blank lines, where its first cell's text was."""
        out: list[Piece] = []
        done: set[int] = set()
        for piece in pieces:
            found = (i for i, g in enumerate(grids) if piece.text.strip() and g.holds(piece))
            grid = next(found, None)
            if grid is None:
                out.append(piece)
            elif grid not in done:
                held = [p for p in pieces if p.text.strip() and grids[grid].holds(p)]
                rows = self._headed(grid_rows(grids[grid], held), grids[grid], first=not done)
                done.add(grid)
                size = min(p.size for p in held)
                text = f"\n\n{table_text(rows)}\n\n"
                out.append(Piece(text, piece.x, piece.y, size=size, bold=False))
        if grids and not done:
            self._header = None
        return tuple(out)

    def _headed(self, rows: list[Row], grid: Grid, *, first: bool) -> list[Row]:
        lefts = tuple(cell.left for cell in grid.rows[0])
        header = self._header
        if rows and rows[0].header:
            self._header = (rows[0], lefts)
            return rows
        if first and header is not None and _same_columns(header[1], lefts):
            return [header[0], *rows]
        self._header = None
        return rows


def grid_rows(grid: Grid, pieces: Sequence[Piece]) -> list[Row]:
    """The text in each cell, its wrapped lines joined; the first row is the header when it alone
    is set in bold."""
    taken: set[int] = set()
    rows: list[tuple[str, ...]] = []
    bold: list[bool] = []
    for boxes in grid.rows:
        cells = []
        all_bold = True
        for box in boxes:
            inside = [i for i, p in enumerate(pieces) if i not in taken and box.holds(p)]
            taken.update(inside)
            all_bold = all_bold and all(pieces[i].bold for i in inside)
            cells.append(" ".join(" ".join(pieces[i].text for i in inside).split()))
        rows.append(tuple(cells))
        bold.append(all_bold and any(cells))
    header = bold[0] and not all(bold[1:])
    return [Row(cells, header=header and n == 0) for n, cells in enumerate(rows)]


def _rows(boxes: Sequence[Box]) -> list[tuple[Box, ...]]:
    """Boxes of one height side by side, left to right; a box drawn twice (filled, then
    stroked) counts once."""
    bands: list[list[Box]] = []
    for box in boxes:
        band = next((b for b in bands if _same_band(b[0], box)), None)
        if band is None:
            bands.append([box])
        elif not any(_same_box(box, other) for other in band):
            band.append(box)
    rows = []
    for band in bands:
        cells = sorted(band, key=lambda box: box.left)
        side_by_side = all(abs(a.right - b.left) <= EDGE_SLACK for a, b in pairwise(cells))
        if len(cells) >= MIN_COLUMNS and side_by_side:
            rows.append(tuple(cells))
    return rows


def _stacks_under(above: tuple[Box, ...], row: tuple[Box, ...]) -> bool:
    return (
        abs(above[0].bottom - row[0].top) <= EDGE_SLACK
        and len(above) == len(row)
        and all(abs(a.left - b.left) <= EDGE_SLACK for a, b in zip(above, row, strict=True))
    )


def _same_columns(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= EDGE_SLACK for x, y in zip(a, b, strict=True))


def _same_band(a: Box, b: Box) -> bool:
    return abs(a.top - b.top) <= EDGE_SLACK and abs(a.bottom - b.bottom) <= EDGE_SLACK


def _same_box(a: Box, b: Box) -> bool:
    return _same_band(a, b) and abs(a.left - b.left) <= EDGE_SLACK
