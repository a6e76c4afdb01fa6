"""A table row, ingested as a list item naming its columns, is quoted whole or not at all: its
cells run on its line as several sentences, and neither its first cell alone nor a later cell
without its label says what the row says."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from assistant.compose.passages import section_passages
from assistant.compose.trimming import trimmed
from assistant.compose.units import is_list_item, readable_units
from assistant.retrieval.hybrid import Passage
from healthqa.text.sentences import split_sentences
from index.records import Chunk, StoredChunk

ROWS = [
    "- Remedy: Warm soak; How to use it: Soak the foot in warm water for ten minutes. Dry "
    "carefully between the toes.; How often: Once a day, in the evening",
    "- Remedy: Toe spacer; How to use it: Put the spacer between the big toe and the next one. "
    "Take it out at night.; How often: Most of the day, for several weeks",
    "- Remedy: Wide shoes; How to use it: Choose shoes with a deep, wide toe box. Avoid "
    "heels over 4 cm.; How often: Every day",
]
INTRO = "Simple remedies can ease a painful bunion. The table lists what to try first."


def sentences_of(text):
    spans = split_sentences(text)
    return spans, [text[a:b] for a, b in spans]


def rows_in(texts, unit):
    """Each row of `unit` as the text of all its sentences."""
    rows, current = [], None
    for k in unit.sentences:
        if is_list_item(texts[k]):
            current = [texts[k]]
            rows.append(current)
        elif current is not None:
            current.append(texts[k])
    return [" ".join(row) for row in rows]


def test_every_cell_of_a_row_stays_with_it():
    text = INTRO + "\n\n" + "\n".join(ROWS)
    spans, texts = sentences_of(text)
    units = readable_units(text, spans)
    lists = [u for u in units if u.is_list]
    assert len(lists) == 1
    assert rows_in(texts, lists[0]) == [" ".join(r.split()) for r in ROWS]
    # No cell is a unit of its own, away from the row that says what it is about.
    prose = [texts[k] for u in units if not u.is_list for k in u.sentences]
    assert all(sentence in INTRO for sentence in prose)


@given(st.integers(min_value=20, max_value=140))
def test_a_table_cut_to_fit_drops_whole_rows(budget):
    text = INTRO + "\n\n" + "\n".join(ROWS)
    spans, texts = sentences_of(text)
    unit = next(u for u in readable_units(text, spans) if u.is_list)
    cut = trimmed(unit, 8, texts, row_words=budget)
    kept = rows_in(texts, cut)
    assert kept  # the first row always
    assert kept == [" ".join(r.split()) for r in ROWS[: len(kept)]]


def stored(text, start, ordinal):
    spans = tuple(split_sentences(text))
    chunk = Chunk(
        doc_id="bunions", ordinal=ordinal, section_index=2, text=text, title="Bunions",
        section="Remedies", start=start, end=start + len(text), sentence_spans=spans,
    )
    return StoredChunk(chunk_id=ordinal + 1, chunk=chunk)


def test_a_row_starting_the_next_chunk_is_the_next_line_of_the_same_list():
    # Rows too long to repeat as overlap: the second chunk starts one character (the line
    # break) after the first ends.
    first = INTRO + "\n\n" + ROWS[0]
    second = "\n".join(ROWS[1:])
    chunks = [stored(first, 0, 0), stored(second, len(first) + 1, 1)]
    vectors = {c.chunk_id: np.ones((len(c.chunk.sentence_spans), 3), np.float32) for c in chunks}
    passages = [Passage(c.chunk_id, "bunions", 1.0, 0.5, c) for c in chunks]
    (section,) = section_passages(passages, vectors)
    assert section.text == INTRO + "\n\n" + "\n".join(ROWS)
    texts = [section.text[a:b] for a, b in section.sentences]
    unit = next(u for u in readable_units(section.text, section.sentences) if u.is_list)
    assert rows_in(texts, unit) == [" ".join(r.split()) for r in ROWS]
