"""What a run of words looks like: the shape tests the cleaning rules share.

A line is read as tokens (runs of non-space characters with their offsets). Three shapes show
that a new sentence or heading starts where no punctuation says so, i.e. that a line break was
lost there:

- a capitalised sentence starter followed by a lower-case word, after a word that neither ends
  a clause nor is a function word: "Surgery | If you have", "neck | You should see";
- a run of capitals starting or ending: "Runny nose | HOW IS THE FLU TREATED", "TODDLERS | The";
- a capitalised word repeating the word before it: "Types of Psoriasis | Psoriasis occurs".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from healthqa.text.words import STOPWORDS
from ingest.cleaning.words import CleaningWords

HEADING_MAX_WORDS = 10
# Words a Title Case heading leaves in lower case ("Cancer Treatments and Dry Mouth").
TITLE_CASE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "nor", "of", "for", "to", "with", "in", "on", "at", "by"}
    | {"from", "vs", "via", "per"}
)
# A capitalised word repeating the one before it this long is a heading's last word and the
# text's first ("Psoriasis Psoriasis"); shorter ones repeat in names ("Bora Bora" aside).
_MIN_DOUBLED = 4
# Words looked at to tell a sentence from a Title Case heading.
_SENTENCE_PEEK = 6
# A list item of more words than this is more than a fragment (see `is_fragment`).
FRAGMENT_MAX_WORDS = 14

_TOKEN = re.compile(r"\S+")
# A list item's bullet or number and the space after it (as `is_list_item` reads it).
ITEM_MARKER = re.compile(r"([ \t]*)([-*•‣◦▪–]|\d{1,3}[.)]|[a-zA-Z][.)])[ \t]+")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?"
_CLAUSE_END = re.compile(r"[.!?;:,\-–—(\[/]['\"”’)\]]*$")
SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")
_SENTENCE_END_INSIDE = re.compile(r"[.!?]['\"”’)\]]*\s+['\"“‘(\[]*[A-Z]")
_NOT_A_LETTER = re.compile(r"[^A-Za-z]")
_CAPITAL_BEFORE_LOWER = re.compile(r"(?<=\S )([A-Z][a-z]*) +(?=[a-z])")
_TWO_IN_CAPITALS = re.compile(r"[A-Z]{2}\S* +\S*[A-Z]{2}")
_DOUBLED_WORD = re.compile(r"\b([A-Za-z]{4,})\s+\1\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    bare: str  # without the punctuation around it


def tokens(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), m.group().strip(_EDGE_PUNCTUATION))
        for m in _TOKEN.finditer(text)
    ]


def is_capitalised(token: Token) -> bool:
    bare = token.bare
    return bool(bare) and bare[0].isupper() and not is_caps(token)


def reads_as_sentence(words: list[Token]) -> bool:
    """Among its first words, a lower-case word that is not a function word: "If you have a
    fissure" reads on; "During the Second Half of Pregnancy" is more of a Title Case heading."""
    return any(is_lower(w) and w.bare.lower() not in STOPWORDS for w in words[:_SENTENCE_PEEK])


def is_lower(token: Token) -> bool:
    bare = token.bare
    return bool(bare) and bare[0].islower()


def is_caps(token: Token) -> bool:
    """A word in capitals ("FLU", "HOW", "U.S.", "I", "A"); digits are ignored."""
    letters = _NOT_A_LETTER.sub("", token.text)
    return bool(letters) and letters.isupper()


def ends_clause(token: Token) -> bool:
    return bool(_CLAUSE_END.search(token.text))


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip()))


def has_inner_sentence_end(text: str) -> bool:
    return bool(_SENTENCE_END_INSIDE.search(text.strip()))


def is_fragment(text: str) -> bool:
    """A short phrase without a sentence end: what list items usually are."""
    return (
        len(text.split()) <= FRAGMENT_MAX_WORDS
        and not ends_sentence(text)
        and not has_inner_sentence_end(text)
    )


def caps_run_length(words: list[Token], first: int) -> int:
    """How many all-capitals words start at `first`; below two, or without two words of three
    letters, it is an acronym or two ("HIV", "U.S. FDA"), not a run."""
    n = first
    while n < len(words) and is_caps(words[n]):
        n += 1
    long_words = sum(1 for w in words[first:n] if len(_NOT_A_LETTER.sub("", w.text)) >= 3)
    return n - first if n - first >= 2 and long_words >= 2 else 0


def may_have_glued_start(text: str, vocabulary: CleaningWords) -> bool:
    """A quick look for any of the three shapes, so most sentences skip the word-by-word scan."""
    if any(vocabulary.is_starter(m.group(1)) for m in _CAPITAL_BEFORE_LOWER.finditer(text)):
        return True
    return bool(_TWO_IN_CAPITALS.search(text) or _DOUBLED_WORD.search(text))


def glued_starts(
    words: list[Token], vocabulary: CleaningWords, *, limit: int | None = None
) -> Iterator[int]:
    """Indexes of the words where a sentence or heading starts without punctuation before it
    (among the first `limit` words)."""
    for n in range(1, len(words) if limit is None else min(limit + 1, len(words))):
        if not ends_clause(words[n - 1]) and _glued_at(words, n, vocabulary):
            yield n


def _glued_at(words: list[Token], n: int, vocabulary: CleaningWords) -> bool:
    previous, word = words[n - 1], words[n]
    following = words[n + 1] if n + 1 < len(words) else None
    return (
        _starter_after_phrase(previous, word, following, vocabulary)
        or (is_caps(word) and not is_caps(previous) and _caps_heading_starts(words, n))
        or (is_caps(previous) and is_capitalised(word) and caps_run_ends_at(words, n))
        or (
            is_capitalised(word)
            and len(word.bare) >= _MIN_DOUBLED
            and word.bare.lower() == previous.bare.lower()
        )
    )


def first_glued_start(
    words: list[Token], vocabulary: CleaningWords, *, limit: int | None = None
) -> int:
    """Index of the first glued start (among the first `limit` words), or -1."""
    return next(iter(glued_starts(words, vocabulary, limit=limit)), -1)


def caps_run_ends_at(words: list[Token], n: int) -> bool:
    """`words[n]` follows a run of capitals (of two long words or more)."""
    first = n
    while first > 0 and is_caps(words[first - 1]):
        first -= 1
    return caps_run_length(words, first) == n - first > 0


def _starter_after_phrase(
    previous: Token, word: Token, following: Token | None, vocabulary: CleaningWords
) -> bool:
    return (
        following is not None
        and is_capitalised(word)
        and word.text.isalpha()
        and vocabulary.is_starter(word.text)
        and is_lower(following)
        and previous.bare.lower() not in STOPWORDS
        and not vocabulary.is_starter(previous.bare)
    )


def _caps_heading_starts(words: list[Token], n: int) -> bool:
    length = caps_run_length(words, n)
    if not length:
        return False
    after = n + length
    # "MPS VII." ends a sentence with two acronyms; a heading ends in "?" or ":", or before the
    # capitalised first word of its text.
    return words[after - 1].text.endswith(("?", ":")) or (
        after < len(words) and is_capitalised(words[after])
    )
