"""A readable unit of a section scored against the question, and what reads it: its section's
best score, and the sentences that speak for it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.compose.passages import SectionPassage
from assistant.compose.units import Unit, adds_to_what_came_before, is_list_item
from index.embedder import Vectors

# A list item's bullet or number, left out where a sentence's own words are read.
BULLET = re.compile(r"^\s*(?:[-*•·▪–]|\(?\d{1,2}[.)]|[a-z][.)])\s+")


@dataclass(frozen=True)
class ScoredUnit:
    section: SectionPassage
    unit: Unit
    score: float
    vector: Vectors
    words: int


def section_score(units: Sequence[ScoredUnit]) -> float:
    return max(u.score for u in units)


def within_margin(
    best: list[ScoredUnit], chosen: list[ScoredUnit], margin: float
) -> list[ScoredUnit]:
    """`best` when it scores within `margin` of `chosen`, else `chosen`: how every rule that
    may switch the lead to another section of its article decides."""
    return best if section_score(best) >= section_score(chosen) - margin else chosen


def same_article(
    scored: Sequence[list[ScoredUnit]], units: Sequence[ScoredUnit]
) -> list[list[ScoredUnit]]:
    """The scored sections of the article `units` come from, in their order: the rules that
    choose another section of the lead's article choose among these."""
    doc_id = units[0].section.doc_id
    return [section for section in scored if section[0].section.doc_id == doc_id]


def own_sentences(scored: ScoredUnit) -> list[int]:
    """The unit's sentences but a list item's later ones."""
    section = scored.section
    texts = [section.sentence(i) for i in range(len(section.sentences))]
    return scored_sentences(scored.unit, texts)


def scored_sentences(unit: Unit, texts: Sequence[str]) -> list[int]:
    """The unit's sentences but a list item's later ones, and but what a list adds to ("...
    common cause of gout in older people. Other problems that raise uric acid include"): the
    list is quoted after it, not chosen for it."""
    if not unit.is_list:
        return list(unit.sentences)
    sentences = list(unit.sentences)
    first_item = next((n for n, k in enumerate(sentences) if is_list_item(texts[k])), 0)
    if first_item > 0 and adds_to_what_came_before(texts[sentences[first_item - 1]]):
        sentences = sentences[first_item - 1 :]
    scored: list[int] = []
    in_items = False
    for k in sentences:
        item = is_list_item(texts[k])
        in_items = in_items or item
        if item or not in_items:
            scored.append(k)
    return scored
