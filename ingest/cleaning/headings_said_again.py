"""A heading glued to a first sentence that opens with the heading's own first words: "Hormone
therapy Hormone therapy is treatment to stop...", "Heart Failure is Serious Heart failure is a
serious and common condition.", "Bed rest Bed rest used to be routinely recommended...".

Sentence-case headings have no shape of their own (`title_headings` needs Title Case), but a
sentence that starts by saying its first two words again, a few words in and capitalised as a
sentence start, is a heading and the sentence under it: a sentence says its opening again that
soon almost only in a list of names, which is in brackets ("Kaposi sarcoma (Kaposi sarcoma,
...)"). The heading gets its own line, and a paragraph of its own when it followed a sentence.
"""

from __future__ import annotations

import re

from healthqa.text.sentences import is_list_item
from healthqa.text.words import STOPWORDS
from ingest.cleaning.edits import RuleResult, SectionContext, tidy
from ingest.cleaning.shape import HEADING_MAX_WORDS, Token, tokens

_SENTENCE_END = re.compile(r"[.!?]['\"”’)\]]*$")
_EDGE = "\"'“”‘’()[]{}.,;:!?"


def split_headings_said_again(text: str, _context: SectionContext) -> RuleResult:
    out: list[str] = []
    changed = False
    for line in text.split("\n"):
        split = line if is_list_item(line) else _split(line)
        changed |= split != line
        out.append(split)
    return (tidy("\n".join(out)), ()) if changed else (text, ())


def _split(line: str) -> str:
    words = tokens(line)
    for start in _sentence_starts(words):
        said_again = _said_again_at(words, start)
        if said_again is None:
            continue
        heading_start, sentence_start = words[start].start, words[said_again].start
        before = line[:heading_start].rstrip()
        heading = line[heading_start:sentence_start].rstrip()
        after = _split(line[sentence_start:])
        return (f"{before}\n\n" if before else "") + f"{heading}\n{after}"
    return line


def _sentence_starts(words: list[Token]) -> list[int]:
    return [0] + [n + 1 for n, w in enumerate(words[:-1]) if _SENTENCE_END.search(w.text)]


def _said_again_at(words: list[Token], start: int) -> int | None:
    """Index of the word where the heading's first two words start again, if they do within a
    heading's length, capitalised, with no sentence end and no open bracket before them."""
    if start + 3 >= len(words):
        return None
    first, second = _bare(words[start]), _bare(words[start + 1])
    if len(first) < 3 or first in STOPWORDS or not words[start].text[:1].isupper():
        return None
    depth = 0
    for n in range(start + 1, min(start + HEADING_MAX_WORDS + 1, len(words) - 1)):
        word = words[n]
        if (
            n >= start + 2
            and depth == 0
            and word.text[:1].isupper()
            and _bare(word) == first
            and _bare(words[n + 1]) == second
            # The sentence goes on after them: "disorders are X-linked dominant." ends one.
            and n + 2 < len(words)
            and not _SENTENCE_END.search(words[n + 1].text)
        ):
            return n
        depth += word.text.count("(") - word.text.count(")")
        if _SENTENCE_END.search(word.text) and depth == 0:
            return None
        if word.text.endswith(":") and depth == 0:
            # Only a heading's last word takes a colon ("... can include: Signs and ...");
            # "X-linked dominant: Only a few disorders are X-linked dominant" is a sentence.
            return n + 1 if _opens_again(words, n + 1, first, second) else None
    return None


def _opens_again(words: list[Token], n: int, first: str, second: str) -> bool:
    return (
        n + 2 < len(words)
        and words[n].text[:1].isupper()
        and _bare(words[n]) == first
        and _bare(words[n + 1]) == second
        and not _SENTENCE_END.search(words[n + 1].text)
    )


def _bare(word: Token) -> str:
    return word.text.strip(_EDGE).lower()
