"""A sentence that points at the page around it is quoted only beside what it points at.

"Many people use saline nasal rinses and the self-care steps above first." means something only
under those steps; quoted from its own section, where nothing is above it, it points at nothing.
A sentence whose "above" or "below" has nothing after it to be above or below ("the advice
above", "as described below"; not "pain below the ribs", "a temperature above 38C") is quoted
only when the answer shows the nearest list before it (after that list, not leading the
answer), or, pointing ahead, the nearest list after it. Otherwise it is left out, with what
its unit says after it (which leans on it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.compose.scored import ScoredUnit
from assistant.compose.units import continues_line, is_list_item

# "above"/"below" as a pointer: at the end of a clause, or before a word that cannot be what it
# is above or below ("the steps above first", "the tips below can help"). Not after "and"/"or"
# ("aged 65 and above"), nor in "above and below the knee".
_POINTER = re.compile(
    r"(?<!\band )(?<!\bor )\b(?P<where>above|below)\b"
    r"(?!\s+(?:and|or)\s+(?:above|below)\b)"
    r"(?=\s*(?:$|[.,;:!?)\]]"
    r"|(?:first|and|or|but|to|for|in|on|may|might|can|could|is|are|was|were|has|have|will"
    r"|would|should|do|does|don['’]t|doesn['’]t|help|helps|work|works|also|too|then|if|when"
    r"|before|after|again|instead|already)\b))",
    re.IGNORECASE,
)


def points_at(sentence: str) -> str:
    """"above" or "below" for a sentence pointing at the page around it, "" for none."""
    found = _POINTER.search(sentence)
    return found.group("where").lower() if found else ""


def beside_what_they_point_at(
    chosen: Sequence[ScoredUnit], first: Sequence[ScoredUnit]
) -> tuple[list[ScoredUnit], list[ScoredUnit]]:
    """(`chosen`, `first`) without the pointing sentences (`points_at`) of prose units that are
    not quoted beside the list they point at, and without what follows them in their unit."""
    quoted: dict[tuple[str, str], set[int]] = {}
    for unit in chosen:
        quoted.setdefault(unit.section.key, set()).update(unit.unit.sentences)
    # What leads its section's paragraph comes before the rest of it: above a leading sentence
    # are only the leading units before it.
    leading_before: dict[int, set[int]] = {}
    for n, unit in enumerate(first):
        leading_before[id(unit)] = {
            k for u in first[:n] if u.section.key == unit.section.key for k in u.unit.sentences
        }
    cut: dict[int, ScoredUnit | None] = {}
    for unit in chosen:
        if unit.unit.is_list:
            continue
        section = unit.section
        for n, k in enumerate(unit.unit.sentences):
            where = points_at(section.sentence(k))
            if not where:
                continue
            step = -1 if where == "above" else 1
            seen = quoted[section.key]
            if where == "above" and id(unit) in leading_before:
                seen = leading_before[id(unit)]
            if not _quoted_list(unit, k + step, step, seen):
                before = unit.unit.sentences[:n]
                shorter = replace(
                    unit,
                    unit=replace(unit.unit, sentences=before),
                    words=sum(len(section.sentence(j).split()) for j in before),
                )
                cut[id(unit)] = shorter if before else None
                break
    if not cut:
        return list(chosen), list(first)

    def kept(units: Sequence[ScoredUnit]) -> list[ScoredUnit]:
        found = [cut.get(id(u), u) for u in units]
        return [u for u in found if u is not None]

    if not kept(chosen):
        return list(chosen), list(first)  # the answer is that sentence, or nothing
    return kept(chosen), kept(first)


def _quoted_list(unit: ScoredUnit, index: int, step: int, quoted: set[int]) -> bool:
    """The nearest list item of the unit's section from sentence `index` on, going `step`, is
    quoted: the list the sentence points at ("- bend over after a meal", then "Raising your bed
    also helps.", then "If the tips above do not help, ...")."""
    section = unit.section
    while 0 <= index < len(section.sentences):
        line = index
        while line > 0 and continues_line(section.text, section.sentences, line):
            line -= 1
        if is_list_item(section.sentence(line)):
            return index in quoted
        index += step
    return False
