"""Words of English text: tokens, stems and stopwords, defined once for every stage.

Ingest, retrieval, composition, the LLM output check and evaluation all compare texts by their
content words; they must agree on what a word is, which words carry no content, and when two
forms are the same word ("treatments" / "treating" / "treat").
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path

import snowballstemmer

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_DATA = Path(__file__).resolve().parent / "data"


def read_word_list(path: Path) -> frozenset[str]:
    """A word list file: one entry per line, `#` starts a comment, blank lines ignored."""
    entries = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return frozenset(entry.lower() for entry in entries if entry)


STOPWORDS = read_word_list(_DATA / "stopwords.txt")
# A Snowball stemmer keeps the word it is working on in itself, so two threads sharing one
# corrupt each other's stems (an IndexError under ten concurrent chat sessions): one per thread.
_THREAD = threading.local()


def words(text: str) -> list[str]:
    """Lower-case word tokens in order ("it's" stays one token, "covid-19" is two)."""
    return WORD.findall(text.lower())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a lower-case word: "treats", "treating" -> "treat"."""
    stemmer = getattr(_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _THREAD.stemmer = snowballstemmer.stemmer("english")
    return str(stemmer.stemWord(word.removesuffix("'s")))


def content_words(text: str) -> frozenset[str]:
    """Stems of the words that carry content (no stopwords, no single characters)."""
    return frozenset(stem(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS)
