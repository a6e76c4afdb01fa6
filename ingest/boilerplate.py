"""Remove scraped page chrome (menus, prompts, teasers, next-article tails) from plain text.

The rules look at the shape of the text, not at any site's wording: the article body is the first
dense run of sentences, its title is the heading line just before it (after the last scrap of
menu), headings are short stand-alone lines that head a sentence, and chrome is what is left over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A run of consecutive sentences this long is taken to be the article itself, not a menu blurb.
BODY_RUN_WORDS = 60
HEADING_MAX_WORDS = 12
# A line ending in a colon this long introduces a list in the body; shorter ones are menu labels.
LEAD_IN_MIN_WORDS = 8

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_BULLET = re.compile(r"^[-*•·‣◦▪–]\s+")
_ELLIPSIS = re.compile(r"(\.\.\.|…)[\"'”’)\]]*$")
# "Read the X article >", "Continue reading X »", "See more →": the link that closes a teaser.
_TEASER_LINK = re.compile(
    r"^(read|continue|see|view|learn|more|go to)\b.*?(>\s*){1,3}$"
    r"|^(read|continue|see|view|learn)\b.*[»→]\s*$",
    re.IGNORECASE,
)
# Markers after which a page shows other content: "Next Article:", "Previous story", "Up next".
_TAIL_MARKER = re.compile(
    r"^(up\s+)?(next|previous|prev)(\s+(article|story|post|page|read|up))?\s*[:>»]*\s*$"
    r"|^(related|more|recommended|popular)\s+(articles|stories|posts|reading|content|links)\s*:?$"
    r"|^(©|\(c\)\s|copyright\b)|all rights reserved",
    re.IGNORECASE,
)
# Interface labels and calls to action: words that address the reader as a user of the site.
_UI_LABEL = re.compile(
    r"^(sign\s*(up|in|out)|log\s*(in|out)|subscribe|register|join|download|share|print|email|"
    r"follow|click|tap|menu|search|skip|back to top|font size|text size|advertisement|"
    r"sponsored|get started|learn more|read more|see (more|all)|view (more|all)|shop|buy)\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"^(sign\s*up|subscribe|register|join|download|follow us|click|tap|log\s*in)\b",
    re.IGNORECASE,
)
CTA_MAX_WORDS = 15


@dataclass(frozen=True)
class Block:
    """One kept paragraph or heading line, in reading order."""

    text: str
    heading: bool


@dataclass(frozen=True)
class CleanedText:
    title: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class _Unit:
    text: str
    standalone: bool  # alone in its blank-line separated block; headings always are
    bullet: bool


def clean_scraped_text(text: str) -> CleanedText:
    """The article title and body of a scraped page, with headings marked and chrome removed."""
    units = _remove_calls_to_action(_remove_teasers(_split_units(text)))
    start = _body_start(units)
    title_at = _title_index(units, start)
    zone_start = title_at + 1 if title_at is not None else _after_last_chrome(units, start)
    first_paragraph = next(
        (i for i in range(start, len(units)) if units[i].standalone and _is_prose(units[i])), start
    )
    kept: list[Block] = []
    for i in range(zone_start, len(units)):
        unit = units[i]
        if i >= start and _TAIL_MARKER.search(unit.text):
            break
        block = _classify(units, i, in_header=i < first_paragraph)
        if block is not None:
            kept.append(block)
    title = units[title_at].text if title_at is not None else None
    return CleanedText(title=title, blocks=tuple(kept))


def _split_units(text: str) -> list[_Unit]:
    """Blank-line blocks split into lines where a line is complete; hard-wrapped lines rejoin."""
    units: list[_Unit] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        parts: list[str] = []
        for line in filter(None, lines):
            if parts and _continues(parts[-1], line):
                parts[-1] = f"{parts[-1]} {line}"
            else:
                parts.append(line)
        units.extend(
            _Unit(text=part, standalone=len(parts) == 1, bullet=bool(_BULLET.match(part)))
            for part in parts
        )
    return units


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_heading_like(text: str) -> bool:
    """Short, starts with a capital, and ends without sentence punctuation (a question may)."""
    words = text.split()
    if not words or len(words) > HEADING_MAX_WORDS or _BULLET.match(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return text.endswith("?") or not re.search(r"[.!…,;:][\"'”’)\]]*$", text)


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped line: the previous one stopped mid-sentence and was not a short label."""
    if _BULLET.match(line) or _BULLET.match(previous):
        return False
    if re.search(r"[.!?…:;][\"'”’)\]]*$", previous):
        return False
    return line[0].islower() or len(previous.split()) >= 7


def _words(units: Sequence[_Unit]) -> int:
    return sum(len(u.text.split()) for u in units)


def _is_prose(unit: _Unit) -> bool:
    lead_in = unit.text.endswith(":") and len(unit.text.split()) >= LEAD_IN_MIN_WORDS
    if unit.bullet or not (is_sentence(unit.text) or lead_in) or _TEASER_LINK.match(unit.text):
        return False
    return not (unit.standalone and is_heading_like(unit.text))


def _remove_teasers(units: list[_Unit]) -> list[_Unit]:
    """Drop each "Read ... >" link with the excerpt and headline lines that announce it."""
    drop: set[int] = set()
    for i, unit in enumerate(units):
        if len(unit.text.split()) > CTA_MAX_WORDS or not _TEASER_LINK.match(unit.text):
            continue
        drop.add(i)
        j = i - 1
        headline_named = j >= 1 and units[j - 1].text.rstrip("?") in unit.text
        if j >= 0 and (_ELLIPSIS.search(units[j].text) or headline_named):
            drop.add(j)
            j -= 1
        while j >= 0 and units[j].standalone and is_heading_like(units[j].text):
            drop.add(j)
            j -= 1
    return [u for i, u in enumerate(units) if i not in drop]


def _remove_calls_to_action(units: list[_Unit]) -> list[_Unit]:
    def is_cta(unit: _Unit) -> bool:
        text = unit.text
        if len(text.split()) <= 3 and not is_sentence(text) and _UI_LABEL.match(text):
            return True
        return len(text.split()) <= CTA_MAX_WORDS and bool(_CALL_TO_ACTION.match(text))

    return [u for u in units if not is_cta(u)]


def _body_start(units: Sequence[_Unit]) -> int:
    """Index of the first sentence of the first run of sentences long enough to be the article."""
    best, best_words = len(units), 0
    i = 0
    while i < len(units):
        if not _is_prose(units[i]):
            i += 1
            continue
        j = i
        while j < len(units) and (_is_prose(units[j]) or not units[j].standalone):
            j += 1
        words = _words(units[i:j])
        if words >= BODY_RUN_WORDS:
            return i
        if words > best_words:
            best, best_words = i, words
        i = j
    return best


def _heads_body(units: Sequence[_Unit], i: int) -> bool:
    return i + 1 < len(units) and _is_prose(units[i + 1])


def _is_chrome(units: Sequence[_Unit], i: int) -> bool:
    """A menu entry: a short label (or bullet) that heads no sentence."""
    unit = units[i]
    if i == 0 or _in_list(units, i):
        return False  # a file's first line is its title even when a section heading follows
    if unit.bullet:
        return not is_sentence(unit.text)
    return unit.standalone and is_heading_like(unit.text) and not _heads_body(units, i)


def _after_last_chrome(units: Sequence[_Unit], start: int) -> int:
    for i in range(start - 1, -1, -1):
        if _is_chrome(units, i):
            return i + 1
    return 0


def _title_index(units: Sequence[_Unit], start: int) -> int | None:
    """The first stand-alone heading line between the last menu scrap and the body."""
    for i in range(_after_last_chrome(units, start), start):
        if units[i].standalone and is_heading_like(units[i].text):
            return i
    return None


def _classify(units: Sequence[_Unit], i: int, *, in_header: bool) -> Block | None:
    unit = units[i]
    if not is_heading_like(unit.text):
        if in_header and not is_sentence(unit.text):
            return None  # a label between the title and the first paragraph
        return Block(unit.text, heading=False)
    if unit.standalone and _heads_body(units, i):
        return Block(unit.text, heading=True)
    if _in_list(units, i):
        return Block(unit.text, heading=False)
    if not in_header and (unit.text.endswith("?") or _heads_body(units, i)):
        return Block(unit.text, heading=False)  # a question, or a label inside a paragraph
    return None


def _in_list(units: Sequence[_Unit], i: int) -> bool:
    """Short lines after a line ending in a colon are list items, not orphaned menu entries."""
    j = i - 1
    while j >= 0 and not is_sentence(units[j].text) and not units[j].text.endswith(":"):
        if not is_heading_like(units[j].text) and not units[j].bullet:
            return False
        j -= 1
    return j >= 0 and units[j].text.endswith(":")
