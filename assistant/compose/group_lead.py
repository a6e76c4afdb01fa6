"""Which sentences lead an answer to a question that names a group (children, pregnancy, ...).

A source whose heading names the group ("Headaches in children and in pregnancy" for "my
teenager keeps getting headaches") comes before one whose heading names no group ("Causes"):
it is the article's answer for that group.

"Headaches in children and in pregnancy", "Older people and pregnancy": one section, a paragraph
for each group. Quoted in article order, a question about pregnancy opens on the children's
paragraph ("Do not give aspirin to children under 16."). When the question names one of the
groups the section's heading names, the sentences about that group lead, each with the ones that
follow it until another group is named; the rest keeps its order after them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.compose.scored import ScoredUnit
from assistant.understanding.conversation import groups_named
from healthqa.text.words import words

# A heading naming at least this many groups is a section written for several of them.
GROUPS_IN_HEADING = 2


def group_section_first(
    chosen: Sequence[ScoredUnit], group: re.Pattern[str] | None
) -> list[ScoredUnit]:
    """`chosen` with the first section whose heading names `group` first, when the first
    section's heading names no group."""
    if group is None or not chosen:
        return list(chosen)
    if groups_named(chosen[0].section.first.chunk.section):
        return list(chosen)
    named = next((c for c in chosen if group.search(c.section.first.chunk.section)), None)
    if named is None:
        return list(chosen)
    key = named.section.key
    return [c for c in chosen if c.section.key == key] + [
        c for c in chosen if c.section.key != key
    ]


def asked_group_first(
    chosen: Sequence[ScoredUnit], first: Sequence[ScoredUnit], group: re.Pattern[str] | None
) -> list[ScoredUnit]:
    """`first` with, for each section of `chosen` whose heading names `group` and another
    group, that section's units about `group` leading it, unless its lead already is about
    `group` or names no group."""
    if group is None:
        return list(first)
    leading = list(first)
    for key in dict.fromkeys(c.section.key for c in chosen):
        own = sorted((c for c in chosen if c.section.key == key), key=lambda c: c.unit.sentences)
        heading = own[0].section.first.chunk.section
        if len(groups_named(heading)) < GROUPS_IN_HEADING or not group.search(heading):
            continue
        about = _about_the_group(own, group)
        present = [u for u in leading if u.section.key == key]
        if present and not any(about[id(u)] is False for u in present):
            continue  # what leads already speaks of the asked group, or of no group
        asked = [u for u in own if about[id(u)]]
        if not asked or all(a is b for a, b in zip(own, asked, strict=False)):
            continue  # the group's sentences open the section already
        leading = [u for u in leading if u.section.key != key] + asked
    return leading


def _about_the_group(
    own: Sequence[ScoredUnit], group: re.Pattern[str]
) -> dict[int, bool | None]:
    """For each unit (in article order), whether it speaks of `group` (True), of another group
    (False), or neither (None, before any group is named). The group it names first is the one
    it speaks of ("If you are pregnant, ... the baby presses on the stomach": pregnancy). A unit
    naming no group continues the one before it ("If you are pregnant, paracetamol is the first
    choice. Speak to your midwife before taking ibuprofen.")."""
    about: dict[int, bool | None] = {}
    current: bool | None = None
    for unit in own:
        text = " ".join(unit.section.sentence(k) for k in unit.unit.sentences)
        named = next((w for w in words(text) if groups_named(w)), None)
        if named is not None:
            current = bool(group.search(named))
        about[id(unit)] = current
    return about
