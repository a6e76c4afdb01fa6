"""Terminal control characters: taken out of article text at ingest, made inert when printed.

An article's title, URL or text can carry ESC sequences (clear the screen, colour, an OSC 8
hyperlink whose visible text hides its target), BEL or other C0/C1 controls; printed as they are,
`healthqa ask` or `docs list` would hand them to the user's terminal. Ingest removes whole escape
sequences (an OSC 8 link keeps its visible text, not its target) and any control left over;
printing escapes what an index written before that still holds.
"""

from __future__ import annotations

import re

# CSI (ESC [ ... final byte); OSC and the other strings (ESC ] P X ^ _ ... up to BEL or ESC
# backslash, never past a line, so an unterminated one cannot swallow the text after it); ESC and
# one character. The 8-bit forms (U+009B...) go one character at a time: mis-decoded text often
# holds them alone.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[ -~]?"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Whitespace controls that text keeps: the cleaning rules turn them into spaces and line breaks.
_LAYOUT = frozenset("\t\n\r\v\f\x85")


def strip_controls(text: str, *, keep_layout: bool = False) -> str:
    """`text` without escape sequences or control characters; `keep_layout` keeps line breaks
    and tabs (for body text), otherwise every control goes (titles, URLs, names)."""
    if not _CONTROL.search(text):
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub(lambda m: m.group() if keep_layout and m.group() in _LAYOUT else "", text)


def escape_controls(text: str, *, keep_lines: bool = False) -> str:
    """`text` safe to print to a terminal: each control character shown as `\\x1b` and the like,
    so nothing is executed and nothing is hidden; `keep_lines` keeps line breaks and tabs."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(
        lambda m: m.group() if keep_lines and m.group() in "\n\t" else f"\\x{ord(m.group()):02x}",
        text,
    )
