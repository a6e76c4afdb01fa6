"""A message pasted or typed with HTML in it, read as the text a browser would show.

The triage, the search and the composer all read words: a tag's name ("script", "b") is not
one the user asked about, and the words inside a script or style block are code, never part of
the question. Only what looks like a tag is removed, so "blood pressure <120" stays as typed.
"""

from __future__ import annotations

import html
import re

# Bounded attribute runs keep each match linear: a message is at most a few thousand characters.
_TAG = r"</?[A-Za-z][\w:-]{0,30}(\s[^<>]{0,500})?/?>"
_CODE_OPENING = re.compile(r"<(script|style)\b[^<>]{0,500}>", re.IGNORECASE)
_ANY_TAG = re.compile(_TAG)
_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
_BREAKING = re.compile(r"</?(br|p|div|li|h[1-6]|tr|ul|ol)\b[^<>]{0,500}>", re.IGNORECASE)


def as_plain_text(message: str) -> str:
    """The message with comments, script and style blocks (content too) and tags removed, and
    character references (&amp;, &lt;) decoded; a message without markup comes back as it was."""
    if "<" not in message:
        return message
    text = _COMMENT.sub(" ", message)
    text = _without_code(text)
    # A block element ends what came before it: "<p>Hi</p><p>what is X?</p>" is two lines.
    text = _BREAKING.sub("\n", text)
    text = _ANY_TAG.sub(" ", text)
    text = html.unescape(text)
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r" *\n[\s]*", "\n", text).strip()


def _without_code(text: str) -> str:
    """The text with every script and style block cut out, an unclosed one to the end. One pass
    left to right (a regex with a lazy body rescans the rest after each unclosed opening)."""
    kept: list[str] = []
    position = 0
    while (opening := _CODE_OPENING.search(text, position)) is not None:
        kept.append(text[position : opening.start()])
        closing_tag = re.compile(rf"</{opening.group(1)}\s*>", re.IGNORECASE)
        closing = closing_tag.search(text, opening.end())
        if closing is None:
            return " ".join(kept)
        kept.append(" ")
        position = closing.end()
    kept.append(text[position:])
    return "".join(kept)
