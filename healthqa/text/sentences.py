"""Sentence spans of article text: the units chunks are packed from and answers cite.

The text is cut at a set of positions and every piece is stripped, so the spans always cover all
of its non-whitespace characters, in order and without overlap; the rules below only decide
where the cuts go.

- A list item (a line starting with -, *, •, "1." or "1)") is one unit, with any indented
  continuation lines under it: items are often fragments that read wrongly when merged.
- A short line without final punctuation that starts a sentence and is followed by a capitalised
  line is a heading, its own unit; other lines of a paragraph flow together, because PDF and
  plain-text articles wrap sentences over several lines.
- Inside flowing text a sentence ends at . ! or ? (plus closing quotes or brackets) followed by
  whitespace and a capital, a digit or an opening quote, unless the word before the period is an
  abbreviation (Dr., e.g., U.S.) or an initial (John F. Kennedy).
"""

from __future__ import annotations

import itertools
import re

from index.records import Span

_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•‣◦▪–]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+\S")
_SENTENCE_END = re.compile(r"[.!?]+['\"”’)\]]*(?=\s)")
_NEXT_STARTS_SENTENCE = re.compile(r"\s+['\"“‘(\[]*[A-Z0-9]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")
_ENDS_SENTENCE = re.compile(r"[.!?:;]['\"”’)\]]*\s*$")
_STARTS_CAPITAL = re.compile(r"\s*['\"“‘(\[]*[A-Z0-9]")

# Lowercased, without the period. "etc." is left out on purpose: it usually does end a sentence.
_ABBREVIATION_WORDS = """
    dr mr mrs ms prof sr jr st vs no nos fig figs approx dept est inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    mt ft gen gov rep sen rev col lt sgt capt
    e.g i.e cf al ca ed eds vol pp ph.d m.d u.s u.k a.m p.m
"""
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

# Longer unpunctuated lines are wrapped prose, not headings.
HEADING_MAX_WORDS = 12


def split_sentences(text: str) -> list[Span]:
    """Character spans of the sentences (and list items and headings) of `text`."""
    cuts = {0, len(text)}
    for start, end in _blocks(text, cuts):
        _cut_sentences(text, start, end, cuts)
    ordered = sorted(cuts)
    spans: list[Span] = []
    for start, end in itertools.pairwise(ordered):
        stripped = _strip(text, start, end)
        if stripped is not None:
            spans.append(stripped)
    return spans


def _blocks(text: str, cuts: set[int]) -> list[Span]:
    """Runs of flowing prose, after cutting around list items, headings and blank lines."""
    lines = _lines(text)
    blocks: list[Span] = []
    block_start: int | None = None
    item_end: int | None = None  # end of the list item the previous line belonged to
    starts_sentence = True
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line.strip():
            _close(blocks, block_start, start)
            block_start = None
            item_end, starts_sentence = None, True
            cuts.add(start)
            continue
        if _LIST_ITEM.match(line):
            _close(blocks, block_start, start)
            block_start = None
            item_end, starts_sentence = end, True
            cuts.update((start, end))
            continue
        if item_end is not None and line[:1].isspace():
            cuts.discard(item_end)  # an indented line continues the wrapped list item
            item_end = end
            cuts.add(end)
            continue
        item_end = None
        next_line = text[lines[n + 1][0] : lines[n + 1][1]] if n + 1 < len(lines) else ""
        if starts_sentence and _is_heading(line, next_line):
            _close(blocks, block_start, start)
            block_start = None
            cuts.update((start, end))
            continue
        if block_start is None:
            block_start = start
            cuts.add(start)
        starts_sentence = bool(_ENDS_SENTENCE.search(line))
    _close(blocks, block_start, len(text))
    return blocks


def _close(blocks: list[Span], block_start: int | None, end: int) -> None:
    if block_start is not None:
        blocks.append((block_start, end))


def _lines(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _is_heading(line: str, next_line: str) -> bool:
    if _ENDS_SENTENCE.search(line) or line.rstrip().endswith(","):
        return False
    if len(line.split()) > HEADING_MAX_WORDS:
        return False
    return not next_line.strip() or bool(_STARTS_CAPITAL.match(next_line))


def _cut_sentences(text: str, start: int, end: int, cuts: set[int]) -> None:
    for match in _SENTENCE_END.finditer(text, start, end):
        if not _NEXT_STARTS_SENTENCE.match(text, match.end(), end):
            continue
        if match.group().startswith(".") and _is_abbreviation(text, start, match.start()):
            continue
        cuts.add(match.end())


def _is_abbreviation(text: str, block_start: int, period: int) -> bool:
    """Whether the word just before the period at `period` is an abbreviation or an initial."""
    word_start = period
    while word_start > block_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:period].lstrip("(['\"“‘")
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return _follows_name(text, block_start, word_start)
    # U.S, e.g, Ph.D: letters separated by periods.
    return "." in word and bool(_DOTTED.fullmatch(word + "."))


def _follows_name(text: str, block_start: int, word_start: int) -> bool:
    """An initial follows a capitalised word or another initial, or starts the text ("J. Smith")."""
    before = text[block_start:word_start].split()
    if not before:
        return True
    previous = before[-1]
    return previous[:1].isupper() and not _ENDS_SENTENCE.search(previous)


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
