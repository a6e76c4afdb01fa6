"""Sections that are a page's apparatus, not its article: a reference list, an image gallery.

Loaders drop a reference list marked up as one (html.py's apparatus classes), but many pages
give it only a heading: an encyclopedia page ends with "References" ("Garza I, Schwedt TJ.
Headache and other craniofacial pain. In: ...") and "Images" (a list of picture captions), and
a leaflet or Markdown file has no markup to tell. Such a section says nothing a visitor asked
about, yet its names and titles match questions' words. A section goes whole when its heading
is only one of these names; "Sources of iron" or "Food sources" are headings of articles' own
sections and stay.
"""

from __future__ import annotations

import re

from ingest.cleaning.edits import Dropped, RuleResult, SectionContext

APPARATUS_HEADING = re.compile(
    r"^\s*(?:references?|reference list|bibliography|works cited|citations?|footnotes"
    r"|sources and references|references and sources|further references|images?"
    r"|image gallery|pictures|photos|illustrations)\s*:?\s*$",
    re.IGNORECASE,
)


def is_apparatus_heading(heading: str) -> bool:
    return bool(APPARATUS_HEADING.match(heading))


def drop_apparatus_sections(text: str, context: SectionContext) -> RuleResult:
    if not text.strip() or not is_apparatus_heading(context.heading):
        return text, ()
    return "", (Dropped("site furniture", text),)
