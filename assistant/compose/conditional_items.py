"""A list item that completes its list's condition leads inside its list, never alone.

"You are more likely to get gout if you:" then "- drink a lot of alcohol": the item is the second
half of a sentence whose first half is the list's introduction. Taken out of its list to lead an
answer (`answering_item`) it reads as a sentence of its own and says something else: advice to
drink, or, under "Contact a doctor if:", a statement about the reader ("You wear contact
lenses."). Under "Do not:" it says the opposite. So such an item leads under its introduction
(or, for a list with none, its section's heading), the rest of its list right after it. An
item under an introduction that says what its items are ("Symptoms include:", "To ease an
attack:") still reads as what it says, and leads alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.compose.passages import SectionPassage
from assistant.compose.scored import ScoredUnit
from assistant.compose.units import Unit, continues_line, is_lead_in, is_list_item

# An introduction that its items complete as a condition ("if you:", "when:", "in people who:")
# or a prohibition ("Do not:", "You should never:", "Things to avoid:"), up to its end: a comma
# closes the condition ("If these do not help, try:" introduces what to try).
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|unless|who|not|never|avoid|\w+n['’]t)\b[^,;.!?]*$", re.IGNORECASE
)


def completes_condition(introduction: str) -> bool:
    """The introduction is a condition or a prohibition that its items complete."""
    return bool(_CONDITION.search(introduction.strip().rstrip(":").strip()))


def kept_under_condition(
    chosen: Sequence[ScoredUnit], first: Sequence[ScoredUnit]
) -> tuple[list[ScoredUnit], list[ScoredUnit], set[int]]:
    """(`chosen`, `first`) with every item in `first` taken out of a list whose introduction it
    completes (`completes_condition`) put back under that introduction: one list of the
    introduction and the item, then the rest of the list, both leading where the item did. The
    third value: the ids of the items whose list has no introduction but a heading that is the
    condition, which the layout shows as their label."""
    chosen, first = list(chosen), list(first)
    labelled: set[int] = set()
    for item in list(first):
        section = item.section
        start = item.unit.sentences[0]
        if item.unit.is_list or not is_list_item(section.sentence(start)):
            continue
        rest = _rest_of_list(chosen, item)
        introduction = _introduction(section, start, rest)
        if introduction:
            if not completes_condition(section.sentence(introduction[-1])):
                continue
        elif not completes_condition(section.first.chunk.section):
            continue
        listed = replace(
            item, unit=Unit(sentences=(*introduction, *item.unit.sentences), is_list=True)
        )
        if not introduction:
            labelled.add(id(listed))
        leading = [listed]
        if rest is not None:
            after = replace(
                rest,
                unit=replace(
                    rest.unit,
                    sentences=tuple(k for k in rest.unit.sentences if k not in introduction),
                ),
            )
            chosen = [c for c in chosen if c is not rest]
            first = [c for c in first if c is not rest]
            if any(is_list_item(section.sentence(k)) for k in after.unit.sentences):
                chosen.append(after)
                leading.append(after)
        at = next(n for n, c in enumerate(first) if c is item)
        first[at : at + 1] = leading
        chosen = [listed if c is item else c for c in chosen]
    return chosen, first, labelled


def _rest_of_list(chosen: Sequence[ScoredUnit], item: ScoredUnit) -> ScoredUnit | None:
    """The chosen list the item was taken out of: of its section, with the item filling a hole
    in it or standing at its end, and its introduction, if it has one, before the item."""
    section = item.section
    for unit in chosen:
        if unit.section.key != section.key or not unit.unit.is_list or not unit.unit.sentences:
            continue
        together = sorted({*unit.unit.sentences, *item.unit.sentences})
        contiguous = together == list(range(together[0], together[-1] + 1))
        opening = unit.unit.sentences[0]
        if contiguous and (
            opening < item.unit.sentences[0] or is_list_item(section.sentence(opening))
        ):
            return unit
    return None


def _introduction(
    section: SectionPassage, start: int, rest: ScoredUnit | None
) -> tuple[int, ...]:
    """The sentences that introduce the list item `start` belongs to: the rest of its list's,
    or, with the rest not chosen, the lead-in line right before the list; () for none."""
    if rest is not None:
        texts = [(k, section.sentence(k)) for k in rest.unit.sentences]
        first_item = next((n for n, (_, text) in enumerate(texts) if is_list_item(text)), 0)
        return tuple(k for k, _ in texts[:first_item])
    k = start - 1
    while k >= 0:
        line = k
        while line > 0 and continues_line(section.text, section.sentences, line):
            line -= 1  # back to the start of the sentence's line
        if not is_list_item(section.sentence(line)):
            break
        k = line - 1
    if k >= 0 and is_lead_in(section.sentence(k)):
        return (k,)
    return ()
