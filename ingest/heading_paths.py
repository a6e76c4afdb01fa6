"""Section names that keep a heading whose only content is subsections.

A page often groups its subsections under a heading with no text of its own: "Treatment" over
"Emollients", "Steroid creams" and "Other treatments". Each subsection becomes a section, and the
grouping heading, with no text, becomes none, so nothing the index holds says "treatment" and a
question about treatment cannot be matched to a heading. Such a subsection is named with its
group: "Emollients (Treatment)". The subsection's own words come first, because the first words
of a heading say what it answers ("Preventing attacks (Treatment for gout)" is about
prevention); the group's words only add what the subsection's do not say.

Loaders know the levels, so they find each subsection's group (`section_groups`) and record it
in the section's metadata under `GROUP`; `ingest.cleaning` names the section with it when it
names the article's sections (`named_section`), so every format's sections are named alike.

A group heading with text of its own keeps its own section, which already says its words, so its
subsections keep their own names. A title groups nothing: a level-1 heading, or one that says the
document's title, is over every section and names none of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ingest.model import Section

# The metadata key under which a loader records a section's group heading.
GROUP = "heading_group"


@dataclass(frozen=True)
class Heading:
    """One heading of a document in reading order, and whether text follows it directly."""

    level: int  # 1 for a title, 2 for "##" or <h2>, ...
    text: str
    has_text: bool


def with_group(heading: str, group: str) -> str:
    """"Emollients" under "Treatment" -> "Emollients (Treatment)"; unchanged when the heading
    already says the group's name or asks a question of its own ("How is it treated?")."""
    if not group or heading.endswith("?") or group.casefold() in heading.casefold():
        return heading
    return f"{heading} ({group.rstrip(':').strip()})"


def section_groups(headings: Sequence[Heading], *, title: str = "") -> list[str]:
    """Each heading's group: the nearest heading above it at a higher level when that one has
    no text of its own, else ""."""
    groups: list[str] = []
    above: list[Heading] = []
    for heading in headings:
        while above and above[-1].level >= heading.level:
            above.pop()
        group = above[-1] if above else None
        named = group is not None and _groups(group, title) and bool(heading.text)
        groups.append(group.text if named and group is not None else "")
        above.append(heading)
    return groups


def with_group_recorded(section: Section, group: str) -> Section:
    if not group:
        return section
    return replace(section, metadata={**section.metadata, GROUP: group})


def named_section(section: Section) -> Section:
    """The section named with the group its loader recorded, the record itself gone."""
    if GROUP not in section.metadata:
        return section
    metadata = {k: v for k, v in section.metadata.items() if k != GROUP}
    heading = with_group(section.heading, section.metadata[GROUP])
    return replace(section, heading=heading, metadata=metadata)


def _groups(heading: Heading, title: str) -> bool:
    said = " ".join(heading.text.split()).casefold()
    return not heading.has_text and heading.level > 1 and said != " ".join(title.split()).casefold()
