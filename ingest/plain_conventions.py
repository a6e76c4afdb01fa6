"""How plain-text writers mark structure that Markdown reads otherwise, settled before parsing.

A text file with one "====" underlined title is parsed as Markdown, yet its author wrote it as
plain text, and three of its conventions mean something else to a Markdown parser:

- a heading in capitals on a line of its own ("SYMPTOMS", "WHEN TO SEE A GP:") is a paragraph
  to Markdown, so the text under it would never be found under its name (`is_capitals_heading`);
- a sentence written straight under a list, with no blank line, is a "lazy continuation" of the
  last item to Markdown: "- you are straining" and "You may also have tummy ache" become one
  item. A line that opens a new sentence after an item that ended one, or that starts with a
  capitalised word where a wrapped item would go on in lower case, starts a paragraph instead;
- a table ruled "----+----" (as pandoc and many text tools print it) has no Markdown delimiter
  row, so its rows would run together into one paragraph; its rule is read as "----|----".
"""

from __future__ import annotations

import re

# A heading is a label: a few words, most of its letters capitals.
CAPITALS_HEADING_MAX_WORDS = 10
CAPITALS_HEADING_MIN_LETTERS = 3

_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
# "You may also ...", "A pharmacist ...": a capitalised word, not an acronym ("NHS 111").
_OPENS_SENTENCE = re.compile(r"^(?:[A-Z][a-z']|[AI] )")
# An item that stops here goes on: "- a rash, or", "- swelling of the face and".
_GOES_ON = re.compile(r"(?:[,;(\-–—/]|\b(?:and|or|the|a|an|of|to|with|for|if|in))\s*$")
_RULE_CELL = r"[ \t]*:?-{3,}:?[ \t]*"
_PLUS_RULE = re.compile(rf"^(?:\+?{_RULE_CELL}\+)+{_RULE_CELL}\+?[ \t]*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def with_plain_conventions(text: str) -> str:
    """The text with lazy list continuations split off and "+" table rules made "|" rules."""
    lines = text.split("\n")
    out: list[str] = []
    in_item = False
    fenced = False
    for n, written in enumerate(lines):
        line = written
        if _FENCE.match(line):
            fenced = not fenced
        if fenced:
            out.append(line)
            continue
        if _PLUS_RULE.match(line) and n > 0 and "|" in lines[n - 1]:
            line = line.replace("+", "|")
        if not line.strip():
            in_item = False
        elif _ITEM.match(line):
            in_item = True
        elif in_item and line == line.lstrip() and _ends_item(out[-1], line):
            out.append("")  # the list ends here: what follows is a paragraph of its own
            in_item = False
        out.append(line)
    return "\n".join(out)


def _ends_item(previous: str, line: str) -> bool:
    if _SENTENCE_END.search(previous.rstrip()):
        return True
    return bool(_OPENS_SENTENCE.match(line)) and not _GOES_ON.search(previous)


def is_capitals_heading(line: str) -> bool:
    """A short line in capitals, perhaps ending in ":", that is not a sentence: "SYMPTOMS",
    "TREATMENT AND SELF-CARE", "PREVENTING BACK PAIN:"."""
    words = line.split()
    if not words or len(words) > CAPITALS_HEADING_MAX_WORDS or _SENTENCE_END.search(line):
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) < CAPITALS_HEADING_MIN_LETTERS:
        return False
    # "GOLFER'S ELBOW", "COVID-19 (ADULTS)": every cased letter a capital.
    return all(c.isupper() for c in letters if c.isupper() or c.islower())
