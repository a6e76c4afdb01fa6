"""The lead article's section of the kind the question asks, read even when the search missed it.

A short question names its topic more than what it asks ("who gets plantar fasciitis",
"symptoms of low iron"), so the search finds the sections that name the topic most (Treatment, a
section for children) and may miss the one whose heading asks the question's kind ("Risk factors",
"Symptoms of iron deficiency anaemia"). When none of the lead article's found sections is of that
kind, its sections that are join the passages, ranked right after the lead, for the composer to
weigh (`section_choice.of_the_asked_type`); nothing else changes.

So do its sections whose heading names what the question asks beyond the topic ("Alcohol and
food" for "can I drink alcohol while taking omeprazole?"), when no found section's heading does:
the search matched the topic's name, which every section of a medicine leaflet repeats.
And its sections for what the reader does ("What you can do") when the question asks that
(`self_care`) and no found section's heading is one: a story's words find the sections that
retell it.
"""

from __future__ import annotations

from assistant.compose.headings import (
    asks_only_its_kind,
    parent_heading,
    shares_an_ask_word,
    under_kind,
)
from assistant.compose.self_care import asks_for_self_care, self_care_heading
from assistant.retrieval.hybrid import Passage, Retrieval
from assistant.understanding.question_types import QuestionType, heading_type
from index.protocols import IndexReading
from index.records import StoredChunk

# At most this many chunks are added: a section of the asked kind, not the rest of the page.
MAX_ADDED_CHUNKS = 4


def with_asked_sections(retrieval: Retrieval, reader: IndexReading) -> Retrieval:
    """The passages, with the lead article's sections of the asked kind added after the lead
    when none of them was found."""
    kind = retrieval.analysis.qtype
    ranked = [p for p in retrieval.passages if not p.context_only]
    if not ranked or ranked[0] is not retrieval.passages[0]:
        return retrieval
    lead = ranked[0]
    found = [p for p in ranked if p.doc_id == lead.doc_id]
    chunks = [c for c in reader.chunks_of(lead.doc_id) if c.chunk.section.strip()]
    analysis = retrieval.analysis
    question = analysis.question or analysis.asked
    topic = f"{lead.stored.chunk.title} {analysis.focus or ''}"
    typed: list[StoredChunk] = []
    found_ids = {p.chunk_id for p in found}
    of_kind = [c for c in chunks if heading_type(c.chunk.section) is kind]
    if kind is QuestionType.information:
        pass
    elif not any(heading_type(p.stored.chunk.section) is kind for p in found):
        typed = of_kind[:MAX_ADDED_CHUNKS]
    elif asks_only_its_kind(question, kind, topic):
        # A broad question ("how is eczema treated?") is answered from every subsection of
        # its kind under one heading (`parts.overview_answer`): the missing ones join.
        parents = {parent_heading(p.stored.chunk.section) for p in found} - {""}
        typed = [
            c
            for c in chunks
            if under_kind(c.chunk.section, kind)
            and parent_heading(c.chunk.section) in parents
            and c.chunk_id not in found_ids
        ][:MAX_ADDED_CHUNKS]
    if not any(shares_an_ask_word(p.stored.chunk.section, question, topic) for p in found):
        ids = {c.chunk_id for c in typed}
        typed += [
            c
            for c in chunks
            if shares_an_ask_word(c.chunk.section, question, topic) and c.chunk_id not in ids
        ][:MAX_ADDED_CHUNKS]
    if (
        kind in (QuestionType.treatment, QuestionType.information)
        and asks_for_self_care(question)
        and not any(self_care_heading(p.stored.chunk.section) for p in found)
    ):
        ids = {c.chunk_id for c in typed}
        typed += [
            c for c in chunks if self_care_heading(c.chunk.section) and c.chunk_id not in ids
        ][:MAX_ADDED_CHUNKS]
    if not typed:
        return retrieval
    ids = {c.chunk_id for c in typed}
    similarity = reader.vectors([c.chunk_id for c in typed]) @ retrieval.query_vector
    added = tuple(
        Passage(c.chunk_id, c.chunk.doc_id, 0.0, float(sim), c)
        for c, sim in zip(typed, similarity, strict=True)
    )
    rest = tuple(p for p in retrieval.passages[1:] if p.chunk_id not in ids)
    return Retrieval(retrieval.analysis, retrieval.query_vector, (lead, *added, *rest))
