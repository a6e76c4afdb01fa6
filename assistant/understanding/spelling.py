"""Spelling correction of questions toward the words of the indexed articles.

Consumer questions are often misspelled ("secnd opinon", "diabetis"); a misspelled topic word
finds nothing lexically and weakens the dense match. A word is corrected only when it is neither
an article word nor an English word, and only toward an article word within one edit (two for
long words); among equally close words the most frequent in the articles wins. A word in the
other spelling of one the articles use ("tumor", "anemia", "color" beside "tumour", "anaemia",
"colour") is written as they write it, even when it is an English word. A word the
articles themselves misspell once or twice is corrected toward the common word it misspells.
An English word the articles never use is corrected only when one letter changed gives a rarer
English word that the articles say together with the question's next or previous word:
"planter fasciitis" is "plantar fasciitis" (`says_together`).

The search is SymSpell's (symspellpy): candidates come from a precomputed table of deletions, so
the cost of a word is bounded whatever its length, and words longer than MAX_LENGTH are left as
typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping
from functools import cache, lru_cache
from importlib import resources

from symspellpy import SymSpell, Verbosity

from index.protocols import IndexReading

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
MIN_LENGTH = 4  # short words have too many one-edit neighbours to correct safely
TWO_EDITS_FROM = 7
MAX_LENGTH = 30  # no medical word is longer; longer "words" are pasted junk, kept as typed
_MAX_EDITS = 2
# An article word seen at most this often, one edit from a word seen TYPO_RATIO times as often
# (and TYPO_MIN_COMMON times at least), is the articles' own typo.
TYPO_MAX_COUNT = 2
TYPO_RATIO = 100
TYPO_MIN_COMMON = 50
# How many of the chunks best matching two words are read for the two said together.
PHRASE_SEARCH_DEPTH = 20


# British spelling's "ae" and "oe" inside a word are American "e": "apnoea", "oesophagus",
# "haemorrhoids", "anaemia", "diarrhoea". Not at a word's end ("toe", "canoe"); the few words
# this merges by accident ("does", "des") are not topics.
_BRITISH_DIGRAPH = re.compile(r"(?:ae|oe)(?=[a-z])")
# The other British endings, after two letters at least so that "hour", "four", "rise" and "wise"
# stay as they are: "tumour"/"tumor", "behaviours", "flavoured", "organise"/"organize",
# "immunisation", "analyse"/"analyze", "paralysed", "centre"/"center", "fibre", "litres". Both
# sides of every comparison are rewritten, so a merge only matters between two real words.
_BRITISH_ENDINGS = (
    (re.compile(r"(?<=[a-z]{2})our(?=s?$|ed$|ing$|ite|ful|able|ably)"), "or"),
    (re.compile(r"(?<=[a-z]{3})is(?=e$|es$|ed$|ing$|ation|ations|er$|ers$)"), "iz"),
    (re.compile(r"(?<=[a-z]{3})ys(?=e$|es$|ed$|ing$)"), "yz"),
    (re.compile(r"(?<=[a-z]{2}[bt])re(?=s?$)"), "er"),
)
@lru_cache(maxsize=2**16)
def american(word: str) -> str:
    """The word in American spelling, so that either spelling of a topic finds the other.
    Cached: every passage's every word is put through it on each question."""
    word = _BRITISH_DIGRAPH.sub("e", word)
    for british, us in _BRITISH_ENDINGS:
        word = british.sub(us, word)
    return word


@cache
def english_counts() -> Mapping[str, int]:
    """How common each real English word is (SymSpell's 82,765-word frequency list)."""
    listing = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
    counts: dict[str, int] = {}
    for line in listing.read_text("utf-8").splitlines():
        word, _, count = line.partition(" ")
        counts[word] = int(count or 0)
    return counts


@cache
def english_words() -> frozenset[str]:
    """Real English words (SymSpell's 82,765-word frequency list): never "misspelled"."""
    return frozenset(english_counts())


# Whether the articles say two words one after the other ("plantar", "fasciitis").
SaysTogether = Callable[[str, str], bool]


class Speller:
    """SymSpell over one index's vocabulary; built once per index generation."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        english: Container[str] | None = None,
        says_together: SaysTogether | None = None,
    ) -> None:
        self._vocabulary = vocabulary
        self._says_together = says_together
        self._english: Container[str] = english_words() if english is None else english
        self._symspell = SymSpell(max_dictionary_edit_distance=_MAX_EDITS, prefix_length=7)
        # Each word's spelling in the articles, by its American form: "tumor" is asked of a page
        # that says "tumour", "anemia" of one that says "anaemia".
        self._as_written: dict[str, str] = {}
        for word, count in sorted(vocabulary.items(), key=lambda item: (item[1], item[0])):
            if count:
                self._as_written[american(word)] = word  # the most frequent spelling last
        for word, count in vocabulary.items():
            if MIN_LENGTH - 1 <= len(word) <= MAX_LENGTH:
                self._symspell.create_dictionary_entry(word, count)

    @property
    def vocabulary(self) -> Mapping[str, int]:
        """How often each word occurs in the indexed text."""
        return self._vocabulary

    def correct(self, text: str) -> str:
        """`text` with its misspelled words replaced; everything else untouched."""
        if not self._vocabulary:
            return text

        words = [m.group(0).lower() for m in _WORD.finditer(text)]
        position = iter(range(len(words)))

        def replace(match: re.Match[str]) -> str:
            word = match.group(0)
            i = next(position)
            fixed = self.correct_word(word.lower())
            if fixed is None:
                before = words[i - 1] if i > 0 else ""
                after = words[i + 1] if i + 1 < len(words) else ""
                fixed = self._real_word_slip(word.lower(), before, after)
            if fixed is None:
                return word
            return fixed.capitalize() if word[0].isupper() else fixed

        return _WORD.sub(replace, text)

    def _real_word_slip(self, word: str, before: str, after: str) -> str | None:
        """The article word an English word was typed for: a technical word is often typed as
        the commoner word one letter away ("planter" for "plantar"). Only a word the articles
        never use, toward a rarer English word that the articles say beside one of the
        question's neighbouring words, in that order ("plantar fasciitis"): the phrase is what
        tells a slip from a word the articles simply do not use."""
        english = english_counts()
        if (
            self._says_together is None
            or not MIN_LENGTH <= len(word) <= MAX_LENGTH
            or word in self._vocabulary
            or word not in english
        ):
            return None
        found = self._symspell.lookup(word, Verbosity.CLOSEST, max_edit_distance=1)
        rarer = [
            s.term
            for s in found
            if s.distance == 1
            and len(s.term) == len(word)
            and s.term[0] == word[0]
            and english.get(s.term, 0) < english[word]
        ]
        for term in sorted(rarer, key=lambda t: -self._vocabulary.get(t, 0)):
            if any(self._says_together(*pair) for pair in _pairs(term, before, after)):
                return str(term)
        return None

    def correct_word(self, word: str) -> str | None:
        """The replacement for an unknown word, or None to keep it."""
        if not MIN_LENGTH <= len(word) <= MAX_LENGTH:
            return None
        # Either spelling is right: the question is written the articles' way ("color" of a
        # page that says "colour"), even when it is an English word.
        written = None if word in self._vocabulary else self._as_written.get(american(word))
        if written is not None:
            return written
        if word in self._english:
            return None  # "upset" must not become "onset"
        if word in self._vocabulary:
            return self._articles_typo(word)
        edits = 2 if len(word) >= TWO_EDITS_FROM else 1
        found = self._symspell.lookup(word, Verbosity.CLOSEST, max_edit_distance=edits)
        if not found:
            return self._dropped_pair(word) if edits < _MAX_EDITS else None
        best = min(found, key=lambda s: (s.distance, -s.count, s.term))
        return str(best.term)

    def _dropped_pair(self, word: str) -> str | None:
        """The article word a short word spells with two adjacent letters left out: a word is
        written as it sounds, so a silent pair goes (the "th" of "asthma", the "gh" of "thought").
        Two free edits on a short word reach too many words; two letters together, after the
        first letter, reach few."""
        found = self._symspell.lookup(word, Verbosity.ALL, max_edit_distance=2)
        fits = [
            s
            for s in found
            if len(s.term) == len(word) + 2
            and s.term[0] == word[0]
            and any(s.term[:i] + s.term[i + 2 :] == word for i in range(1, len(word) + 1))
        ]
        if not fits:
            return None
        return str(max(fits, key=lambda s: (s.count, s.term)).term)

    def _articles_typo(self, word: str) -> str | None:
        """The common word an article word misspells: articles have typos too ("symtoms" once
        beside "symptoms" 1,108 times), and a question sharing the typo must not keep it."""
        seen = self._vocabulary[word]
        if seen > TYPO_MAX_COUNT:
            return None
        found = self._symspell.lookup(word, Verbosity.ALL, max_edit_distance=1)
        common = [
            s
            for s in found
            if s.term != word and s.count >= max(TYPO_MIN_COMMON, TYPO_RATIO * seen)
        ]
        if not common:
            return None
        return str(max(common, key=lambda s: (s.count, s.term)).term)


def said_together_in(reader: IndexReading) -> SaysTogether:
    """Whether the indexed text says two words one after the other, read from the chunks the
    lexical search ranks best for them (remembered: a generation never changes)."""

    @lru_cache(maxsize=4096)
    def says_together(first: str, second: str) -> bool:
        found = reader.lexical_search([first, second], PHRASE_SEARCH_DEPTH)
        phrase = re.compile(rf"\b{re.escape(first)}\W+{re.escape(second)}\b", re.IGNORECASE)
        return any(
            phrase.search(f"{s.chunk.title}\n{s.chunk.section}\n{s.chunk.text}")
            for s in reader.chunks([chunk_id for chunk_id, _ in found])
        )

    return says_together


def _pairs(term: str, before: str, after: str) -> list[tuple[str, str]]:
    """`term` with the word before it and the word after it, in the question's order; a short
    function word ("of", "the") makes no phrase."""
    pairs = [(before, term)] if len(before) >= MIN_LENGTH else []
    return pairs + ([(term, after)] if len(after) >= MIN_LENGTH else [])


def correct_spelling(
    text: str, vocabulary: Mapping[str, int], english: Container[str] = frozenset()
) -> str:
    """One-off correction (tests, tools); the assistant keeps one Speller per index."""
    return Speller(vocabulary, english).correct(text)


def correct_word(word: str, vocabulary: Mapping[str, int]) -> str | None:
    return Speller(vocabulary, frozenset()).correct_word(word)
