"""A question that describes a thing it cannot name is answered by the sentence naming it.

"what are the little white things stuck in my kids hair" asks for the name of what it describes:
the head lice page says "Nits are the empty egg cases, which are white or yellow and stick firmly
to the hair shaft". The question names no topic, so its rarest word is a detail ("little", a word
the page never uses) and its score is low. What answers it is a sentence that says what
something is (it opens with a name followed by "is" or "are") and holds every word of the
description. A description in words the articles never use ("the white things on my tonsils")
is of something they lack, and is left to the score.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.retrieval.coverage import SUBJECT_WORDS, american
from assistant.understanding.conversation import group_of
from assistant.understanding.vocabulary import CHATTER
from healthqa.text.words import STOPWORDS, stem
from index.records import Chunk

# "what are the ... things", "what is this white stuff", "what are these bits": the thing is
# described, not named.
_DESCRIBED = re.compile(
    r"^\s*what\s+(?:is|are|'s|s)\s+(?:the|these|those|this|that)?\s*(?P<before>[a-z' -]*?)\s*"
    r"\b(?:things?|stuff|bits?)\b(?P<after>[a-z' -]*)",
    re.IGNORECASE,
)
# Size is how a visitor sees it, not how a page describes it ("little", "tiny", "small").
_SIZE = frozenset({"little", "tiny", "small", "big", "large", "huge", "weird", "strange", "odd"})
# A page describes in the present ("stick"), a visitor in what they found ("stuck").
# Whose it is: "my son's shoulders", "my husband's back".
_RELATIONS = frozenset({
    "son", "sons", "daughter", "daughters", "husband", "wife", "partner", "mum", "mom", "dad",
    "mother", "father", "brother", "sister", "grandson", "granddaughter", "friend",
})
_IRREGULAR = {
    "stuck": "stick", "swollen": "swell", "bitten": "bite", "bit": "bite", "stung": "sting",
    "bled": "bleed", "caught": "catch", "felt": "feel", "broken": "break", "grown": "grow",
    "fallen": "fall", "stuk": "stick",
}
_WORD = re.compile(r"[a-z0-9]+")
_DEFINING_VERBS = frozenset({"is", "are"})
# The description holds this many words at least: one word ("what are these things") describes
# nothing.
DESCRIBING_WORDS = 2


def described_words(question: str) -> list[str] | None:
    """The words describing the thing a "what are the ... things" question asks the name of,
    or None when the question is not of that kind or describes it in fewer than two words."""
    found = _DESCRIBED.match(question.strip())
    if found is None:
        return None
    said = _WORD.findall(f"{found['before']} {found['after']}".lower())
    words = [
        w
        for w in said
        if w not in STOPWORDS
        and w not in CHATTER
        and w not in _SIZE
        and len(w) >= 3
        and w not in _RELATIONS
        and group_of(w) is None  # "my kids": whose hair, not what the thing is
    ]
    return words if len(words) >= DESCRIBING_WORDS else None


def names_described(words: list[str], chunk: Chunk) -> bool:
    """Some sentence of the chunk says what a thing is ("Nits are ...") and holds every word."""
    wanted = [_root(w) for w in words]
    for start, end in chunk.sentence_spans:
        sentence = _WORD.findall(chunk.text[start:end].lower())
        if not _DEFINING_VERBS & set(sentence[1:SUBJECT_WORDS]):
            continue
        roots = {_root(w) for w in sentence}
        if all(w in roots for w in wanted):
            return True
    return False


def all_known(words: list[str], known: Callable[[str], int]) -> bool:
    """Every describing word is one the index uses (`known` gives its count)."""
    return all(known(_IRREGULAR.get(w, w)) for w in words)


def _root(word: str) -> str:
    return stem(american(_IRREGULAR.get(word, word)))
