"""Headings glued to their text, given away by a capitalised small word.

Running prose capitalises a preposition or article only where a sentence starts; a Title
Case heading capitalises it anywhere. So at a sentence's start:

- a capitalised word, then a capitalised preposition followed by a lower-case word, is a
  one-word heading and the sentence under it: "Diet | At this time there are no...",
  "Exercise | By age 65, most...". (`headings` reads the same shape after the function words
  in `data/sentence_starters.txt`; the prepositions here open sentences too, and also sit
  inside Title Case headings, so they are read only right after a single word.)
- a run of capitalised words with a capitalised small word (or "Is", "Are") inside it,
  ended by a capitalised word and a lower-case one, is a heading and a sentence that opens
  with that word: "Why It's Important To Act Fast | Stroke is a medical emergency." A
  name written in Title Case ends the same way only after a small word ("Institute On |
  Aging supports"), which is left alone, and so is a run the article writes elsewhere with
  the same two words at the cut.
"""

from __future__ import annotations

import re

from healthqa.text.sentences import is_list_item
from ingest.cleaning.edits import RuleResult, SectionContext, tidy
from ingest.cleaning.shape import (
    HEADING_MAX_WORDS,
    TITLE_CASE_SMALL_WORDS,
    Token,
    is_capitalised,
    is_lower,
    reads_as_sentence,
    tokens,
)
from ingest.cleaning.words import CleaningWords

# Prepositions that open sentences ("At this time", "By age 65", "On average").
_OPENING_PREPOSITIONS = frozenset({"at", "by", "on", "to", "from", "of"})
_SENTENCE_START = re.compile(r"[.!?]['\"”’)\]]*\s+")
_MAY_HOLD = re.compile(
    r"\b[A-Z][\w'’-]*\s+(?:At|By|On|To|From|Of|For|And|With|In|The|Is|Are|Was|Were|Be)\s"
)
# Words prose capitalises only at a sentence's start: a Title Case heading's small words, and
# the forms of "be" ("Most Symptoms Are Treatable | Doctors use...").
_SMALL_WORDS = TITLE_CASE_SMALL_WORDS | {"is", "are", "was", "were", "be"}
_WINDOW = 200
_MIN_WORD = 3


def split_small_word_headings(text: str, context: SectionContext) -> RuleResult:
    if not _MAY_HOLD.search(text):
        return text, ()
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(_split_line(line, text, context.words))
    return tidy("\n".join(lines)), ()


def _split_line(line: str, section: str, vocabulary: CleaningWords) -> list[str]:
    if not line.strip() or line[:1].isspace() or is_list_item(line):
        return [line]
    starts = [0, *(m.end() for m in _SENTENCE_START.finditer(line))]
    for start in starts:
        words = tokens(line[start : start + _WINDOW])
        cut = _one_word_heading(words, vocabulary)
        if cut is None:
            cut = _small_word_heading(words, section, vocabulary)
        if cut is None:
            continue
        before = line[:start].rstrip()
        heading = line[start : start + words[cut - 1].end].strip()
        rest = line[start + words[cut].start :].strip()
        head = [before, ""] if before else []
        return [*head, heading, *_split_line(rest, section, vocabulary)]
    return [line]


def _one_word_heading(words: list[Token], vocabulary: CleaningWords) -> int | None:
    """1 when "Word | Preposition lower-case..." opens the sentence."""
    if len(words) < 4:
        return None
    first, preposition, following = words[0], words[1], words[2]
    if (
        is_capitalised(first)
        and first.text.isalpha()
        and len(first.bare) >= _MIN_WORD
        and not vocabulary.is_starter(first.bare)
        and first.bare.lower() not in TITLE_CASE_SMALL_WORDS
        and preposition.text.isalpha()
        and preposition.text[:1].isupper()
        and preposition.text.lower() in _OPENING_PREPOSITIONS
        and is_lower(following)
        and reads_as_sentence(words[1:])
    ):
        return 1
    return None


def _small_word_heading(words: list[Token], section: str, vocabulary: CleaningWords) -> int | None:
    """Index of the sentence's first word when a Title Case run with a capitalised small word
    inside it opens the sentence."""
    run = 0
    while run < min(len(words), HEADING_MAX_WORDS + 1) and words[run].bare[:1].isupper():
        if words[run].text[-1:] in ".!?:;,":
            return None
        run += 1
    cut = run - 1  # the run's last capitalised word opens the sentence
    if not 3 <= cut <= HEADING_MAX_WORDS or run >= len(words) or not is_lower(words[run]):
        return None
    heading, opener = words[:cut], words[cut]
    heading_shaped = (
        any(w.bare.lower() in _SMALL_WORDS for w in heading[1:])
        and heading[0].bare.lower() not in {"the", "a", "an"}
        # "National Institute On | Aging": a name's small word, not a heading's end.
        and heading[-1].bare.lower() not in TITLE_CASE_SMALL_WORDS
    )
    # "...Eye Institute (NEI) urges": an acronym explaining the name before it.
    sentence_shaped = (
        opener.text[:1].isalpha()
        and is_capitalised(opener)
        and opener.bare.lower() not in vocabulary.name_endings
        and reads_as_sentence(words[cut:])
    )
    # The two words at the cut written together elsewhere belong together: a name.
    apart = section.count(f"{heading[-1].text} {opener.text}") <= 1
    return cut if heading_shaped and sentence_shaped and apart else None
