"""How faithfully an answer cites: every [n] marker must point at a shown citation whose passage
holds the sentence it stands after (precision), and every content sentence should carry one
(coverage). Fixed framing, safety and disclaimer text is left out of coverage."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.answer import Answer, Citation

_MARKER = re.compile(r"\[(\d+)\]")
_MARKERS_AFTER_STOP = re.compile(r"([.!?])((?:\s*\[\d+\])+)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[]?[A-Z0-9])")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class AnswerSentence:
    text: str  # without markers, whitespace collapsed
    markers: tuple[int, ...]


@dataclass(frozen=True)
class CitationCheck:
    markers: int
    resolved: int  # markers whose citation exists and whose passage holds the sentence
    body_sentences: int  # sentences that are not framing, safety or disclaimer text
    cited_sentences: int
    unresolved: tuple[str, ...]  # "[n] sentence..." for each marker that did not resolve

    @property
    def precision(self) -> float | None:
        return self.resolved / self.markers if self.markers else None

    @property
    def coverage(self) -> float | None:
        return self.cited_sentences / self.body_sentences if self.body_sentences else None


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def split_sentences(text: str) -> list[AnswerSentence]:
    """Sentences of an answer, each with the markers written right after it.

    A marker written after the full stop ("... left. [2] Next") belongs to the sentence before it,
    so markers are first moved inside the stop.
    """
    moved = _MARKERS_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    sentences: list[AnswerSentence] = []
    for line in moved.splitlines():
        for piece in _SENTENCE_END.split(_BULLET.sub("", line)):
            markers = tuple(int(n) for n in _MARKER.findall(piece))
            plain = _SPACE.sub(" ", _MARKER.sub("", piece)).strip()
            plain = re.sub(r"\s+([.!?,;:])", r"\1", plain)
            if plain or markers:
                sentences.append(AnswerSentence(text=plain, markers=markers))
    return sentences


def _framing_texts(answer: Answer, extra: Iterable[str]) -> list[str]:
    texts = [answer.disclaimer, *extra]
    if answer.safety is not None:
        texts.append(answer.safety.message)
    return [normalise(t) for t in texts if t.strip()]


def _is_framing(sentence: AnswerSentence, framing: list[str]) -> bool:
    if sentence.markers:
        return False
    text = normalise(sentence.text)
    # A marker-less line that introduces what follows ("From the article on X:") is framing too.
    return text.endswith(":") or any(text and text in fixed for fixed in framing)


def _supports(citation: Citation, sentence: str) -> bool:
    """The sentence is quoted from the passage, or quotes one of the cited spans whole."""
    passage = normalise(citation.passage)
    core = normalise(sentence).rstrip(".!?;: ")
    if core and core in passage:
        return True
    spans = [
        normalise(citation.passage[start:end]).rstrip(".!?;: ") for start, end in citation.spans
    ]
    return any(span and span in normalise(sentence) for span in spans)


def check_citations(answer: Answer, *, framing: Iterable[str] = ()) -> CitationCheck:
    by_number = {c.n: c for c in answer.citations}
    fixed = _framing_texts(answer, framing)
    markers = resolved = body = cited = 0
    unresolved: list[str] = []
    for sentence in split_sentences(answer.text):
        if _is_framing(sentence, fixed):
            continue
        body += 1
        cited += bool(sentence.markers)
        for n in sentence.markers:
            markers += 1
            citation = by_number.get(n)
            if citation is not None and _supports(citation, sentence.text):
                resolved += 1
            else:
                unresolved.append(f"[{n}] {sentence.text[:80]}")
    return CitationCheck(
        markers=markers,
        resolved=resolved,
        body_sentences=body,
        cited_sentences=cited,
        unresolved=tuple(unresolved),
    )
