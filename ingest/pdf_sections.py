"""A PDF's pages cut into sections at their printed headings.

A section that runs on past the foot of a page keeps its heading on the next page: the page's
first lines are cited under the heading they were printed under, not under none. Each part is
reflowed on its own, so a heading never joins the line before it. A document without printed
headings keeps one untitled section per page, for the cleaning to split by its text. The
document's printed title is not the heading of what follows it: that text is untitled.

A heading stranded at the foot of a page with one line under it (its list's first item) is
joined to the rest of its section on the next page: a section of one line answers nothing by
itself, and the reader sees one list.

A sentence the page break cuts ("a supplement of 10" | "micrograms a day ...") is made whole on
the page where it starts: a page whose last line ends no sentence, followed by a page that opens
in lower case (with its running header already gone), hands that page's opening lines, up to
the end of the sentence, back to the page before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.model import Section
from ingest.pdf_layout import reflowed

# A cut sentence goes on for at most this many lines on the next page.
MAX_CARRIED_LINES = 4
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


def page_sections(
    pages: Sequence[str],
    headings: Sequence[frozenset[str]],
    *,
    title: str | None = None,
    after_lists: Sequence[frozenset[str]] = (),
) -> tuple[Section, ...]:
    """`pages`: each page's text, furniture gone; `headings`: each page's heading lines;
    `title`: the title as printed, if it is; `after_lists`: each page's lines that start what
    follows a list (`ingest.pdf_indents`)."""
    sections: list[Section] = []
    heading = printed = ""  # the heading as printed, which may be the title
    pages = with_sentences_rejoined(pages, headings)
    for number, (text, page_headings) in enumerate(zip(pages, headings, strict=True), start=1):
        apart = after_lists[number - 1] if number <= len(after_lists) else frozenset()
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
                _add(sections, heading, body, number, apart)
                printed, body, after_heading = key, [], True
            heading = "" if printed == title else printed
        _add(sections, heading, body, number, apart)
    return tuple(_with_stranded_lines_joined(sections))


def with_sentences_rejoined(
    pages: Sequence[str], headings: Sequence[frozenset[str]] = ()
) -> list[str]:
    """The pages, each sentence cut by a page break whole on the page where it starts."""
    joined = list(pages)
    for n in range(1, len(joined)):
        before = joined[n - 1].rstrip().splitlines()
        lines = joined[n].lstrip("\n").splitlines()
        page_headings = headings[n] if n < len(headings) else frozenset()
        if not before or not lines or _SENTENCE_END.search(before[-1].rstrip()):
            continue
        opening = " ".join(lines[0].split())
        if not opening[:1].islower() or opening in page_headings:
            continue
        end = next(
            (i + 1 for i, line in enumerate(lines[:MAX_CARRIED_LINES]) if _ends(line)),
            None,
        )
        if end is None:
            continue  # no sentence ends soon: not a cut sentence, or not one to move
        joined[n - 1] = "\n".join([*before, *lines[:end]])
        joined[n] = "\n".join(lines[end:])
    return joined


def _with_stranded_lines_joined(sections: Sequence[Section]) -> list[Section]:
    """A heading and the one line under it, stranded at the foot of a page, joined to the rest
    of their section on the next page, under the page where it starts. (The top of a page is
    where a section is cited from, so a line there stays on its own page.)"""
    joined: list[Section] = []
    for section in sections:
        before = joined[-1] if joined else None
        continued = (
            before is not None
            and before.heading
            and before.heading == section.heading
            and before.page is not None
            and section.page == before.page + 1
        )
        if before is not None and continued and _one_line(before):
            joined[-1] = Section(
                heading=before.heading, text=f"{before.text}\n{section.text}", page=before.page
            )
        else:
            joined.append(section)
    return joined


def _one_line(section: Section) -> bool:
    return len(section.text.splitlines()) == 1


def _ends(line: str) -> bool:
    return not line.strip() or bool(_SENTENCE_END.search(line.rstrip()))


def _wraps_onto(heading: str, line: str) -> bool:
    """A heading too long for its line goes on, in lower case, on the next."""
    return line[:1].islower() and not heading.endswith(("?", ":", "."))


def _add(
    sections: list[Section], heading: str, body: list[str], page: int, apart: frozenset[str]
) -> None:
    text = reflowed("\n".join(body).strip(), after_lists=apart)
    if text.strip():
        sections.append(Section(heading=heading, text=text.strip(), page=page))
