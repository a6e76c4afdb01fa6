"""Spelling correction of questions against the words of the indexed articles.

Consumer questions are often misspelled ("secnd opinon", "diabetis"); a misspelled topic word
finds nothing lexically and weakens the dense match. A word that never occurs in the articles is
replaced by the most frequent article word within one edit (two for long words), if there is one.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
MIN_LENGTH = 4  # short words have too many one-edit neighbours to correct safely
TWO_EDITS_FROM = 7


def correct_spelling(
    text: str, vocabulary: Mapping[str, int], english: Container[str] = frozenset()
) -> str:
    """`english` words are real words even when the articles never use them ('upset' must not
    become 'onset')."""
    if not vocabulary:
        return text

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.lower() in english:
            return word
        fixed = correct_word(word.lower(), vocabulary)
        if fixed is None:
            return word
        return fixed.capitalize() if word[0].isupper() else fixed

    return _WORD.sub(replace, text)


def correct_word(word: str, vocabulary: Mapping[str, int]) -> str | None:
    """The replacement for an unknown word, or None to keep it."""
    if len(word) < MIN_LENGTH or word in vocabulary:
        return None
    candidates = _known(_edits(word), vocabulary)
    if not candidates and len(word) >= TWO_EDITS_FROM:
        candidates = _known((e2 for e1 in _edits(word) for e2 in _edits(e1)), vocabulary)
    if not candidates:
        return None
    return max(sorted(candidates), key=lambda c: vocabulary[c])


def _known(words: Iterable[str], vocabulary: Mapping[str, int]) -> set[str]:
    return {w for w in words if w in vocabulary}


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return deletes | transposes | replaces | inserts
