"""The table rows a question names, leading its answer.

"How is the nicotine spray used?", "does a skimmed latte have more caffeine than an espresso?",
"which cold remedy is not for children?" each ask about one or two rows of a table ("Treatment:
Nicotine spray; How it is used: ...; Notes: ..."). Quoted whole, in the article's order, the
table buries the row asked about among the others, and a section of prose that shares the
page's topic words may even be chosen over it. A row is what it names in its first cell, so:

1. A row is *named* when the question says every word of its first cell that the other rows'
   first cells do not all share ("receiver", "canal" of "Receiver-in-canal aid"; not "aid").
   A row whose named words are a part of another named row's is the other one's near-miss
   ("In-the-ear aid" for "behind-the-ear aid") and is dropped.
2. Otherwise the row that *says* the question's rare words leads: each word weighs by how few
   rows say it (a word every row says, as a column's header does, weighs nothing), a word of
   the first cell twice. It leads only when few rows share the best score; else the table as
   a whole answers ("what types are there?").

3. A question giving an age ("a 7 year old", "my 8-month-old") names the row whose first cell
   is an age range holding it ("Children 6 to 12 years").

A named row leads whichever section of the article holds it: the row is the answer even when
the page's overview matched the question's words better. A row that only says the rare words
leads only within the section already chosen. A follow-up ("and teenagers?") is searched with
the question before it, whose words would name that question's rows: only the group it brings
up says which row of the chosen section leads.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.compose.base import CompositionRequest
from assistant.compose.scored import BULLET, ScoredUnit
from assistant.compose.units import Unit, is_list_item
from healthqa.text.words import content_words

# A table read by its rows has at least this many: with fewer, the rows are the answer together.
MIN_ROWS = 2
# The rows that say the question's rare words lead when at most this share of the table ties
# for the best: more, and the words do not tell the rows apart.
SAYS_MAX_SHARE = 0.5
# Below this a word said by the best row is common to most rows (log(3/2) = 0.41 marks a word
# two rows of three say).
MIN_RARE_WEIGHT = 0.4
# The leading rows stand in for the table's score; the rest of the table follows them this far
# below, so it is quoted after the rows only when the answer would be too short without it.
REST_BELOW = 0.2


# "a 7 year old", "my 8-month-old", "a 15 yr old": an age the question gives.
_AGE_ASKED = re.compile(
    r"\b(?P<n>\d{1,3})[\s-]*(?P<unit>years?|yrs?|months?|weeks?)[\s-]*old\b", re.IGNORECASE
)
# An age range in a row's first cell: "6 to 12 years", "4-12 months", "65 and older", "under 1
# year".
_AGE_RANGE = re.compile(
    r"\b(?P<low>\d{1,3})\s*(?:to|-|–)\s*(?P<high>\d{1,3})\s*(?P<unit>years?|months?|weeks?)"
    r"|\b(?P<from>\d{1,3})\s*(?P<from_unit>years?|months?|weeks?)?\s*(?:and|or|\+)\s*(?:older|over|above)"
    r"|\b(?:under|below|younger\s+than|less\s+than)\s+(?P<below>\d{1,3})\s*(?P<below_unit>years?|months?|weeks?)",
    re.IGNORECASE,
)
_MONTHS = {"y": 12.0, "m": 1.0, "w": 12 / 52}


def _in_months(number: str, unit: str | None) -> float:
    return float(number) * _MONTHS[(unit or "year")[0].lower()]


@dataclass(frozen=True)
class _Row:
    scored: ScoredUnit  # the table the row is in
    sentences: tuple[int, ...]
    first_cell: frozenset[str]
    cells: frozenset[str]  # the words of the whole row, its column headers too
    first_text: str = ""


def named_rows_answer(
    scored: Sequence[Sequence[ScoredUnit]],
    primary: Sequence[ScoredUnit],
    request: CompositionRequest,
) -> tuple[list[ScoredUnit], list[ScoredUnit]] | None:
    """(the units of the section holding the rows the question names, those rows): the rows
    taken out of their table to lead, the rest of the table following them. None when the
    question names no row of a table of the primary section's article."""
    if not primary:
        return None
    if not request.as_asked:
        return _group_rows(scored, primary, request)
    question = request.analysis.question or request.question
    asked = content_words(question)
    if not asked:
        return None
    doc_id = primary[0].section.first.chunk.doc_id
    key = primary[0].section.key
    tables = [
        u
        for units in scored
        for u in units
        if u.section.first.chunk.doc_id == doc_id and len(u.unit.rows) >= MIN_ROWS
    ]
    for table in tables:
        rows = _rows(table)
        if len(rows) < MIN_ROWS:
            continue
        leading = _of_age(rows, question) or _named(rows, asked)
        if not leading and table.section.key == key:
            leading = _saying(rows, asked)
        if leading:
            units = next(us for us in scored if us and us[0].section.key == table.section.key)
            return _split(units, table, leading)
    return None


def _rows(table: ScoredUnit) -> list[_Row]:
    section = table.section
    found: list[_Row] = []
    for k in table.unit.sentences:
        text = section.sentence(k)
        if k in table.unit.rows:
            first = BULLET.sub("", text).split(";")[0].split(":", 1)[-1]
            # The column headers count among the row's words: every row says them, so a
            # question word a header says ("lactose" of "Lactose (g)") tells no row apart.
            found.append(_Row(table, (k,), content_words(first), content_words(text), first))
        elif found and not is_list_item(text):
            # A row's cells that the sentence splitter cut off its first sentence.
            row = found[-1]
            more = content_words(text)
            found[-1] = replace(row, sentences=(*row.sentences, k), cells=row.cells | more)
    return found


def _group_rows(
    scored: Sequence[Sequence[ScoredUnit]],
    primary: Sequence[ScoredUnit],
    request: CompositionRequest,
) -> tuple[list[ScoredUnit], list[ScoredUnit]] | None:
    """A follow-up's rows: those of a table of the primary section that say the group it
    brings up ("Teenagers 13 to 18 years" for "and teenagers?")."""
    question = request.analysis.question or request.question
    if request.group is None:
        return None
    asked = content_words(" ".join(m.group() for m in request.group.finditer(question)))
    key = primary[0].section.key
    for table in (u for u in primary if len(u.unit.rows) >= MIN_ROWS):
        rows = _rows(table)
        if len(rows) < MIN_ROWS or not asked:
            continue
        if leading := _of_age(rows, question) or _saying(rows, asked):
            units = next(us for us in scored if us and us[0].section.key == key)
            return _split(units, table, leading)
    return None


def _of_age(rows: Sequence[_Row], question: str) -> list[_Row]:
    """The rows whose first cell's age range holds the age the question gives."""
    ages = [_in_months(m.group("n"), m.group("unit")) for m in _AGE_ASKED.finditer(question)]
    if not ages:
        return []

    leading = [
        r
        for r in rows
        if any(_holds(m, age) for m in _AGE_RANGE.finditer(r.first_text) for age in ages)
    ]
    return leading if len(leading) <= SAYS_MAX_SHARE * len(rows) else []


def _holds(age_range: re.Match[str], age: float) -> bool:
    """The age (in months) is in the range: "6 to 12 years" holds a 12 year old until the
    13th birthday."""
    if age_range.group("low"):
        unit = age_range.group("unit")
        low = _in_months(age_range.group("low"), unit)
        return low <= age < _in_months(age_range.group("high"), unit) + _in_months("1", unit)
    if age_range.group("from"):
        return age >= _in_months(age_range.group("from"), age_range.group("from_unit"))
    return age < _in_months(age_range.group("below"), age_range.group("below_unit"))


def _named(rows: Sequence[_Row], asked: frozenset[str]) -> list[_Row]:
    """The rows whose first cell's own words the question all says, but a near-miss."""
    shared = frozenset.intersection(*(r.first_cell for r in rows))
    own = [(r, r.first_cell - shared) for r in rows]
    named = [(r, words) for r, words in own if words and words <= asked]
    return [r for r, words in named if not any(words < other for _, other in named)]


def _saying(rows: Sequence[_Row], asked: frozenset[str]) -> list[_Row]:
    """The rows that say the question's rare words best, when few rows tie for it."""
    count = len(rows)

    def weight(word: str) -> float:
        said_by = sum(1 for r in rows if word in r.cells)
        return math.log(count / said_by) if said_by else 0.0

    scores = [
        sum(weight(w) for w in asked & r.cells) + sum(weight(w) for w in asked & r.first_cell)
        for r in rows
    ]
    best = max(scores)
    if best < MIN_RARE_WEIGHT:
        return []
    leading = [r for r, s in zip(rows, scores, strict=True) if s == best]
    return leading if len(leading) <= SAYS_MAX_SHARE * count else []


def _split(
    units: Sequence[ScoredUnit], table: ScoredUnit, leading: Sequence[_Row]
) -> tuple[list[ScoredUnit], list[ScoredUnit]]:
    section = table.section
    lead = [
        replace(
            table,
            unit=Unit(sentences=row.sentences),
            words=sum(len(section.sentence(k).split()) for k in row.sentences),
        )
        for row in leading
    ]
    taken = {k for row in leading for k in row.sentences}
    rest_sentences = tuple(k for k in table.unit.sentences if k not in taken)
    rest = replace(
        table,
        unit=Unit(sentences=rest_sentences, is_list=True, rows=table.unit.rows - taken),
        score=table.score - REST_BELOW,
        words=table.words - sum(u.words for u in lead),
    )
    # The rest of the table, when any row is left in it (its introduction alone says nothing).
    after = [rest] if any(is_list_item(section.sentence(k)) for k in rest_sentences) else []
    kept: list[ScoredUnit] = []
    for u in units:
        kept += [*lead, *after] if u is table else [u]
    return kept, lead
