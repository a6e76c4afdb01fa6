"""A PDF's pages cut into sections at their printed headings.

A section that runs on past the foot of a page keeps its heading on the next page: the page's
first lines are cited under the heading they were printed under, not under none. Each part is
reflowed on its own, so a heading never joins the line before it. A document without printed
headings keeps one untitled section per page, for the cleaning to split by its text. The
document's printed title is not the heading of what follows it: that text is untitled.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.model import Section
from ingest.pdf_layout import reflowed


def page_sections(
    pages: Sequence[str], headings: Sequence[frozenset[str]], *, title: str | None = None
) -> tuple[Section, ...]:
    """`pages`: each page's text, furniture gone; `headings`: each page's heading lines;
    `title`: the title as printed, if it is."""
    sections: list[Section] = []
    heading = printed = ""  # the heading as printed, which may be the title
    for number, (text, page_headings) in enumerate(zip(pages, headings, strict=True), start=1):
        body: list[str] = []
        after_heading = False
        for line in text.splitlines():
            key = " ".join(line.split())
            if key == title and not heading:
                continue  # the untitled text before the title goes on after it
            if key not in page_headings and key != title:
                body.append(line)
                after_heading = after_heading and not key
            elif after_heading and _wraps_onto(printed, key):
                printed = f"{printed} {key}"
            else:
                _add(sections, heading, body, number)
                printed, body, after_heading = key, [], True
            heading = "" if printed == title else printed
        _add(sections, heading, body, number)
    return tuple(sections)


def _wraps_onto(heading: str, line: str) -> bool:
    """A heading too long for its line goes on, in lower case, on the next."""
    return line[:1].islower() and not heading.endswith(("?", ":", "."))


def _add(sections: list[Section], heading: str, body: list[str], page: int) -> None:
    text = reflowed("\n".join(body).strip())
    if text.strip():
        sections.append(Section(heading=heading, text=text.strip(), page=page))
