"""The list item that answers a question asking one thing.

"Can I use a heating pad if I have neuropathy?" is answered by one item of a seven-item
daily-care list ("Never use a heating pad or hot water bottle on your feet."); quoted whole in
the article's order, the list buries that item among six the question did not ask about. When
one item matches the question clearly better than the list's other items, it is taken out of
the list to lead the answer (`answer_first.leading_units`); the rest of the list stays a unit of
its own, scored as its next-best item, so it follows only when it still scores near the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from assistant.compose.base import CompositionRequest
from assistant.compose.rare_words import own_words, said_by, standing_out
from assistant.compose.scored import BULLET, ScoredUnit
from assistant.compose.units import Unit, is_list_item
from healthqa.text.words import stem, words

# The answering item must match the question this much better than every other item of its
# list: less, and the list as a whole answers (symptoms, steps, options).
STANDS_OUT_BY = 0.05
# An item this short (with its bullet) is a fragment of its list's introduction ("- constipation
# or diarrhoea"): it leads inside its list, not as a sentence of its own.
FRAGMENT_MAX_WORDS = 4
# A list this short is read whole: its items are the answer together.
MIN_ITEMS = 3
# As in scoring: a share of the question's keywords found in a sentence adds to its match.
KEYWORD_WEIGHT = 0.15
# The item that alone says the question's own words (`rare_words`) gains this: more than
# `STANDS_OUT_BY`, so it is taken out of its list unless another item matches far better.
RARE_WORDS_BONUS = 0.1


def with_answering_item(
    chosen: Sequence[ScoredUnit], request: CompositionRequest
) -> list[ScoredUnit]:
    """`chosen` with the first section's best unit, when it is a list one item of which answers,
    split into that item (a unit of its own, scored as the list was) and the rest of the list."""
    if not chosen:
        return []
    key = chosen[0].section.key
    best = max((c for c in chosen if c.section.key == key), key=lambda c: c.score)
    if not best.unit.is_list:
        return list(chosen)
    items = _items(best)
    if len(items) < MIN_ITEMS:
        return list(chosen)
    scores = _item_scores(best, items, request)
    order = np.argsort(-scores)
    top, runner_up = int(order[0]), int(order[1])
    gap = float(scores[top] - scores[runner_up])
    if gap < STANDS_OUT_BY:
        return list(chosen)
    return _split(chosen, best, items[top], gap)[0]


def with_item_saying_asked_words(
    chosen: Sequence[ScoredUnit], request: CompositionRequest
) -> tuple[list[ScoredUnit], list[ScoredUnit]]:
    """(`chosen` with the item taken out of its list, [the item]) when one item of a list of
    the first section alone says the question's own words (`rare_words`): "why do I get
    nosebleeds in winter?" under "Causes of nosebleeds" is answered by "dry air, such as heated
    indoor air in winter", whatever the list's order; the list itself when the item is too
    short to read alone. (`chosen`, []) when none does."""
    if not chosen:
        return [], []
    key = chosen[0].section.key
    for unit in (c for c in chosen if c.section.key == key and c.unit.is_list):
        items = _items(unit)
        if len(items) < MIN_ITEMS:
            continue
        asked = own_words(request, unit)
        section = unit.section
        counts = [said_by([section.sentence(k) for k in item], asked) for item in items]
        if (at := standing_out(counts, asked)) is None:
            continue
        item_words = sum(len(section.sentence(k).split()) for k in items[at])
        if item_words <= FRAGMENT_MAX_WORDS:
            # "constipation or diarrhoea" says nothing alone: the list leads whole, its
            # introduction saying what the item is ("Side effects can include: ...").
            return list(chosen), [unit]
        return _split(chosen, unit, items[at], STANDS_OUT_BY)
    return list(chosen), []


def _split(
    chosen: Sequence[ScoredUnit], best: ScoredUnit, answer: tuple[int, ...], gap: float
) -> tuple[list[ScoredUnit], list[ScoredUnit]]:
    """`chosen` with `answer`, an item of the list `best`, a unit of its own scored as the list
    was, and the rest of the list `gap` below it; and the item."""
    item = replace(
        best,
        unit=Unit(sentences=answer),
        words=sum(len(best.section.sentence(k).split()) for k in answer),
    )
    rest_sentences = tuple(k for k in best.unit.sentences if k not in answer)
    rest = replace(
        best,
        unit=Unit(sentences=rest_sentences, is_list=True, rows=best.unit.rows - set(answer)),
        score=best.score - gap,
        words=best.words - item.words,
    )
    kept: list[ScoredUnit] = []
    for c in chosen:
        kept += [rest, item] if c is best else [c]
    return kept, [item]


def _items(scored: ScoredUnit) -> list[tuple[int, ...]]:
    """The list's items, each with the sentences that continue it on its line."""
    section = scored.section
    items: list[tuple[int, ...]] = []
    for k in scored.unit.sentences:
        if is_list_item(section.sentence(k)):
            items.append((k,))
        elif items:
            items[-1] = (*items[-1], k)
    return items


def _item_scores(
    scored: ScoredUnit, items: Sequence[tuple[int, ...]], request: CompositionRequest
) -> np.ndarray:
    """Each item's match to the question: its first sentence's, as a list's own score is read."""
    section = scored.section
    vector = (
        request.question_vector
        if request.question_vector is not None
        else request.retrieval.query_vector
    )
    firsts = [item[0] for item in items]
    similarity = section.vectors[firsts] @ vector
    keywords = {stem(w) for w in request.analysis.keywords}
    found = [{stem(w) for w in words(BULLET.sub("", section.sentence(k)))} for k in firsts]
    shares = [len(keywords & f) / len(keywords) if keywords else 0.0 for f in found]
    scores = np.asarray(similarity, dtype=float) + KEYWORD_WEIGHT * np.asarray(shares)
    # The one item saying the question's own words ("vinegar" in "should I put vinegar on a
    # sting?", or forbidding when it asks what not to do) answers, however its vector scores.
    asked = own_words(request, scored)
    counts = [said_by([section.sentence(k) for k in item], asked) for item in items]
    if (at := standing_out(counts, asked)) is not None:
        scores[at] += RARE_WORDS_BONUS
    return scores
