"""Sentence spans of article text: the units chunks are packed from and answers cite.

The text is cut at a set of positions and every piece is stripped, so the spans always cover all
of its non-whitespace characters, in order and without overlap; the rules below only decide
where the cuts go.

- A list item (a line starting with -, *, •, "1." or "1)") is one unit, with any indented
  continuation lines under it: items are often fragments that read wrongly when merged. A
  "list item" of more than `ITEM_MAX_WORDS` words is a paragraph behind a bullet and is cut
  into sentences.
- A short line without final punctuation that starts a sentence and is followed by a capitalised
  line is a heading, its own unit; other lines of a paragraph flow together, because PDF and
  plain-text articles wrap sentences over several lines.
- Inside flowing text a sentence can only end at . ! or ? (plus closing quotes or brackets, and
  a footnote mark such as "[12]") followed by whitespace and a capital, a digit or an opening
  quote. Most such places are plain sentence ends ("...the joints. Common signs"), and are cut
  at once. Where the word before the period could be an abbreviation or an initial ("Dr.",
  "U.S.", "e.g.", "F.", "No."), the pysbd segmenter decides, reading the stretch between the
  plain ends around it; a listed abbreviation before a number ("approx. 5 mg", "fig. 2") never
  ends a sentence. pysbd is about a hundred times slower than the regular expressions, and on
  MedQuAD it agrees with them on 99.8% of the plain ends (where it disagrees it is wrong:
  "vitamins A, D, E, and K. They"), so it reads only those stretches: a few hundred over all
  MedQuAD answers.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import pysbd

from index.records import Span

_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•‣◦▪–]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+\S")
_SENTENCE_END = re.compile(
    r"[.!?](?:[.!?]*['\"”’)\]]*(?:\[\d+(?:[-–,]\d+)*\])?"  # "end.", "end.)", "end.[12]"
    r"|(?<=[a-z)]\.)\d{1,2})"  # "hours.1 Gallbladder": a footnote number after the period
    r"(?=\s)"
)
_NEXT_STARTS_SENTENCE = re.compile(r"\s+['\"“‘(\[]*[A-Z0-9]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")
_ENDS_SENTENCE = re.compile(r"[.!?:;]['\"”’)\]]*\s*$")
_STARTS_CAPITAL = re.compile(r"\s*['\"“‘(\[]*[A-Z0-9]")
# The zone after a clock time: "8 p.m. Eastern Time", "9 a.m. PST".
_TIME_ZONE = re.compile(
    r"\s+(?:(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii)"
    r"(?: Standard| Daylight)? Time\b|[ECMP][SD]?T\b)"
)

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
# A "list item" longer than this is a paragraph that a page's conversion put behind a bullet
# (MedQuAD's NIHSeniorHealth runs whole sections into one "- ..." line, headings included); it is
# cut into sentences like prose, or one quote would carry all of it.
ITEM_MAX_WORDS = 50
# Distinct stretches of text pysbd has read; articles repeat boilerplate paragraphs.
_PYSBD_CACHE_SIZE = 4096


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


def is_list_item(line: str) -> bool:
    """A line that starts with a bullet or a list number ("- ", "• ", "2. ", "b) ")."""
    return bool(_LIST_ITEM.match(line))


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
            if len(line.split()) > ITEM_MAX_WORDS:
                _cut_sentences(text, start, end, cuts)  # a paragraph behind a bullet
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


def is_heading_line(line: str, next_line: str) -> bool:
    """A line standing alone as a heading over the text that follows it: short, capitalised, and
    either without closing punctuation or a question ("How is the flu treated in babies?")."""
    text = line.strip()
    if not text or len(text.split()) > HEADING_MAX_WORDS or not _STARTS_CAPITAL.match(text):
        return False
    if text.endswith("?") and text.count("?") == 1 and not _ENDS_SENTENCE.search(text[:-1]):
        return bool(_STARTS_CAPITAL.match(next_line))
    return _is_heading(text, next_line) and bool(next_line.strip())


def _is_heading(line: str, next_line: str) -> bool:
    if _ENDS_SENTENCE.search(line) or line.rstrip().endswith(","):
        return False
    if len(line.split()) > HEADING_MAX_WORDS:
        return False
    return not next_line.strip() or bool(_STARTS_CAPITAL.match(next_line))


def _cut_sentences(text: str, start: int, end: int, cuts: set[int]) -> None:
    """Cuts the plain sentence ends of one block at once; asks pysbd about the others."""
    plain: list[int] = []
    ambiguous: list[int] = []
    for match in _SENTENCE_END.finditer(text, start, end):
        following = _NEXT_STARTS_SENTENCE.match(text, match.end(), end)
        if not following:
            continue
        if match.group().startswith(".") and _is_abbreviation(text, start, match.start()):
            if following.group()[-1].isdigit() and _word_before(text, start, match.start()) in (
                ABBREVIATIONS
            ):
                continue  # "approx. 5 mg", "No. 2", "fig. 3": a number the abbreviation counts
            if _word_before(text, start, match.start()) in ("a.m", "p.m") and _TIME_ZONE.match(
                text, match.end(), end
            ):
                continue  # "between 8 a.m. and 8 p.m. Eastern Time": the time goes on
            ambiguous.append(match.end())
        else:
            plain.append(match.end())
    cuts.update(plain)
    for position in ambiguous:
        # The stretch between the plain ends around the period is what pysbd needs to read.
        before = [p for p in plain if p < position]
        after = [p for p in plain if p > position]
        window_start = before[-1] if before else start
        window_end = after[0] if after else end
        boundaries = _pysbd_boundaries(text[window_start:window_end])
        if position - window_start in boundaries:
            cuts.add(position)


@lru_cache(maxsize=_PYSBD_CACHE_SIZE)
def _pysbd_boundaries(stretch: str) -> frozenset[int]:
    """Offsets in `stretch` where pysbd ends a sentence (before the whitespace that follows)."""
    ends: set[int] = set()
    for span in _segmenter().segment(stretch):
        end = span.end
        while end > 0 and stretch[end - 1].isspace():
            end -= 1
        ends.add(end)
    return frozenset(ends)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    # clean=False keeps the text as given, so the character spans index into it.
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def _word_before(text: str, block_start: int, period: int) -> str:
    """The word just before the period at `period`, lower case, without opening brackets."""
    word_start = period
    while word_start > block_start and not text[word_start - 1].isspace():
        word_start -= 1
    return text[word_start:period].lstrip("(['\"“‘").lower()


def _is_abbreviation(text: str, block_start: int, period: int) -> bool:
    """Whether the word just before the period at `period` may be an abbreviation or initial."""
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
