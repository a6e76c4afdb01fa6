"""Does what was found speak of the question's topic at all?

A question about a topic the articles lack ("what about Kabuki syndrome?" after a question about
Down syndrome, "what about bed bugs?" after head lice) still finds passages that score well:
they are about the neighbouring topic, in the same words ("syndrome", "rash", "bites"). Before
answering from them, the named focus must appear in what was found: every distinctive word of
it (not "syndrome", "disease" or "cancer", which every neighbour shares) at the start of some
word of the passages' titles, headings or text, so "hep B" is found in "hepatitis B". CHiQA
reads the focus first for the same reason: an answer about another condition is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.retrieval.hybrid import Passage

# Words every neighbouring article shares: they say what kind of topic it is, not which one.
_KIND_WORDS = frozenset({
    "syndrome", "syndromes", "disease", "diseases", "disorder", "disorders", "cancer", "cancers",
    "infection", "infections", "condition", "conditions", "deficiency", "type", "types", "tumor",
    "tumors", "tumour", "tumours", "problem", "problems", "the", "and", "of", "in", "with", "my",
    "your", "his", "her", "their", "kind", "kinds", "form", "forms", "one", "ones", "version",
    "variety", "sort",
})
_WORD = re.compile(r"[a-z0-9]+")


def distinctive_words(focus: str) -> list[str]:
    return [
        w
        for w in _WORD.findall(focus.lower())
        if len(w) >= 3 and w not in _KIND_WORDS and not w.isdigit()
    ]


def focus_is_covered(focus: str | None, passages: Iterable[Passage]) -> bool:
    """True when there is no focus to check, or every distinctive word of it begins a word of
    the ranked passages (title, heading or text)."""
    wanted = distinctive_words(focus) if focus else []
    if not wanted:
        return True
    found: set[str] = set()
    for passage in passages:
        if passage.context_only:
            continue
        chunk = passage.stored.chunk
        found.update(_WORD.findall(f"{chunk.title} {chunk.section} {chunk.text}".lower()))
    return all(any(word.startswith(w) for word in found) for w in wanted)
