"""A scraped page as a sequence of lines, and what each line is where it stands.

A line is prose (a sentence, or a long lead-in ending in a colon), a label (short, without
sentence punctuation), a list item (a bullet, or a label after a line ending in a colon), or a
byline-like meta line. Whether a label is a heading or a scrap of menu depends on what it heads,
so the questions here look at a line's neighbours as well as at its words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ingest.review_date import is_date_line
from ingest.scraped.chrome import BULLET, is_heading_like, is_nav_row, is_notice, is_sentence

# A line ending in a colon this long introduces a list in the body; shorter ones are menu labels.
LEAD_IN_MIN_WORDS = 8
# A hard-wrapped row is at least this share of its block's longest row.
WRAPPED_ROW_SHARE = 0.6
# Fewer cased letters than this say nothing of a line being written in capitals ("NHS 111").
CAPITALS_MIN_LETTERS = 6
# A date as bylines write it: "May 4, 2024", "3 March 2024", "2024-05-04", "04/05/2024".
_DATE = re.compile(
    r"\d{1,2},\s*\d{4}\b|\b\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)

_CELL_SEPARATOR = re.compile(r"\s\|\s")
_STAMP_MAX_WORDS = 15
# A label of up to four words and its colon, with a year in the next few words: "Updated: 3 May
# 2023", "Last reviewed: June 2024", "Published: 2024-05-04".
_STAMP = re.compile(r"^[A-Z][\w']*(?: [\w']+){0,3}:\s*(?:\S+\s+){0,3}?\S*?\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class Line:
    """One line of a scraped page (a hard-wrapped sentence is rejoined into one)."""

    text: str
    standalone: bool  # alone in its blank-line separated block
    bullet: bool
    chrome: bool = False  # chrome wherever it stands: dropped, and skipped when reading around it
    # First of its block: where a page that puts no blank line under its headings has them.
    opens_block: bool = False


def split_lines(text: str) -> list[Line]:
    """Blank-line blocks split into lines where a line is complete; hard-wrapped lines rejoin."""
    lines: list[Line] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        rows = [row for row in (" ".join(row.split()) for row in block.split("\n")) if row]
        width = max(map(len, rows), default=0)
        parts: list[str] = []
        for row in rows:
            if parts and _continues(parts[-1], row, heads_block=len(parts) == 1, width=width):
                parts[-1] = f"{parts[-1]} {row}"
            else:
                parts.append(row)
        lines.extend(
            Line(
                text=part,
                standalone=len(parts) == 1,
                bullet=bool(BULLET.match(part)),
                opens_block=n == 0,
            )
            for n, part in enumerate(parts)
        )
    return lines


def _continues(previous: str, row: str, *, heads_block: bool, width: int) -> bool:
    """A hard-wrapped row: the previous one stopped mid-sentence and was not a short label.

    A block's first row that reads as a heading and stops well short of the block's longest row
    was not wrapped there: it is a heading with its text on the next line ("Sun safety: how to
    protect your skin" over "Spend time in the shade ..."), as wrapping fills each row.
    """
    if BULLET.match(row) or BULLET.match(previous):
        return False
    if heads_block and is_heading_like(previous) and len(previous) < WRAPPED_ROW_SHARE * width:
        return False
    if _in_capitals(previous) and not _in_capitals(row):
        return False  # a title in capitals over its subtitle: a wrapped capital line stays capital
    # A table row or a row of links is a line of its own, never wrapped prose, and so is a
    # dateline ("Patient leaflet - Example Trust" over "Reviewed May 2024").
    if cell_count(row) or cell_count(previous) or is_date_line(row):
        return False
    if re.search(r"[.!?…:;][\"'”’)\]]*$", previous):
        return False
    return row[0].islower() or len(previous.split()) >= 7


def _in_capitals(text: str) -> bool:
    cased = [c for c in text if c.isupper() or c.islower()]
    return len(cased) >= CAPITALS_MIN_LETTERS and all(c.isupper() for c in cased)


def cell_count(text: str) -> int:
    """The cells of a row written with pipes ("Drug | Dose | When"); 0 for any other line."""
    return len(_CELL_SEPARATOR.split(text)) if _CELL_SEPARATOR.search(text) else 0


def _is_footer_row(text: str) -> bool:
    return is_nav_row(text) or is_notice(text)


def is_date_stamp(line: Line) -> bool:
    """A label and a date under a title ("Updated: 3 May 2023  Checked by: ..."): when the
    page was written or checked, not a heading over the text that follows."""
    return len(line.text.split()) <= _STAMP_MAX_WORDS and bool(_STAMP.match(line.text))


def is_prose(line: Line) -> bool:
    lead_in = line.text.endswith(":") and len(line.text.split()) >= LEAD_IN_MIN_WORDS
    if line.chrome or line.bullet or not (is_sentence(line.text) or lead_in):
        return False
    return not (line.standalone and is_heading_like(line.text))


def is_short_lead(line: Line) -> bool:
    """A short line ending in a colon: a lead-in ("You can:") or a label ("Next Article:")."""
    short = len(line.text.split()) < LEAD_IN_MIN_WORDS
    return short and not line.bullet and line.text.endswith(":")


def is_label(line: Line) -> bool:
    return is_heading_like(line.text) or is_short_lead(line)


def is_meta(line: Line) -> bool:
    """A byline, date or photo credit: the lines that sit between a headline and its article."""
    if line.chrome or line.bullet or is_prose(line):
        return False
    if not line.standalone or _DATE.search(line.text):
        return True
    return not is_label(line)


def is_item(line: Line) -> bool:
    """A bullet or a short label: what a list after a line ending in a colon is made of."""
    return line.bullet or is_heading_like(line.text)


@dataclass(frozen=True)
class Page:
    """A scraped page's lines, and the questions about a line that depend on its neighbours.

    Answers are worked out once per page, so asking about every line stays linear in its length.
    """

    lines: tuple[Line, ...]

    def in_list(self, i: int) -> bool:
        """An item of a list after a line ending in a colon, not an orphaned menu entry."""
        return i in self._items

    def introduces_list(self, i: int) -> bool:
        """A line ending in a colon followed by at least two items."""
        return i in self._list_ends

    def in_table(self, i: int) -> bool:
        """A row of a pipe table: a neighbouring line has as many cells. A row of links alone
        ("About | Contact | Privacy") is not one."""
        return i in self._table_rows

    def heads_content(self, i: int) -> bool:
        """Whether the next line, past chrome, is prose or starts a list."""
        return self._starts_content(self._next_kept[i])

    def heads_content_directly(self, i: int) -> bool:
        """Whether the very next line is prose or starts a list: a label over chrome is chrome."""
        return self._starts_content(i + 1)

    def heads_content_past_meta(self, i: int) -> bool:
        """Whether the next line, past chrome, bylines and credits, is prose or starts a list."""
        return self._starts_content(self._next_past_meta[i])

    def _starts_content(self, j: int) -> bool:
        if j >= len(self.lines) or self.lines[j].chrome:
            return False
        line = self.lines[j]
        return is_prose(line) or line.bullet or self.introduces_list(j) or self.in_table(j)

    @cached_property
    def _table_rows(self) -> frozenset[int]:
        """Runs of rows with as many cells, where every row below the first (the header) has
        the shape of content: a row of links or a notice below it makes the run a footer."""
        cells = [cell_count(line.text) for line in self.lines]
        rows: set[int] = set()
        start = 0
        for end in range(1, len(cells) + 1):
            if end < len(cells) and cells[end] == cells[start]:
                continue
            run = range(start, end)
            body = [self.lines[i].text for i in run][1:]
            if cells[start] >= 2 and body and not any(map(_is_footer_row, body)):
                rows.update(run)
            start = end
        return frozenset(rows)

    @cached_property
    def _list_ends(self) -> dict[int, int]:
        """Each line ending in a colon that has a list, with the end of its items.

        Items are all bullets or all short labels, like the first one; one "item" is what a
        label leads to, not a list.
        """
        ends: dict[int, int] = {}
        for i, line in enumerate(self.lines):
            if not line.text.endswith(":"):
                continue
            end, count, bullets = i + 1, 0, None
            for j in range(i + 1, len(self.lines)):
                item = self.lines[j]
                if item.chrome:
                    continue
                if not is_item(item) or bullets not in (None, item.bullet):
                    break
                end, count, bullets = j + 1, count + 1, item.bullet
            if count >= 2:
                ends[i] = end
        return ends

    @cached_property
    def _items(self) -> frozenset[int]:
        return frozenset(j for i, end in self._list_ends.items() for j in range(i + 1, end))

    @cached_property
    def _next_kept(self) -> tuple[int, ...]:
        return self._next_index(lambda line: line.chrome)

    @cached_property
    def _next_past_meta(self) -> tuple[int, ...]:
        return self._next_index(lambda line: line.chrome or is_meta(line))

    def _next_index(self, skip: Callable[[Line], bool]) -> tuple[int, ...]:
        """For each line, the index of the next line `skip` does not pass over."""
        following = [len(self.lines)] * len(self.lines)
        for i in range(len(self.lines) - 2, -1, -1):
            nxt = self.lines[i + 1]
            following[i] = i + 1 if not skip(nxt) else following[i + 1]
        return tuple(following)
