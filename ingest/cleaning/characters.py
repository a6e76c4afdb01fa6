"""Character-level repairs: HTML entities left escaped, and whitespace of every kind."""

from __future__ import annotations

import html
import re

from ingest.cleaning.edits import RuleResult, SectionContext, tidy

_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Spaces that are not " " (no-break, thin, ideographic, zero-width...), and tabs.
_ODD_SPACE = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000]")
# Invisible characters inside words (soft hyphen, joiners, byte-order mark): they would split a
# word for every later comparison.
_INVISIBLE = re.compile(r"[\u00ad\u200c\u200d\u2060\ufeff]")
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Anything `tidy` or the patterns above would change.
_UNTIDY = re.compile(
    r"[\r\u2028\u2029\x85\t\v\f\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\u00ad\u2060\ufeff]"
    r"|(?<=\S)  |[ ]+\n|[ ]+\Z|\n\s*\n\s*\n|\A\s|\s\Z|\n[ ]+\n"
)


def unescape_entities(text: str, _context: SectionContext) -> RuleResult:
    """`&amp;` -> `&`, `&quot;` -> `"`, `&#8217;` -> `’`; twice-escaped text (`&amp;quot;`) is
    decoded until no entity is left."""
    while True:
        decoded = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
        if decoded == text:
            return text, ()
        text = decoded


def normalise_whitespace(text: str, _context: SectionContext) -> RuleResult:
    if not _UNTIDY.search(text):
        return text, ()
    text = _LINE_BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    return tidy(text), ()
