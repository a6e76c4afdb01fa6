"""Sentences said twice in a row inside one line: a page's conversion pasted a paragraph or a
list item after itself ("- Early menstruation. Having your first period before age 12. Early
menstruation. Having your first period before age 12.").

Quoted, the copy reads as garble, and cut into sentences it leaves halves said twice ("...
between 8:00 a.m. and 8:00 p.m. Eastern Time. Eastern Time."). A run of whole sentences that
follows an identical run word for word, punctuation included, goes; the first copy stays. A
run shorter than `MIN_RUN_WORDS` words is left alone: "Call 911. Call 911." may be meant; a run
longer than `MAX_RUN_SENTENCES` sentences is not looked for (it would cost a long line's
sentences squared).
Lines are compared one at a time; repeats across lines and paragraphs are `duplicates`' work.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.cleaning.edits import Dropped, RuleResult, SectionContext, delete_ranges

MIN_RUN_WORDS = 5
MAX_RUN_SENTENCES = 80
_TOKEN = re.compile(r"\S+")
_BULLET = re.compile(r"^(?:[-*•▪–]|\d{1,3}[.)])$")
# A token that ends a sentence: its last letter or digit is followed by . ! or ? (and perhaps
# closing quotes or brackets).
_ENDS_SENTENCE = re.compile(r"""[\w%)][.!?]+['"”’)\]]*$""")


def drop_doubled_sentences(text: str, _context: SectionContext) -> RuleResult:
    ranges: list[tuple[int, int]] = []
    dropped: list[Dropped] = []
    position = 0
    for line in text.split("\n"):
        for start, end in _second_copies(line):
            ranges.append((position + start, position + end))
            dropped.append(Dropped("duplicate", line[start:end].strip()))
        position += len(line) + 1
    if not ranges:
        return text, ()
    return delete_ranges(text, ranges), tuple(dropped)


def _second_copies(line: str) -> list[tuple[int, int]]:
    """Character ranges of the line's repeated runs (the copy and the space before it)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line)]
    words = [t for _, _, t in tokens]
    # Token indexes where a sentence starts: the first (after a list bullet) and any after a
    # sentence end.
    first_word = 1 if words and _BULLET.match(words[0]) else 0
    starts = [first_word] + [
        k + 1 for k, w in enumerate(words[:-1]) if k >= first_word and _ENDS_SENTENCE.search(w)
    ]
    found: list[tuple[int, int]] = []
    settled = 0  # tokens before this one belong to a run already dealt with
    for first in starts:
        if first < settled:
            continue
        # A copy follows its run within MAX_RUN_SENTENCES sentences: comparing every pair of
        # sentence starts made a 90 KB line of short sentences take over a minute.
        later = starts[bisect_right(starts, first) :][:MAX_RUN_SENTENCES]
        for second in later:
            length = second - first
            if length < MIN_RUN_WORDS or second + length > len(words):
                continue
            if words[second] != words[first]:
                continue
            # The run ends a sentence (it starts where one ends): so does an exact copy.
            if words[first:second] == words[second : second + length]:
                end = second + length
                found.append((tokens[second - 1][1], tokens[end - 1][1]))
                settled = end
                break
    return found
