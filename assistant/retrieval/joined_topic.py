"""A topic named by joining a word of one article's topic to a word of another's is neither.

"how do i get rid of mouth ulcers" over a "Dry mouth" page and a "Leg ulcers" page finds both.
The first question's check holds the passages to the focus's rarest word only
(`topic.about_topic`), so one page's general text answered it, though the dry-mouth page never
says "ulcers" (nor the leg-ulcers page "mouth"), and mouth ulcers are neither. When a word of
the focus is a word of another article's title and the article that would answer never uses it
in any form, the question is about a thing no article covers. A message naming the other
article's whole topic ("is a dry mouth linked to leg ulcers") asks about both, and is left
alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.retrieval.coverage import american, distinctive_words, is_form_of
from assistant.retrieval.hybrid import HybridRetriever, Passage
from assistant.understanding.focus import title_topic
from healthqa.text.words import stem
from index.records import Chunk

_WORD = re.compile(r"[a-z0-9]+")
# How many passages using the word are read for an article titled with it.
WORD_SEARCH_DEPTH = 10


def joins_another_topic(
    message: str,
    focus_words: Iterable[str],
    kept: Iterable[Passage],
    retriever: HybridRetriever,
) -> bool:
    """Some word of the focus that the `kept` passages' articles never use is a word of the
    title topic of another article (found by a word search for it, `WORD_SEARCH_DEPTH` deep),
    whose whole title topic the message does not name."""
    kept = tuple(kept)
    kept_docs = {p.doc_id for p in kept}
    # Most questions' words are in the kept passages themselves: no article is read for them.
    shown = {found for p in kept for found in _chunk_words(p.stored.chunk)}
    missing = [word for word in map(american, focus_words) if not _uses(word, shown)]
    if not kept_docs or not missing:
        return False
    said = {
        found
        for doc_id in kept_docs
        for stored in retriever.reader.chunks_of(doc_id)
        for found in _chunk_words(stored.chunk)
    }
    asked = _words(message)
    for word in missing:
        if _uses(word, said):
            continue
        hits = retriever.reader.lexical_search([word], WORD_SEARCH_DEPTH)
        for stored in retriever.reader.chunks([chunk_id for chunk_id, _ in hits]):
            topic = _words(title_topic(stored.chunk.title))
            if stored.chunk.doc_id in kept_docs or _says(asked, topic):
                continue
            if word in distinctive_words(" ".join(topic)):
                return True
    return False


def _uses(word: str, said: set[str]) -> bool:
    return any(is_form_of(found, word) or stem(found) == stem(word) for found in said)


def _chunk_words(chunk: Chunk) -> list[str]:
    return _words(f"{chunk.title} {chunk.section} {chunk.text}")


def _words(text: str) -> list[str]:
    return [american(w) for w in _WORD.findall(text.lower())]


def _says(asked: list[str], run: list[str]) -> bool:
    return bool(run) and any(asked[i : i + len(run)] == run for i in range(len(asked)))
