"""Retrieved chunks regrouped as article sections, the unit an answer quotes and cites.

Chunks of one section overlap and follow each other (`Chunk.start`/`end` are offsets in the
section's text), so the retrieved ones are joined back into contiguous passages: a sentence cut
between two chunks is whole again, a list split over two chunks is one list, and one article
section is one source however many of its chunks were retrieved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.compose.units import is_list_item
from assistant.retrieval.hybrid import Passage
from index.embedder import Vectors
from index.records import Span, StoredChunk


@dataclass(frozen=True)
class SectionPassage:
    """A contiguous run of one article section, with its sentences and their vectors."""

    first: StoredChunk  # the run's first chunk: title, section, url, page, source, reviewed
    chunk_ids: tuple[int, ...]
    text: str
    sentences: tuple[Span, ...]  # in `text`, reading order
    vectors: Vectors  # one row per sentence
    rank: int  # best retrieval rank among its chunks (0 = the top passage)
    similarity: float  # best question-passage cosine among its chunks

    @property
    def doc_id(self) -> str:
        return self.first.chunk.doc_id

    @property
    def key(self) -> tuple[str, str]:
        return source_key(self.first)

    def sentence(self, index: int) -> str:
        start, end = self.sentences[index]
        return " ".join(self.text[start:end].split())


def section_passages(
    passages: Sequence[Passage], sentence_vectors: Mapping[int, Vectors]
) -> list[SectionPassage]:
    """The retrieved chunks joined into section passages, best-ranked first.

    Passages the retrieval ranked give the order; neighbours it added for context only extend
    them, and sub-sections extend the section that introduces them.
    """
    rank = {p.chunk_id: n for n, p in enumerate(passages) if not p.context_only}
    by_id = {p.chunk_id: p for p in passages}
    groups: dict[tuple[str, str], list[Passage]] = {}
    for passage in passages:
        if passage.chunk_id in sentence_vectors:
            # A sub-section is read as part of the section that introduces it.
            whole = by_id.get(passage.part_of) if passage.part_of is not None else None
            key = source_key((whole or passage).stored)
            groups.setdefault(key, []).append(passage)
    found: list[SectionPassage] = []
    for group in groups.values():
        ordered = sorted(group, key=lambda p: (p.stored.chunk.section_index, p.stored.chunk.start))
        runs = _contiguous_runs(ordered)
        joined = [_joined(run, sentence_vectors, rank) for run in runs]
        if any(p.chunk_id in rank for p in group):
            found.append(_one_source(joined))
    return sorted(found, key=lambda s: (s.rank, -s.similarity))


# Shown between two parts of a section that were retrieved without the text between them.
GAP = "\n\n[…]\n\n"


def _one_source(parts: Sequence[SectionPassage]) -> SectionPassage:
    """One article section is one source, however many separate parts of it were retrieved."""
    if len(parts) == 1:
        return parts[0]
    text = ""
    spans: list[Span] = []
    for part in parts:
        offset = len(text) + (len(GAP) if text else 0)
        text = text + GAP + part.text if text else part.text
        spans += [(start + offset, end + offset) for start, end in part.sentences]
    return SectionPassage(
        first=parts[0].first,
        chunk_ids=tuple(i for part in parts for i in part.chunk_ids),
        text=text,
        sentences=tuple(spans),
        vectors=np.concatenate([part.vectors for part in parts]),
        rank=min(part.rank for part in parts),
        similarity=max(part.similarity for part in parts),
    )


def source_key(stored: StoredChunk) -> tuple[str, str]:
    """What a visitor sees as one source: an article section, by its heading (some articles
    repeat a heading over several sections; they are one source to a reader)."""
    chunk = stored.chunk
    return (chunk.doc_id, chunk.section.casefold() or f"#{chunk.section_index}")


# Chunks that do not overlap leave out the white space between them (a line break before a
# table row too long to repeat): up to this many characters apart, they still follow each other.
ADJACENT_GAP = 2


def _between(width: int, following: str) -> str:
    """The white space two adjacent chunks left out, `width` characters long: a line break
    before a list item or in place of a blank line, else a space within a paragraph."""
    if width >= 2:
        return "\n" * width
    return "\n" if is_list_item(following) else " "


def _contiguous_runs(ordered: Sequence[Passage]) -> list[list[Passage]]:
    runs: list[list[Passage]] = []
    for passage in ordered:
        chunk = passage.stored.chunk
        last = runs[-1][-1].stored.chunk if runs else None
        if (
            last
            and last.section_index == chunk.section_index
            and chunk.start <= last.end + ADJACENT_GAP
        ):
            runs[-1].append(passage)
        else:
            runs.append([passage])
    return runs


def _joined(
    run: Sequence[Passage], sentence_vectors: Mapping[int, Vectors], rank: Mapping[int, int]
) -> SectionPassage:
    base = run[0].stored.chunk.start
    text = ""
    spans: dict[int, tuple[Span, Vectors]] = {}  # by section offset of the sentence start
    for passage in run:
        chunk = passage.stored.chunk
        offset = chunk.start - base
        # Overlapping chunks repeat text; keep what this chunk adds past the end so far.
        if offset <= len(text):
            text = text[:offset] + chunk.text
        else:
            text = text + _between(offset - len(text), chunk.text) + chunk.text
        vectors = sentence_vectors[passage.chunk_id]
        for (start, end), vector in zip(chunk.sentence_spans, vectors, strict=True):
            spans.setdefault(offset + start, ((offset + start, offset + end), vector))
    ordered = [spans[start] for start in sorted(spans)]
    kept = _without_overlaps(ordered)
    return SectionPassage(
        first=run[0].stored,
        chunk_ids=tuple(p.chunk_id for p in run),
        text=text,
        sentences=tuple(span for span, _ in kept),
        vectors=np.stack([vector for _, vector in kept]) if kept else np.zeros((0, 1), np.float32),
        rank=min((rank[p.chunk_id] for p in run if p.chunk_id in rank), default=len(rank)),
        similarity=max(p.similarity for p in run),
    )


def _without_overlaps(ordered: Sequence[tuple[Span, Vectors]]) -> list[tuple[Span, Vectors]]:
    """A sentence cut at a chunk's edge overlaps the whole one from the next chunk: keep the
    longer of two overlapping spans."""
    kept: list[tuple[Span, Vectors]] = []
    for item in ordered:
        (start, end), _ = item
        if kept and start < kept[-1][0][1]:
            if end - start > kept[-1][0][1] - kept[-1][0][0]:
                kept[-1] = item
            continue
        kept.append(item)
    return kept
