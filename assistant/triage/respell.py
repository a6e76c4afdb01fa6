"""A message as it would be written out: texting shorthand and the misspellings common in typed
distress put right ("my bf is havin a siezure rn" -> "my boyfriend is having a seizure right
now").

The triage model learned mostly from messages spelled out; several kinds of noise at once left
a seizure happening now unescalated. The classifier reads both spellings and keeps the more
serious reading, so a message written out already is read exactly as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.triage.screen import SPELLING_FIXES
from assistant.understanding.spelling import english_words

# Shorthand whose meaning is not in doubt in a message to a health assistant.
_SHORTHAND = {
    "rn": "right now", "u": "you", "ur": "your", "pls": "please", "plz": "please",
    "bf": "boyfriend", "gf": "girlfriend", "ppl": "people", "bc": "because", "cuz": "because",
    "coz": "because", "idk": "I don't know", "im": "I'm", "cant": "can't", "dont": "don't",
    "wont": "won't", "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't", "hes": "he's",
    "shes": "she's", "theyre": "they're", "thx": "thanks", "tho": "though", "w/": "with",
    "b4": "before", "2day": "today", "2nite": "tonight", "tonite": "tonight", "smth": "something",
    "sth": "something", "sb": "somebody", "abt": "about", "ya": "you", "bc/": "because",
}
# Misspellings the screen fixes that are also right as they stand ("short of breath").
_NOUNS_TOO = frozenset({"breath", "pains"})
_TOKEN = re.compile(r"[A-Za-z0-9/']+")


@lru_cache(maxsize=4096)
def respelled(text: str) -> str:
    """The text with its shorthand and common misspellings written out; the text itself when
    there is nothing to put right."""

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        fixed = _fixed(word.lower())
        if fixed is None:
            return word
        return fixed.capitalize() if word[0].isupper() and len(word) > 1 else fixed

    return _TOKEN.sub(replace, text)


def _fixed(word: str) -> str | None:
    if word in _SHORTHAND:
        return _SHORTHAND[word]
    if word in SPELLING_FIXES and word not in _NOUNS_TOO:
        return SPELLING_FIXES[word]
    # A dropped g: "havin", "breathin", "bleedin" (only where the word with it is English).
    if word.endswith("in") and len(word) > 4 and word not in english_words():
        full = word + "g"
        if full in english_words():
            return full
    return None
