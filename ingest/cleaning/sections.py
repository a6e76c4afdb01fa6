"""An untitled section that holds headings of its own becomes one section per heading.

A BEIR passage or a flattened web page arrives as one block of text whose headings (split onto
their own lines by the glued-heading rule) were the page's sections: "FLU SYMPTOMS IN INFANTS
AND TODDLERS", "How is the flu treated in babies?". Made into sections, each part is cited with
its heading and matched by its header, like a section of a structured article. A section that
already has a heading keeps its inner headings as text: they are sub-headings there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from healthqa.text.sentences import is_heading_line
from ingest.model import Section

_ITEM = re.compile(r"^\s*([-*•‣◦▪–]|\d{1,3}[.)])\s")


def split_at_headings(section: Section) -> list[Section]:
    if section.heading.strip():
        return [section]
    lines = section.text.split("\n")
    parts: list[Section] = []
    heading, body = "", list[str]()
    for n, line in enumerate(lines):
        following = next((later for later in lines[n + 1 :] if later.strip()), "")
        if _heads_text(line, following):
            if any(part.strip() for part in body):
                parts.append(replace(section, heading=heading, text=_joined(body)))
            heading, body = " ".join(line.split()), []
        else:
            body.append(line)
    if any(part.strip() for part in body):
        parts.append(replace(section, heading=heading, text=_joined(body)))
    return parts or [section]


def _heads_text(line: str, following: str) -> bool:
    text = line.strip()
    return (
        bool(text)
        and bool(following.strip())
        and not _ITEM.match(line)
        and is_heading_line(text, following)
    )


def _joined(lines: list[str]) -> str:
    return "\n".join(lines).strip()
