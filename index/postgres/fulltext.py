"""Keyword search in PostgreSQL: a question's words against the chunks' weighted tsvector.

Kept close to the embedded index's BM25 over FTS5: any word may match, the title weighs most, then
the section heading, then the body; words found in a large share of chunks are dropped while
rarer ones remain. User text is cut to word characters and joined with `or` before
websearch_to_tsquery, so nothing a user types is read as query syntax.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

import psycopg

_WORD = re.compile(r"\w+")
# A long pasted question gets slow and no more precise.
MAX_QUERY_TERMS = 32
# A word found in this share of chunks costs much and adds little (as in index.reader); below
# ALWAYS_KEEP_BELOW matches a word is always kept.
COMMON_WORD_FRACTION = 0.25
ALWAYS_KEEP_BELOW = 1000
_MAX_CACHED_WORDS = 100_000
# ts_rank weights for D, C (body), B (section heading), A (title): 1 : 2 : 3 like the embedded BM25.
RANK_WEIGHTS = "{0.1, 0.333, 0.667, 1.0}"


def query_words(terms: Sequence[str]) -> list[str]:
    """The distinct lower-case words of `terms`, without `or` (websearch syntax), at most 32."""
    words = dict.fromkeys(w for term in terms for w in _WORD.findall(term.lower()))
    return [w for w in words if w != "or"][:MAX_QUERY_TERMS]


def search(connection: psycopg.Connection, words: Sequence[str], k: int) -> list[tuple[int, float]]:
    """Live chunks matching any of `words`, best first, as (chunk_id, ts_rank)."""
    rows = connection.execute(
        "SELECT chunk_id, ts_rank(%(weights)s, search_text, query) AS score "
        "FROM chunks, websearch_to_tsquery('english', %(text)s) AS query "
        "WHERE search_text @@ query AND retired_at IS NULL "
        "ORDER BY score DESC, chunk_id LIMIT %(k)s",
        {"weights": RANK_WEIGHTS, "text": " or ".join(words), "k": k},
    ).fetchall()
    return [(int(chunk_id), float(score)) for chunk_id, score in rows]


class WordFrequencies:
    """How many live chunks hold each word, counted only up to what makes it common, and cached:
    the counts only decide which words to drop, so a count a few commits old does no harm."""

    def __init__(self, chunk_count: int) -> None:
        self._limit = int(max(COMMON_WORD_FRACTION * chunk_count, ALWAYS_KEEP_BELOW))
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def without_common(self, connection: psycopg.Connection, words: list[str]) -> list[str]:
        """`words` without the common ones; the rarest word found when all are common."""
        frequency = self._count(connection, words)
        kept = [word for word in words if 0 < frequency[word] <= self._limit]
        if kept:
            return kept
        found = [word for word in words if frequency[word] > 0]
        return [min(found, key=frequency.__getitem__)] if found else words[:1]

    def _count(self, connection: psycopg.Connection, words: list[str]) -> dict[str, int]:
        with self._lock:
            known = {w: self._counts[w] for w in words if w in self._counts}
        missing = [w for w in words if w not in known]
        if missing:
            rows = connection.execute(
                "SELECT word, (SELECT count(*) FROM (SELECT 1 FROM chunks "
                "WHERE search_text @@ websearch_to_tsquery('english', word) "
                "AND retired_at IS NULL LIMIT %(limit)s) AS matching) "
                "FROM unnest(%(words)s::text[]) AS word",
                {"words": missing, "limit": self._limit + 1},
            ).fetchall()
            counted = {str(word): int(count) for word, count in rows}
            with self._lock:
                if len(self._counts) >= _MAX_CACHED_WORDS:
                    self._counts.clear()
                self._counts.update(counted)
            known.update(counted)
        return known
