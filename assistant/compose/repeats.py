"""Whether a unit says what the answer already says."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.compose.extractive_settings import ExtractiveSettings
from assistant.compose.scored import BULLET, ScoredUnit, own_sentences
from healthqa.text.words import content_words, words

# A sentence this long said again word for word is a repeat; shorter ones ("- Fever") recur in
# different lists by chance.
REPEAT_MIN_WORDS = 5
# Two sentences of one section can be close in meaning and say different things: "With
# treatment it clears in 7 to 10 days." and "Without treatment it can take 2 to 3 weeks." share
# their subject and form; a unit more than this share of whose words the other does not say is
# not a near copy of it.
NEW_WORDS_SHARE = 1 / 3


def repeats(
    candidate: ScoredUnit, chosen: Sequence[ScoredUnit], settings: ExtractiveSettings
) -> bool:
    """The unit says what the answer already says: close in meaning to a chosen unit, or
    quoting one of its sentences word for word (sites copy paragraphs between pages, and
    a unit that adds one new sentence to a copied one is mostly a copy)."""
    for c in chosen:
        # One section's sentences are all about the same thing: there only a near copy
        # repeats ("Not everyone with flu has a fever." is not the symptom list again).
        same_section = c.section.key == candidate.section.key
        cut = settings.repeats_in_section_at if same_section else settings.repeats_at
        if float(candidate.vector @ c.vector) >= cut and not (
            same_section and _says_more(candidate, c)
        ):
            return True
    # A list item's later sentences belong to their item ("Hold for 30 seconds and repeat
    # three times." under two stretches): only what a unit says on its own is compared.
    quoted = {_said(c.section.sentence(i)) for c in chosen for i in own_sentences(c)}
    return any(
        _said(text) in quoted
        for i in own_sentences(candidate)
        if len((text := candidate.section.sentence(i)).split()) >= REPEAT_MIN_WORDS
    )


def repeated(sentence: str, said: set[tuple[str, ...]]) -> bool:
    """The answer has quoted this sentence already (long enough to be the same statement, not a
    short item that two lists share); `said` learns it otherwise."""
    key = _said(sentence)
    if len(key) < REPEAT_MIN_WORDS:
        return False
    if key in said:
        return True
    said.add(key)
    return False


def _said(sentence: str) -> tuple[str, ...]:
    """A sentence's words, whatever its bullet, case and punctuation."""
    return tuple(w.lower() for w in words(BULLET.sub("", sentence)))


def _says_more(candidate: ScoredUnit, chosen: ScoredUnit) -> bool:
    """The candidate says words of its own beyond what the chosen unit says (`NEW_WORDS_SHARE`)."""
    own = _content(candidate)
    if not own:
        return False
    return len(own - _content(chosen)) > NEW_WORDS_SHARE * len(own)


def _content(unit: ScoredUnit) -> frozenset[str]:
    return frozenset().union(
        *(content_words(unit.section.sentence(i)) for i in unit.unit.sentences)
    )
