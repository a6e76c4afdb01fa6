"""List items a plain-text file wraps onto the lines under them, made whole before parsing.

A leaflet written as text wraps its lines at a fixed width, and an item too long for one line
goes on, on the next, indented to where the item's words start:

      * Do not put anything in the child's nose, such as cotton wool or
        tissue, unless a nurse has shown you how.

Read line by line, the item stopped at "or" and its end became a paragraph of its own (or the
next item's start), so an answer quoted half an instruction. A line indented past its item's
mark, with no mark of its own, is the item going on, and is joined to it; a line back at the
mark's margin (or left of it) is what follows the list, and a blank line ends the item.
"""

from __future__ import annotations

import re

# "* ", "- ", "• ", "1. ", "2) ": a mark, then the item's words.
_ITEM = re.compile(r"^([ \t]*)(?:[-*+•·▪◦‣–]|\d{1,3}[.)])[ \t]+(?=\S)")


def with_wrapped_items_joined(text: str) -> str:
    """The text with each item's indented continuation lines joined onto the item's line."""
    out: list[str] = []
    margin: int | None = None  # where the open item's mark stands, while its lines go on
    for line in text.split("\n"):
        item = _ITEM.match(line)
        if item is not None:
            margin = _width(item.group(1))
            out.append(line.rstrip())
            continue
        if margin is not None and line.strip() and _width(_indent(line)) > margin:
            out[-1] = f"{out[-1]} {line.strip()}"
            continue
        margin = None
        out.append(line)
    return "\n".join(out)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))
