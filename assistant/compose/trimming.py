"""Cutting a list unit to what an answer can quote."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose.quotable import is_quotable
from assistant.compose.scored import scored_sentences
from assistant.compose.units import Unit, is_list_item


def trimmed(unit: Unit, max_items: int, texts: Sequence[str], *, row_words: int) -> Unit:
    """A list unit cut after its first `max_items` items (an item's own sentences stay); a
    table's rows, long and quoted whole, are cut once they would pass `row_words` words, so the
    table fits an answer with at least its first row rather than not at all."""
    if not unit.is_list:
        return unit
    kept: list[int] = []
    items = 0
    words = 0
    for n, k in enumerate(unit.sentences):
        if is_list_item(texts[k]):
            items += 1
            if items > max_items:
                break
            if k in unit.rows and items > 1:
                row = _item_words(unit.sentences[n:], texts)
                if words + row > row_words:
                    break
        kept.append(k)
        words += len(texts[k].split())
    if len(kept) == len(unit.sentences):
        return unit
    return Unit(tuple(kept), is_list=True, rows=unit.rows & set(kept))


def _item_words(sentences: Sequence[int], texts: Sequence[str]) -> int:
    """The words of the list item that `sentences` starts with, its own later sentences too."""
    count = len(texts[sentences[0]].split())
    for k in sentences[1:]:
        if is_list_item(texts[k]):
            break
        count += len(texts[k].split())
    return count


def without_unquotable_item_sentences(unit: Unit, texts: Sequence[str]) -> Unit:
    """A list unit without an item's later sentences that cannot be quoted ("- Smoking.
    Smokers absorb less calcium. Learn more about smoking and bone health."): they are left
    out, the list stays. A table row with a cell that cannot be quoted is left out whole."""
    if not unit.is_list:
        return unit
    scored = set(scored_sentences(unit, texts))
    item = -1
    of_item: dict[int, int] = {}  # sentence -> the list item it belongs to (-1: before them)
    for k in unit.sentences:
        item = k if is_list_item(texts[k]) else item
        of_item[k] = item
    unquotable = {k for k in unit.sentences if not is_quotable(texts[k])}
    cut_rows = {of_item[k] for k in unquotable if of_item[k] in unit.rows}
    kept = tuple(
        k
        for k in unit.sentences
        if of_item[k] not in cut_rows and (k in scored or k not in unquotable)
    )
    if len(kept) == len(unit.sentences):
        return unit
    return Unit(kept, is_list=True, rows=unit.rows & set(kept))
