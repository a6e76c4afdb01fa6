"""Word stems are the same whichever thread asks for them: chat sessions answer concurrently."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from healthqa.text import words as words_module
from healthqa.text.words import stem

# Long, varied words keep the stemmer busy long enough for threads to interleave.
WORDS = [
    f"{root}{suffix}"
    for root in ("hypertension", "inflammation", "vaccination", "pinworm", "baby", "allergy")
    for suffix in ("", "s", "ies", "ing", "ed", "ational", "fulness", "izations")
]


def test_stems_are_the_same_from_many_threads_at_once() -> None:
    serial = {word: stem(word) for word in WORDS}
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a busy server does
    try:
        for _ in range(20):
            words_module.stem.cache_clear()  # every thread runs the stemmer, not the cache
            with ThreadPoolExecutor(max_workers=8) as pool:
                results = list(pool.map(words_module.stem, WORDS * 20))
            assert results == [serial[word] for word in WORDS * 20]
    finally:
        sys.setswitchinterval(interval)


def test_plural_and_singular_share_a_stem() -> None:
    assert stem("pinworms") == stem("pinworm")
    assert stem("babies") == stem("baby")
    assert stem("treats") == stem("treating") == "treat"
