"""A list's introduction that ends with a comma gets the colon a list introduction takes.

A run-in sentence broken into a list keeps the comma it had before its first item: "If you
have a cold,\n- drink fluids\n- rest". Shown alone as the line over the items, "If you have a
cold," reads as a sentence cut off (and an answer that adds the colon an introduction lacks
shows ",:"). Only the punctuation changes; every word stays.
"""

from __future__ import annotations

import re

from healthqa.text.sentences import is_list_item
from ingest.cleaning.edits import RuleResult, SectionContext

_TRAILING_COMMA = re.compile(r",\s*$")


def colon_after_list_introductions(text: str, _context: SectionContext) -> RuleResult:
    if ",\n" not in text:
        return text, ()
    lines = text.split("\n")
    for n, line in enumerate(lines[:-1]):
        if (
            _TRAILING_COMMA.search(line)
            and not is_list_item(line)
            and not line[:1].isspace()
            and is_list_item(lines[n + 1])
        ):
            lines[n] = _TRAILING_COMMA.sub(":", line)
    return "\n".join(lines), ()
