"""A plain-text leaflet's headings written in capitals, read in sentence case.

Text has no bold, so leaflets shout their title and headings instead ("SPRAINED WRIST", "HOW LONG
WILL IT TAKE TO HEAL?"). Kept so, every citation of the leaflet shouted too. A heading in capitals
is written in sentence case ("How long will it take to heal?"), keeping what must stay in capitals:
a word the leaflet's own sentences write in capitals ("NHS", "RICE", "NSAIDs"), a word with a digit
or an ampersand ("A&E", "COVID-19") and a short word without a vowel ("GP", "DVT"). A word the
sentences write with a capital mid-sentence keeps it ("Emergency Department"). A heading in mixed
case, or a table's header row ("OPTION | COST"), is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z0-9&'’]+(?:[-.][A-Za-z0-9&'’]+)*")
# A word as the sentences write it; a capital after a lowercase word is the word's own, not the
# sentence's.
_SPELLED = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_VOWELS = re.compile(r"[aeiouy]", re.IGNORECASE)
# A word without a vowel this short is an abbreviation ("GP", "NHS"), not an English word.
ABBREVIATION_MAX_LETTERS = 4
# Shouted: at least this many letters, none of them lower case.
_MIN_LETTERS = 2


def is_shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= _MIN_LETTERS and not any(c.islower() for c in letters)


def sentence_case(text: str, spellings: dict[str, str]) -> str:
    """`text` in sentence case if it is written in capitals; `spellings`: how the leaflet's
    sentences write a word that is not all lower case (`own_spellings`)."""
    if not is_shouted(text) or "|" in text:
        return text  # mixed case as written, or a table's header row
    first = True

    def recased(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group(0)
        kept = _kept_spelling(word, spellings)
        cased = kept if kept is not None else word.lower()
        if first and kept is None:
            cased = cased[:1].upper() + cased[1:]
        first = False
        return cased

    return _WORD.sub(recased, text)


def own_spellings(sentences: Iterable[str]) -> dict[str, str]:
    """Words the sentences write in capitals or with a capital mid-sentence, by lower case;
    a word they also write in lower case is an ordinary word."""
    spelled: dict[str, str] = {}
    lower: set[str] = set()
    lines = (line for text in sentences for line in text.splitlines() if not is_shouted(line))
    for line in lines:
        in_sentence = False  # the word before is a lowercase word or a name within a sentence
        for match in _SPELLED.finditer(line):
            word, key = match.group(0), match.group(0).lower()
            gap = line[max(match.start() - 3, 0) : match.start()]
            mid_sentence = in_sentence and not re.search(r"[.!?:]", gap)
            if word == key:
                lower.add(key)
            elif len(word) > 1 and any(c.isupper() for c in word[1:]):
                spelled[key] = word  # "NSAIDs", "MRI": capitals no sentence gives a word
            elif mid_sentence:
                spelled.setdefault(key, word)
            in_sentence = word == key or mid_sentence
    return {key: word for key, word in spelled.items() if key not in lower or word[1:] != key[1:]}


def _kept_spelling(word: str, spellings: dict[str, str]) -> str | None:
    if word == "I" or re.search(r"[0-9&]", word):
        return word
    letters = re.sub(r"[^A-Za-z]", "", word)
    if letters and len(letters) <= ABBREVIATION_MAX_LETTERS and not _VOWELS.search(letters):
        return word
    return spellings.get(word.lower())
