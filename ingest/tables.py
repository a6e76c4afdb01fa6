"""Tables turned into list lines a reader (and the answer composer) can quote on their own.

A table's cells are not sentences: written out as "a | b" rows they were never quoted, though a
"Do | Don't" table or a comparison is often where a page gives its answer. Each row becomes a list
item that names its columns, so the item says what it says without the table around it:

    Age | Dose | How often          ->  - Age: Adults; Dose: 2 tablets; How often: every 4 hours
    (empty) | Bladder | Kidney       ->  - Where: Bladder: bladder; Kidney: one or both kidneys
    Do | Don't (phrases in cells)    ->  Do:  - drink fluids ...   Don't:  - do not use ...

The last layout, one list per column, is for tables whose columns are lists of their own:
a header of short labels over cells that are phrases, the columns ending at different rows.
Their rows do not belong together ("drink plenty of fluids" and "do not use ibuprofen" only
share a line), so the cells are listed under their column's label. A single header cell
spanning a row (a caption, or a heading inside the table) introduces what follows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# A column header is a label, not a sentence; cells of a column list are phrases. A list's label
# may be a long category phrase ("Foods and drinks that make it harder to absorb iron"): what
# keeps a sentence out is its closing punctuation, not its length.
LABEL_MAX_WORDS = 12
PHRASE_MIN_WORDS = 4  # mean words of a column-list table's cells
COLUMN_LIST_MAX_COLUMNS = 3


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    header: bool = False  # every filled cell is a header cell (<th>, a Markdown table's head)


def table_text(rows: Sequence[Row]) -> str:
    """The table as lines: introductions ending in ":" and "- " items, blocks apart by a blank
    line. Empty when the table has no words."""
    rows = [Row(tuple(" ".join(c.split()) for c in r.cells), r.header) for r in rows]
    rows = [r for r in rows if any(r.cells)]
    width = max((len(r.cells) for r in rows), default=0)
    blocks: list[list[str]] = []
    header: tuple[str, ...] | None = None
    body: list[tuple[str, ...]] = []
    intro: str | None = None

    def flush() -> None:
        nonlocal body, intro
        if body or intro:
            blocks.extend(_block(intro, header, body))
        body, intro = [], None

    for row in rows:
        filled = [c for c in row.cells if c]
        spans = width > 1 and len(filled) == 1 and bool(row.cells[0])
        if spans and (row.header or (header is None and not body)):
            flush()  # a caption, or a heading inside the table
            intro = filled[0]
        elif row.header and not body:
            header = _padded(row.cells, width)
        else:
            body.append(_padded(row.cells, width))
    flush()
    return "\n\n".join("\n".join(lines) for lines in blocks if lines)


def _block(
    intro: str | None, header: tuple[str, ...] | None, body: list[tuple[str, ...]]
) -> list[list[str]]:
    lead = [_introduction(intro)] if intro else []
    if header is not None and _columns_are_lists(header, body):
        columns = []
        for j, label in enumerate(header):
            cells = [row[j] for row in body if row[j]]
            if cells:
                columns.append([_introduction(label), *(f"- {c}" for c in cells)])
        return [lead + columns[0], *columns[1:]] if columns else [lead]
    return [lead + [f"- {_item(row, header)}" for row in body if any(row)]]


def _item(row: tuple[str, ...], header: tuple[str, ...] | None) -> str:
    if header is None:
        cells = [c for c in row if c]
        if len(row) == 2 and all(row):
            return f"{row[0]}: {row[1]}"  # a two-column table without a header: name and value
        return "; ".join(cells)
    named = [f"{h}: {c}" if h else c for h, c in zip(header, row, strict=True) if c]
    if not header[0] and row[0] and len(named) > 1:
        return f"{named[0]}: {'; '.join(named[1:])}"  # the first column labels the row
    return "; ".join(named)


def _columns_are_lists(header: tuple[str, ...], body: list[tuple[str, ...]]) -> bool:
    """Columns of phrases under short labels that end at different rows ("Do" has six items,
    "Don't" four): lists side by side. Columns that end together are read as rows ("Who | When"
    pairs each group with its schedule), which never loses what belongs together."""
    if not body or not 2 <= len(header) <= COLUMN_LIST_MAX_COLUMNS:
        return False
    if not all(header) or any(len(h.split()) > LABEL_MAX_WORDS for h in header):
        return False
    if any(h.rstrip().endswith((".", "!")) for h in header):
        return False  # a header that is a sentence says something; it does not name a list
    lengths = {
        max((n for n, row in enumerate(body, 1) if row[j]), default=0) for j in range(len(header))
    }
    if len(lengths) < 2:
        return False
    cells = [c for row in body for c in row if c]
    return sum(len(c.split()) for c in cells) / len(cells) >= PHRASE_MIN_WORDS


def _introduction(text: str) -> str:
    return text if text.endswith((":", ".", "?", "!")) else f"{text}:"


def _padded(cells: tuple[str, ...], width: int) -> tuple[str, ...]:
    return cells + ("",) * (width - len(cells))
