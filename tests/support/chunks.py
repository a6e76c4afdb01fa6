"""A one-section chunk made of given sentences, for tests of the checks that read passages."""

from __future__ import annotations

from index.records import Chunk


def chunk_of(sentences: list[str], *, doc_id: str, title: str, section: str) -> Chunk:
    """The sentences joined by single spaces, each one's span recorded as the splitter would."""
    text = " ".join(sentences)
    spans, at = [], 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return Chunk(doc_id=doc_id, ordinal=0, section_index=0, text=text, title=title,
                 section=section, start=0, end=len(text), sentence_spans=tuple(spans))
