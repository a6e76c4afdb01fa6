"""Tables that plain text lays out in aligned columns, read as tables.

A text file writes a table as rows whose cells are set apart by runs of spaces, each column
starting at the same place on every row:

    Drink                       Caffeine
    A mug of filter coffee      140 mg
    A can of cola               40 mg

Read as prose, the rows run together into one line ("A mug of filter coffee 140 mg A can of
cola 40 mg") that answers nothing. Three or more such rows in a row, with as many cells each and
their columns lined up, are a table, and become the list lines every other table becomes
(`ingest.tables`): "- Drink: A can of cola; Caffeine: 40 mg".
"""

from __future__ import annotations

import re

from ingest.tables import Row, table_text

MIN_ROWS = 3
# A header names its columns: a few words each, no figures.
HEADER_MAX_WORDS = 3
# Columns may drift by this many characters (a tab expanded, a hand-aligned row).
ALIGN_SLACK = 1
_GAP = re.compile(r"\S(?: \S|\S)*")  # a cell: words with single spaces inside


def with_aligned_tables(text: str) -> str:
    """The text with each run of aligned-column rows written as a table's list lines."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = _table_end(lines, i)
        if end - i >= MIN_ROWS:
            out.extend(["", table_text(_rows(lines[i:end])), ""])
            i = end
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def _cells(line: str) -> list[tuple[int, str]]:
    """(column, text) of each cell of a row: parts apart by two spaces or more."""
    return [(m.start(), m.group()) for m in _GAP.finditer(line.expandtabs())]


def _table_end(lines: list[str], start: int) -> int:
    """Where the run of aligned rows starting at `start` ends (`start` when there is none)."""
    first = _cells(lines[start])
    if len(first) < 2:
        return start
    columns = [at for at, _ in first]
    end = start + 1
    while end < len(lines):
        cells = _cells(lines[end])
        if len(cells) != len(columns) or not all(
            abs(at - column) <= ALIGN_SLACK for (at, _), column in zip(cells, columns, strict=True)
        ):
            break
        end += 1
    return end


def _rows(lines: list[str]) -> list[Row]:
    rows = [tuple(cell for _, cell in _cells(line)) for line in lines]
    return [Row(rows[0], header=_is_header(rows[0], rows[1:])), *(Row(r) for r in rows[1:])]


def _is_header(first: tuple[str, ...], body: list[tuple[str, ...]]) -> bool:
    """Short labels without figures, shorter than the rows under them: column names."""
    if any(len(c.split()) > HEADER_MAX_WORDS or re.search(r"\d", c) for c in first):
        return False
    mean = sum(len(c.split()) for c in first) / len(first)
    body_cells = [c for row in body for c in row]
    return mean < sum(len(c.split()) for c in body_cells) / len(body_cells)
