"""Does what was found speak of the question's topic at all?

A question about a topic the articles lack ("what about Kabuki syndrome?" after a question about
Down syndrome, "what about bed bugs?" after head lice) still finds passages that score well:
they are about the neighbouring topic, in the same words ("syndrome", "rash", "bites"). Before
answering from them, the named focus must appear in what was found: every distinctive word of
it (not "syndrome", "disease" or "cancer", which every neighbour shares) at the start of some
word of the passages' titles, headings or text, so "hep B" is found in "hepatitis B", or as
another form of the same word ("pinworms" in a page that says "pinworm"). CHiQA
reads the focus first for the same reason: an answer about another condition is worse than none.

A first question is held to its focus's rarest word in the index (`rarest_word`): "what causes
kidney stones" needs "stones" (chronic kidney disease has "kidney"), while "what are the main
causes of tooth loss" needs only "tooth" (a page on tooth decay answers it without "loss").
A numbered kind is the same in Roman numerals: "type ii diabetes" is "type 2 diabetes", and a
word is the same in British and American spelling: "sleep apnoea" is "sleep apnea", "tumour" is
"tumor", "immunisation" is "immunization", "fibre" is "fiber".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from assistant.understanding import spelling
from healthqa.text.words import stem
from index.records import Chunk

if TYPE_CHECKING:  # the retriever itself asks `chunk_speaks_of` while ranking
    from assistant.retrieval.hybrid import Passage

# Words every neighbouring article shares: they say what kind of topic it is, not which one.
_KIND_WORDS = frozenset({
    "syndrome", "syndromes", "disease", "diseases", "disorder", "disorders", "cancer", "cancers",
    "infection", "infections", "condition", "conditions", "deficiency", "type", "types", "tumor",
    "tumors", "tumour", "tumours", "problem", "problems", "the", "and", "of", "in", "with", "my",
    "your", "his", "her", "their", "kind", "kinds", "form", "forms", "one", "ones", "version",
    "variety", "sort",
})
# Of those, the ones that name a class of condition a neighbour sharing the topic's other words
# is not: "kidney cancer" beside "kidney stones", "Down syndrome" beside "Down's ... ". A page
# that answers the focus says its class somewhere ("cancer"), however it names the rest.
_CLASS_WORDS = frozenset({
    "cancer", "cancers", "tumor", "tumors", "tumour", "tumours", "syndrome", "syndromes",
})
_WORD = re.compile(r"[a-z0-9]+")
_NUMBERED = re.compile(r"\b(type|stage|grade|class|phase)\s+(\d+|i{1,3}|iv|v)\b")
_ARABIC = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}
# The spelling both sides of a comparison are read in (`spelling.american`); the checks beside
# this module take it from here.
american = spelling.american
# A word among a sentence's first few is what the sentence is about ("Lyme disease is spread
# by ticks", "Symptoms of Lyme disease include"), not a passing mention.
SUBJECT_WORDS = 5


def distinctive_words(focus: str) -> list[str]:
    return [
        w
        for w in _WORD.findall(focus.lower())
        if len(w) >= 3 and w not in _KIND_WORDS and not w.isdigit()
    ]


def class_words(focus: str) -> list[str]:
    """The focus's words naming its class of condition ("cancer" of "kidney cancer")."""
    return [w for w in _WORD.findall(focus.lower()) if w in _CLASS_WORDS]


def numbered_kinds(focus: str) -> list[str]:
    """A kind word with its number ("type 2", "stage 3"): the number is what tells the topic
    from its neighbour ("type 1 diabetes"), so it must follow that word in a passage."""
    return sorted(_kinds_in(focus))


def _kinds_in(text: str) -> set[str]:
    return {f"{kind} {_ARABIC.get(n, n)}" for kind, n in _NUMBERED.findall(text.lower())}


def rarest_word(focus: str, frequency: Mapping[str, int]) -> list[str]:
    """The focus's distinctive word that is rarest in the index (a word it lacks first), as a
    one-word list for `speaks_of`; empty when the focus has none."""
    found = distinctive_words(focus)
    return [min(found, key=lambda w: frequency.get(w, 0))] if found else []


def speaks_of(focus: str, passage: Passage, words: Sequence[str] | None = None) -> bool:
    """Every distinctive word of the focus (or each of `words`) begins a word of the passage
    (title, heading or text), and every numbered kind of it appears there as such."""
    return chunk_speaks_of(focus, passage.stored.chunk, words)


def chunk_speaks_of(
    focus: str, chunk: Chunk, words: Sequence[str] | None = None, *, headings_only: bool = False
) -> bool:
    """`speaks_of` for a chunk; `headings_only`: in its title or section heading, where a page
    says what it is about, not in its text, where it may name the topic in passing."""
    headings = f"{chunk.title} {chunk.section}".lower()
    text = headings if headings_only else f"{headings} {chunk.text.lower()}"
    found = _spelled_words(text)
    titled = _spelled_words(headings)
    needed = [american(w) for w in (distinctive_words(focus) if words is None else words)]
    missing = [
        w
        for w in needed
        if not any(is_form_of(word, w) for word in found)
        and not any(word.startswith(w) for word in titled)
    ]
    # Another form of the word names it too: "pinworms" where the page says "pinworm",
    # "babies" where it says "baby".
    if missing and not all(_stem_found(w, found) for w in missing):
        return False
    kinds = numbered_kinds(focus)
    return not kinds or set(kinds) <= _kinds_in(text)


# Cached: each question checks the same few hundred passages, most of them asked before.
@lru_cache(maxsize=4096)
def _spelled_words(text: str) -> frozenset[str]:
    """The text's words and joined neighbours, in American spelling."""
    return frozenset(american(w) for w in with_joined(_WORD.findall(text)))


# Two forms of a word share their first letters: only those words are stemmed, not all of a
# passage's (stemming every word of every passage checked was most of a question's time).
STEM_HEAD = 3


def _stem_found(word: str, found: frozenset[str]) -> bool:
    """Some word of `found` has the stem of `word`."""
    wanted, head = stem(word), word[:STEM_HEAD]
    return any(stem(w) == wanted for w in found if w.startswith(head))


# Two words a visitor runs together ("hayfever", "nosebleed") are each this long at least.
JOINED_PART = 3


def with_joined(words: list[str]) -> list[str]:
    """The words, and each two neighbours written as one: a question's "hayfever" names the
    page's "hay fever", "nosebleeds" its "nose bleeds". Only a pair the text says side by side,
    never any two words the index knows ("members hip" of "membership")."""
    joined = [
        a + b
        for a, b in pairwise(words)
        if len(a) >= JOINED_PART and len(b) >= JOINED_PART and a.isalpha() and b.isalpha()
    ]
    return words + joined


def names_in_passing(word: str, chunk: Chunk) -> bool:
    """The chunk's only mention of `word` is once, late in one sentence of its text, not in its
    title or heading: "...a rash may signify a coinfection with the pathogen that causes Lyme
    disease" on a page about anaplasmosis says nothing about Lyme disease. A page that is about
    the word names it in its headings, more than once, or as what a sentence opens with."""
    headings = f"{chunk.title} {chunk.section}"
    if _names(word, headings.lower(), clipped=True) or _abbreviates(word, headings):
        return False
    mentions = 0
    for start, end in chunk.sentence_spans:
        sentence = _WORD.findall(chunk.text[start:end].lower())
        named = [k for k, w in enumerate(sentence) if _names(word, w)]
        if named and named[0] < SUBJECT_WORDS:
            return False
        mentions += len(named)
    return mentions == 1


def text_names(text: str, focus: str) -> bool:
    """`text` names the topic: every distinctive word of it, or its initials as one word
    ("ADHD" for "Attention Deficit-Hyperactivity Disorder")."""
    needed = distinctive_words(focus)
    if needed and all(_names(w, text) for w in needed):
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", focus)).lower()
    return len(initials) >= 3 and initials in {w.lower() for w in re.findall(r"[A-Za-z]+", text)}


def _abbreviates(word: str, headings: str) -> bool:
    """The word is the initials of consecutive words of the headings: "adhd" of "Attention
    Deficit-Hyperactivity Disorder", "copd" of "Chronic Obstructive Pulmonary Disease"."""
    if not 2 <= len(word) <= 6 or not word.isalpha():
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", headings)).lower()
    return word in initials


def _names(word: str, text: str, *, clipped: bool = False) -> bool:
    """Some word of `text` is a form of `word` or shares its stem, in either spelling;
    `clipped`: or begins with it, as a heading's full name does ("Hepatitis B" for "hep b")."""
    word = american(word)
    found = [american(w) for w in with_joined(_WORD.findall(text))]
    if any(w.startswith(word) if clipped else is_form_of(w, word) for w in found):
        return True
    return stem(word) in {stem(w) for w in found}


# In an article's text a short word is named by a longer one only with an ending of its own:
# "flu" by "flus", not by "flushed" or "fluids" ("What are the symptoms of the flu?" was answered
# from a hemorrhagic fever's "a flushed face"); "lice" not by "licensed". From this length any
# longer word counts ("diabet" of "diabetes"). A title or heading is where a topic's full name
# stands, so there the start of a word is enough ("hep b" for "Hepatitis B").
FREE_PREFIX_CHARS = 6
_ENDINGS = frozenset({
    "s", "es", "y", "ey", "ic", "ics", "al", "ed", "d", "ing", "er", "ers", "like", "ness", "ous",
    "ly", "ism",
})


def is_form_of(found: str, word: str) -> bool:
    """`found` is `word` or `word` with an ending (any ending once `word` is long)."""
    if not found.startswith(word):
        return False
    ending = found[len(word) :]
    return not ending or len(word) >= FREE_PREFIX_CHARS or ending in _ENDINGS


def passages_about(
    focus: str | None, passages: Iterable[Passage], words: Sequence[str] | None = None
) -> tuple[Passage, ...]:
    """The ranked passages (not those added only for reading) that speak of the focus; all of
    them when there is nothing distinctive to check."""
    ranked = tuple(p for p in passages if not p.context_only)
    if focus is None or not is_checkable(focus):
        return ranked
    return tuple(p for p in ranked if speaks_of(focus, p, words))


def focus_is_covered(focus: str | None, passages: Iterable[Passage]) -> bool:
    """True when there is nothing distinctive to check, or some ranked passage speaks of it."""
    if not is_checkable(focus):
        return True
    return bool(passages_about(focus, passages))


def is_checkable(focus: str | None) -> bool:
    """The focus has a distinctive word or a numbered kind to look for."""
    return bool(focus) and bool(distinctive_words(focus or "") or numbered_kinds(focus or ""))
