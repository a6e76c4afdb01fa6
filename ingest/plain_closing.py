"""The block a plain-text leaflet closes with, read before parsing: its small print and its
contact rows.

A leaflet written as text often ends with whom to call and then its small print:

    CONTACT US

    Day Surgery Unit: 0161 496 0000 (8am to 8pm)
    Pharmacy helpline: 0161 496 0123

    Leaflet ref: DSU-12   Issued: March 2025   Review: March 2028
    (c) Northfield Hospitals. You may copy this leaflet for patient use.

Read as prose, the contact rows (short lines with no full stop) ran together into one "sentence"
that no heading was seen to head, so the heading was lost and the rows, with the small print,
joined the last section of advice and were quoted as if it said them. Two rules:

- the closing small print, the last block or blocks that carry a copyright notice (a row opening
  with "©", "(c)" or "Copyright") over short label rows (its code and dates), goes: it says
  nothing about health, and the loader reads the leaflet's date before this;
- a block after the last sentence whose rows are all "label: value" fields, at least one a
  telephone number, is a list of those rows, one item each, so a heading over it heads a
  section of its own (in the body, such rows are left as written).
"""

from __future__ import annotations

import re

_NOTICE = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
# A label row of small print: short, no full stop ("Leaflet ref: DSU-12   Issued: March 2025").
SMALL_PRINT_ROW_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
# "Day Surgery Unit: 0161 496 0000 (8am to 8pm)": a label of a few words, its colon, a value.
_FIELD = re.compile(r"^\s*[A-Z][^:.!?]{0,50}:\s+\S")
FIELD_MAX_WORDS = 16
# Seven digits or more, spaces and dashes between them: a telephone number.
_PHONE = re.compile(r"(?<!\d)\+?\d(?:[ -]?\d){6,}(?!\d)")
_BLOCKS = re.compile(r"\n[ \t]*\n")


def with_closing_block_read(text: str) -> str:
    """The text without its closing small print, and with its closing contact rows (after its
    last sentence) as list items."""
    blocks = [block for block in _BLOCKS.split(text.strip("\n")) if block.strip()]
    kept = len(blocks)
    while kept and _is_small_print(blocks[kept - 1]):
        kept -= 1
    closing = next((n + 1 for n in range(kept - 1, -1, -1) if _has_sentence(blocks[n])), 0)
    lists = {n for n in range(closing, kept) if _is_field_list(blocks[n])}
    if kept == len(blocks) and not lists:
        return text
    return "\n\n".join(
        _as_items(block) if n in lists else block for n, block in enumerate(blocks[:kept])
    )


def _has_sentence(block: str) -> bool:
    return any(_SENTENCE_END.search(row.rstrip()) for row in _rows(block))


def _rows(block: str) -> list[str]:
    return [row for row in block.split("\n") if row.strip()]


def _is_small_print(block: str) -> bool:
    """A copyright notice, with only short label rows above it in its block."""
    rows = _rows(block)
    notice = next((n for n, row in enumerate(rows) if _NOTICE.match(row)), None)
    if notice is None:
        return False
    return all(
        len(row.split()) <= SMALL_PRINT_ROW_MAX_WORDS and not _SENTENCE_END.search(row.rstrip())
        for row in rows[:notice]
    )


def _is_field_list(block: str) -> bool:
    rows = _rows(block)
    fields = all(
        _FIELD.match(row)
        and len(row.split()) <= FIELD_MAX_WORDS
        and not _SENTENCE_END.search(row.rstrip())
        for row in rows
    )
    return len(rows) >= 2 and fields and any(_PHONE.search(row) for row in rows)


def _as_items(block: str) -> str:
    return "\n".join(f"- {row.strip()}" for row in _rows(block))
