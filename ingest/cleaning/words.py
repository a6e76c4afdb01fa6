"""The word lists the shape rules need, read from `data/` (see the README there)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from healthqa.text.words import read_word_list

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class CleaningWords:
    # Function words that begin sentences, lower case: "the", "if", "you", "what".
    starters: frozenset[str] = frozenset()
    # Phrases that make a sentence point at a removed link: "click here", "following link".
    link_phrases: frozenset[str] = frozenset()
    # Labels of links that lead around the page: "top of page".
    link_labels: frozenset[str] = frozenset()
    # Nouns that end names of organisations and tools: "center", "institute", "tool".
    name_endings: frozenset[str] = frozenset()
    # Phrases that make a sentence site furniture: "our newsletter", "rate this page".
    furniture_phrases: frozenset[str] = frozenset()
    # Labels of furniture rows and lines: "see also", "share this page", "advertisement".
    row_labels: frozenset[str] = frozenset()
    # Social networks and sharing channels: "facebook", "whatsapp", "email".
    social_networks: frozenset[str] = frozenset()
    _phrases: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _labels: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _furniture: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_phrases", _any_of(self.link_phrases))
        object.__setattr__(self, "_labels", _any_of(self.link_labels))
        object.__setattr__(self, "_furniture", _any_of(self.furniture_phrases))

    @classmethod
    def load(cls, directory: Path = DATA_DIR) -> CleaningWords:
        return cls(
            starters=read_word_list(directory / "sentence_starters.txt"),
            link_phrases=read_word_list(directory / "link_phrases.txt"),
            link_labels=read_word_list(directory / "link_labels.txt"),
            name_endings=read_word_list(directory / "name_endings.txt"),
            furniture_phrases=read_word_list(directory / "furniture_phrases.txt"),
            row_labels=read_word_list(directory / "row_labels.txt"),
            social_networks=read_word_list(directory / "social_networks.txt"),
        )

    def is_starter(self, word: str) -> bool:
        return word.lower() in self.starters

    def has_link_phrase(self, text: str) -> bool:
        """A link phrase or a link label anywhere in `text`."""
        return bool(self._phrases.search(text) or self._labels.search(text))

    def link_phrase_in(self, text: str) -> re.Match[str] | None:
        return self._phrases.search(text)

    def link_labels_in(self, text: str) -> Iterator[re.Match[str]]:
        return self._labels.finditer(text)

    def furniture_phrase_in(self, text: str) -> re.Match[str] | None:
        # Plain substring looks first: the whole-word pattern is slow over a whole collection.
        flat = " ".join(text.lower().split())
        if not any(phrase in flat for phrase in self.furniture_phrases):
            return None
        return self._furniture.search(text)


def _any_of(phrases: frozenset[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words, ignoring case and how the words are spaced."""
    if not phrases:
        return re.compile(r"(?!)")
    alternatives = "|".join(
        r"\s+".join(map(re.escape, phrase.split()))
        for phrase in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


DEFAULT_WORDS = CleaningWords.load()
