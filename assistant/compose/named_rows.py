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

A named row leads whichever section of the article holds it: the row is the answer even when
the page's overview matched the question's words better. A row that only says the rare words
leads only within the section already chosen.
"""

from __future__ import annotations

import math
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


@dataclass(frozen=True)
class _Row:
    scored: ScoredUnit  # the table the row is in
    sentences: tuple[int, ...]
    first_cell: frozenset[str]
    cells: frozenset[str]  # the words of the whole row, its column headers too


def named_rows_answer(
    scored: Sequence[Sequence[ScoredUnit]],
    primary: Sequence[ScoredUnit],
    request: CompositionRequest,
) -> tuple[list[ScoredUnit], list[ScoredUnit]] | None:
    """(the units of the section holding the rows the question names, those rows): the rows
    taken out of their table to lead, the rest of the table following them. None when the
    question names no row of a table of the primary section's article."""
    asked = content_words(request.analysis.question or request.question)
    if not asked or not primary:
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
        leading = _named(rows, asked)
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
            found.append(_Row(table, (k,), content_words(first), content_words(text)))
        elif found and not is_list_item(text):
            # A row's cells that the sentence splitter cut off its first sentence.
            row = found[-1]
            more = content_words(text)
            found[-1] = replace(row, sentences=(*row.sentences, k), cells=row.cells | more)
    return found


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
