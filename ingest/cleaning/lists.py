"""Lists whose line breaks were lost, put back as one "- item" line each.

The shapes, each seen in more than one collection and none tied to a site's wording:

- run-in bullets: "The episodes may: - Occur many times a day - Occur for weeks - Interfere
  with school". A dash between spaces starts a list after a colon or a sentence end, or, after
  a plain word, when at least three capitalised items follow ("They may include - Aches -
  Chills - Cough"), or after a Title Case heading, when at least three items start alike
  ("Diagnostic Tests - an electrocardiogram - blood tests - a nuclear heart scan"); a
  lower-case piece after a dash goes on the item before it ("Plantar warts - warts on the
  soles of your feet"), because items of one list start alike;
- a bullet after a sentence end inside an item ("- can also bleed. - is the second form"), and
  a doubled bullet ("- - Surgery", a nested item flattened), which keeps one;
- the rest of a run-in list inside its first item ("- painful urination - blood in urine -
  back pain"), when its pieces start alike and read as items;
- bullets lost altogether: after a colon, lower-case pieces each ended by a period ("ask
  about: the percentage who finish. the average weight loss. possible side effects.");
- a lone connector between alternatives ("- The eye socket.\nor Cancer has spread..."), which
  gets a line of its own.

The items are then repaired by `items.repair_item_runs` (prose glued to an item, a list
repeated as run-in text). The line that introduces a list stays a line of its own, and no
word is added or lost except a repeated copy.
"""

from __future__ import annotations

import re

from healthqa.text.sentences import ABBREVIATIONS, is_list_item
from ingest.cleaning.edits import Dropped, RuleResult, SectionContext, tidy
from ingest.cleaning.items import repair_item_runs
from ingest.cleaning.shape import (
    HEADING_MAX_WORDS,
    ITEM_MARKER,
    TITLE_CASE_SMALL_WORDS,
    Token,
    ends_sentence,
    is_fragment,
    is_lower,
    tokens,
)

# A bullet between spaces ("-", "•", "*"); dashes that join words ("high-fat") or stand for
# "to" and asides ("–", "—") are not bullets.
_RUN_IN_BULLET = re.compile(r"(?<=\s)[-•*▪·](?=\s+\S)")
_DOUBLED_BULLET = re.compile(r"^(\s*[-*•▪·])\s+[-*•▪·–](?=\s+\S)")
_BULLET_AFTER_SENTENCE = re.compile(r"[.!?:]['\"”’)\]]*(\s+[-•*▪·]\s+)(?=\S)")
_CONNECTOR = re.compile(r"([a-z]{2,3}) (?=[A-Z][a-z])")
_OPENS_LIST = re.compile(r"[:.!?]['\"”’)\]]*$")
# A bullet anywhere, a numbered line, or a colon before a lower-case word: nothing else can
# hold a list.
_MAY_HOLD_LIST = re.compile(r"(?:^|\s)[-*•‣◦▪·–]\s|^\s*(?:\d{1,3}|[a-zA-Z])[.)]\s|:\s+[a-z]", re.M)
# Without a colon or sentence end before it, a run of dashes is a list from this many items.
MIN_BARE_ITEMS = 3
_MAX_ROUNDS = 4
_NOT_ITEM_ENDS = ABBREVIATIONS | {"etc"}


def restore_lists(text: str, context: SectionContext) -> RuleResult:
    if not _MAY_HOLD_LIST.search(text):
        return text, ()
    dropped: list[Dropped] = []
    for _ in range(_MAX_ROUNDS):
        lines: list[str] = []
        for line in text.split("\n"):
            if is_list_item(line):
                lines.extend(_split_item_line(line))
            elif line.strip() and not line[:1].isspace():
                lines.extend(_split_prose_line(line))
            else:
                lines.append(line)
        repaired, removed = repair_item_runs(_separate_connectors(lines), context.words)
        dropped.extend(removed)
        repaired_text = tidy("\n".join(repaired))
        if repaired_text == text:
            break
        text = repaired_text
    return text, tuple(dropped)


def _separate_connectors(lines: list[str]) -> list[str]:
    """ "- The eye socket.\nor Cancer has spread to one lymph node..." : a lone lower-case word
    between a list (or a sentence) and a sentence joins the two as alternatives; it gets a line
    of its own."""
    out: list[str] = []
    for line in lines:
        connector = _CONNECTOR.match(line)
        if connector and out and (is_list_item(out[-1]) or ends_sentence(out[-1])):
            out.extend([connector.group(1), line[connector.end() :]])
        else:
            out.append(line)
    return out


def _split_item_line(line: str) -> list[str]:
    line = _DOUBLED_BULLET.sub(r"\1", line)
    marker = ITEM_MARKER.match(line)
    indent = marker.group(1) if marker else ""
    pieces: list[str] = []
    start = 0
    for match in _BULLET_AFTER_SENTENCE.finditer(line):
        pieces.append(line[start : match.start(1)])
        start = match.end(1)
    pieces.append(line[start:])
    pieces = [pieces[0], *(f"{indent}- {piece}" for piece in pieces[1:])]
    return [item for piece in pieces for item in _split_run_in_item(piece, indent)]


def _split_run_in_item(item: str, indent: str) -> list[str]:
    """ "- painful urination - painful ejaculation - blood in urine": the rest of a run-in list
    inside its first item, when its pieces start alike (all lower case, or all capitalised) and
    read as list items, like a run of bare dashes in prose."""
    marker = ITEM_MARKER.match(item)
    if marker is None:
        return [item]
    body = item[marker.end() :]
    bullets = [match.start() for match in _RUN_IN_BULLET.finditer(body)]
    if len(bullets) + 1 < MIN_BARE_ITEMS:
        return [item]
    pieces = [
        body[start:end].strip().lstrip("-•*▪·").strip()
        for start, end in zip([0, *bullets], [*bullets, len(body)], strict=True)
    ]
    if not all(pieces):
        return [item]
    lower = [piece[:1].islower() for piece in pieces]
    inner = pieces[:-1]
    if not (all(lower) or not any(lower)) or sum(map(is_fragment, inner)) * 3 < len(inner) * 2:
        return [item]
    return [f"{item[: marker.end()]}{pieces[0]}", *(f"{indent}- {piece}" for piece in pieces[1:])]


def _split_prose_line(line: str) -> list[str]:
    run_in = _run_in_items(line)
    if run_in is not None:
        intro, items = run_in
        return [*_split_lowercase_items(intro), *(f"- {item}" for item in items)]
    return _split_lowercase_items(line)


def _run_in_items(line: str) -> tuple[str, list[str]] | None:
    """The introduction and the items of a run-in list in `line`, if it holds one."""
    bullets = [match.start() for match in _RUN_IN_BULLET.finditer(line)]
    for n, bullet in enumerate(bullets):
        intro = line[:bullet].rstrip()
        pieces = [
            line[start + 1 : end].strip()
            for start, end in zip(bullets[n:], [*bullets[n + 1 :], len(line)], strict=True)
        ]
        items = _merge_continuations(pieces)
        if _OPENS_LIST.search(intro) or (not intro and items):
            return intro, items
        capitalised = [item for item in items if item[:1].isupper() or item[:1].isdigit()]
        lower = len(items) - len(capitalised)
        alike = len(capitalised) == len(items) or (lower == len(items) and _ends_in_heading(intro))
        inner = items[:-1]
        if (
            len(items) >= MIN_BARE_ITEMS
            and alike
            and sum(map(is_fragment, inner)) * 3 >= len(inner) * 2
        ):
            return intro, items
    return None


def _ends_in_heading(intro: str) -> bool:
    """The text before the dashes ends with a heading in Title Case, alone or after a sentence
    ("...a heart attack. Diagnostic Tests - an electrocardiogram - blood tests - ...")."""
    last = re.split(r"[.!?]['\"”’)\]]*\s+", intro)[-1].split()
    return (
        2 <= len(last) <= HEADING_MAX_WORDS
        and all(word[:1].isupper() or word.lower() in TITLE_CASE_SMALL_WORDS for word in last)
        and last[0][:1].isupper()
        and last[-1][:1].isupper()
    )


def _merge_continuations(pieces: list[str]) -> list[str]:
    """A lower-case piece in a list of capitalised items continues the item before it."""
    items: list[str] = []
    capitalised_list = bool(pieces) and not pieces[0][:1].islower()
    for piece in pieces:
        if not piece:
            continue
        if items and capitalised_list and piece[:1].islower():
            items[-1] = f"{items[-1]} - {piece}"
        else:
            items.append(piece)
    return items


def _split_lowercase_items(line: str) -> list[str]:
    """ "...ask about: the rate. the average loss. side effects. Monitoring..." -> an intro, the
    lower-case items (each ended by its period), and the text after them."""
    for colon in re.finditer(r":\s+(?=[a-z])", line):
        words_after = tokens(line[colon.end() :])
        breaks = _lowercase_item_ends(words_after)
        if len(breaks) < 2:
            continue
        offset = colon.end()
        intro = line[: colon.start() + 1]
        starts = [0, *breaks[:-1]]
        items = [
            line[offset + words_after[s].start : offset + words_after[e - 1].end]
            for s, e in zip(starts, breaks, strict=True)
        ]
        rest = (
            line[offset + words_after[breaks[-1]].start :] if breaks[-1] < len(words_after) else ""
        )
        return [intro, *(f"- {item}" for item in items), *([rest] if rest.strip() else [])]
    return [line]


def _lowercase_item_ends(words_after: list[Token]) -> list[int]:
    """Indexes just past each item; the list ends at a period before a capitalised word."""
    ends: list[int] = []
    for n, word in enumerate(words_after):
        if not _ends_item(word):
            continue
        following = words_after[n + 1] if n + 1 < len(words_after) else None
        if following is None or not is_lower(following):
            if ends:
                ends.append(n + 1)
            return ends
        ends.append(n + 1)
    return ends if len(ends) >= 2 else []


def _ends_item(word: Token) -> bool:
    """A word ended by a period that is not an abbreviation's ("e.g.", "etc.", "approx.")."""
    if not word.text.endswith("."):
        return False
    bare = word.text.rstrip(".").lstrip("(\"'“‘")
    return len(bare) >= 2 and "." not in bare and bare.lower() not in _NOT_ITEM_ENDS
