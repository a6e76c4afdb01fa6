"""A page that gives a lay phrase as what its topic is answers questions asked in that phrase.

"Tinnitus ... is often described as ringing in the ears": "what causes ringing in the ears" is
asked about tinnitus, and the page's "What causes tinnitus?" section answers it, though that
section never says "ringing". The question's rarest word is said once, late in one sentence of
the page, which is how a passing mention looks (`coverage.names_in_passing`); what tells the two
apart is the sentence: its subject is the page's topic (or "it" or "this" standing for it), and
the word comes just after "described as", "known as", "called" ... A passing mention names a
neighbouring topic inside a sentence about something else ("... or kidney stones").
"""

from __future__ import annotations

import re

from assistant.retrieval.coverage import SUBJECT_WORDS, american
from assistant.understanding.focus import title_topic
from healthqa.text.words import stem
from index.records import Chunk

_WORD = re.compile(r"[a-z0-9]+")
# "often described as ringing in the ears", "also known as glue ear", "sometimes called piles".
_CUES = (("described", "as"), ("known", "as"), ("referred", "to", "as"), ("called",))
# The word comes this many words after the cue at most: "described as a high-pitched ringing".
AFTER_CUE = 3
# The cue comes this many words after the subject at most: "It is often described as", "Bruxism,
# also known as", "Tinnitus is the word for".
CUE_AFTER_SUBJECT = 5
# A sentence about the page's topic may open with a word standing for it.
_STANDS_FOR_TOPIC = frozenset({"it", "this", "they"})


def gives_as_name(word: str, chunk: Chunk) -> bool:
    """Some sentence of the chunk is about its page's topic (it opens with a word of the title's
    topic, or "it", "this", "they") and names `word` just after a naming cue."""
    topic = {american(w) for w in _WORD.findall(title_topic(chunk.title).lower())}
    for start, end in chunk.sentence_spans:
        sentence = [american(w) for w in _WORD.findall(chunk.text[start:end].lower())]
        subject = [
            k
            for k, w in enumerate(sentence[:SUBJECT_WORDS])
            if w in topic or w in _STANDS_FOR_TOPIC
        ]
        if not subject:
            continue
        # The cue names the subject only close after it: in "The dose of warfarin is adjusted
        # according to a blood test called the INR", "called" names the test, not warfarin.
        for k in range(subject[-1] + 1, subject[-1] + 1 + CUE_AFTER_SUBJECT):
            cue = next((c for c in _CUES if tuple(sentence[k : k + len(c)]) == c), None)
            if cue is None:
                continue
            after = sentence[k + len(cue) :][:AFTER_CUE]
            if any(_is(word, w) for w in after):
                return True
    return False


def _is(word: str, found: str) -> bool:
    word = american(word)
    return word == found or stem(word) == stem(found)
