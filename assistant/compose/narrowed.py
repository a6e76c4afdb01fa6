"""Part of an answer already given, for a follow-up that would otherwise repeat it whole.

"and in older people?" after "what are the symptoms of a UTI?" finds the same section again: its
one sentence about older people is inside the answer just quoted. Quoting all of it again hides
that sentence; the lines naming the group are the answer (`lines_naming`). When no line names
the group, the answer is the general one already given, and its opening stands for it
(`opening`). Either way the kept lines keep their [n] markers, renumbered over the citations
they still name, so the sources stay shown.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.compose.base import Composition
from assistant.compose.citations import MARKER

# A line that introduces a list ends with a colon; its items start with "- ".
_ITEM = "- "


def lines_naming(composition: Composition, group: re.Pattern[str]) -> Composition | None:
    """The lines of the answer that name the group (a list item with the line introducing its
    list), or None when none does or every line does (nothing would be left out)."""
    lines = [line for line in composition.text.splitlines() if line.strip()]
    kept: list[str] = []
    intro = ""
    for line in lines:
        if not line.startswith(_ITEM):
            intro = line if line.rstrip().rstrip("[]0123456789 ").endswith(":") else ""
        if group.search(MARKER.sub("", line)):
            if line.startswith(_ITEM) and intro and intro not in kept:
                kept.append(intro)
            kept.append(line)
    if not kept or len(kept) == len(lines):
        return None
    return renumbered(composition, kept)


def opening(composition: Composition) -> Composition:
    """The answer's first line, with the list it introduces when it introduces one."""
    lines = [line for line in composition.text.splitlines() if line.strip()]
    if not lines:
        return composition
    kept = [lines[0]]
    if lines[0].rstrip().rstrip("[]0123456789 ").endswith(":"):
        kept += _items_after(lines)
    if len(kept) == len(lines):
        return composition
    return renumbered(composition, kept)


def _items_after(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines[1:]:
        if not line.startswith(_ITEM):
            break
        items.append(line)
    return items


def renumbered(composition: Composition, kept: list[str]) -> Composition:
    """`kept` as the answer, citing only the sources it names, numbered from 1 in order."""
    order: list[int] = []
    for line in kept:
        for found in MARKER.findall(line):
            if int(found) not in order:
                order.append(int(found))
    new = {old: n for n, old in enumerate(order, 1)}
    by_n = {c.n: c for c in composition.citations}
    citations = tuple(replace(by_n[old], n=new[old]) for old in order if old in by_n)
    text = "\n".join(MARKER.sub(lambda m: f"[{new.get(int(m.group(1)), 0)}]", k) for k in kept)
    return Composition(text=text, citations=citations)
