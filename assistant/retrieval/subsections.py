"""The sub-sections of a section whose own text only introduces them.

A page's h2 often holds one line ("Prevention may include a combination of lifestyle changes and
medications.", "The treatment depends on the cause.") and puts its content under h3s. Ingest
makes every heading a section, so the line is retrieved on its own and would be the whole answer.
The sections after such a headed line belong to it until one asks something of its own: a
heading of another question type ("How it spreads" after "Treatment") or a heading phrased as a
question, with its mark or without ("When to see a GP"), or, after a section for a group
("Eczema in babies and pregnancy"), a heading that does not name the group. A heading the
introduction names ("Medications") belongs to it whatever its type. A page's untitled opening
is its summary, not an introduction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.retrieval.hybrid import Passage, Retrieval
from assistant.understanding.conversation import groups_named
from assistant.understanding.question_types import QuestionType, heading_type
from healthqa.text.words import stem, words
from index.protocols import IndexReading
from index.records import StoredChunk

# A heading phrased as a question without its mark ("When to see a GP", "What to do next")
# asks something of its own, as one with the mark does.
_ASKS = re.compile(r"(?:when|what|why|how|who|where|which|should|can|is|are|do|does)\b", re.I)
# An introduction is one or two sentences, no list: more than this says something of its own.
INTRO_MAX_WORDS = 25
INTRO_MAX_SENTENCES = 2
MAX_SUBSECTIONS = 6


def with_subsections(retrieval: Retrieval, reader: IndexReading, *, around: int = 3) -> Retrieval:
    """The passages, with the sub-sections of any of the best `around` whose section is an
    introduction marked as parts of it (read by the composer with it; added when not retrieved)."""
    parts: dict[int, int] = {}  # chunk id -> the introduction's chunk id
    extra: list[StoredChunk] = []
    seen = {p.chunk_id for p in retrieval.passages}
    for passage in [p for p in retrieval.passages if not p.context_only][:around]:
        if passage.chunk_id in parts:
            continue
        chunks = reader.chunks_of(passage.doc_id)
        for sub in subsections_of(passage.stored, chunks):
            parts.setdefault(sub.chunk_id, passage.chunk_id)
            if sub.chunk_id not in seen:
                seen.add(sub.chunk_id)
                extra.append(sub)
    if not parts:
        return retrieval
    marked = tuple(
        replace(p, part_of=parts[p.chunk_id]) if p.chunk_id in parts else p
        for p in retrieval.passages
    )
    added: tuple[Passage, ...] = ()
    if extra:
        similarity = reader.vectors([s.chunk_id for s in extra]) @ retrieval.query_vector
        added = tuple(
            Passage(s.chunk_id, s.chunk.doc_id, 0.0, float(sim), s, True, parts[s.chunk_id])
            for s, sim in zip(extra, similarity, strict=True)
        )
    return Retrieval(retrieval.analysis, retrieval.query_vector, marked + added)


def subsections_of(intro: StoredChunk, chunks: Sequence[StoredChunk]) -> list[StoredChunk]:
    """The chunks of the sections `intro`'s section introduces, in order ([] when its section
    says something of its own)."""
    chunk = intro.chunk
    own = [c for c in chunks if c.chunk.section_index == chunk.section_index]
    # A page's untitled opening is its summary, not the introduction of a heading's parts.
    if not chunk.section.strip() or len(own) != 1:
        return []
    if not _introduces(chunk.text, len(chunk.sentence_spans)):
        return []
    kind = heading_type(chunk.section)
    named = {stem(w) for w in words(chunk.text.lower())}
    later: dict[int, list[StoredChunk]] = {}
    for other in sorted(chunks, key=lambda c: c.chunk.ordinal):
        if other.chunk.section_index > chunk.section_index:
            later.setdefault(other.chunk.section_index, []).append(other)
    # A section for a group ("Eczema in babies and pregnancy") is the page's word for that
    # group: a part of it names the group too, and a heading that does not ("Common
    # triggers") is the page's next section, whose sentences must not be cited under it.
    groups = groups_named(chunk.section)
    found: list[StoredChunk] = []
    for index in sorted(later)[:MAX_SUBSECTIONS]:
        heading = later[index][0].chunk.section.strip()
        if not heading or heading.endswith("?") or _ASKS.match(heading):
            break
        if groups and not groups & groups_named(heading):
            break
        said = {stem(w) for w in words(heading.lower())} <= named
        if not said and heading_type(heading) not in (QuestionType.information, kind):
            break
        found += later[index]
    return found


def _introduces(text: str, sentences: int) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (
        0 < sentences <= INTRO_MAX_SENTENCES
        and len(text.split()) <= INTRO_MAX_WORDS
        and text.rstrip().endswith(".")
        and not any(line.startswith(("-", "*", "•")) for line in lines)
    )
