"""Headings glued to the text under them, put on a line of their own.

A heading has lost its line break when a sentence starts right after a short capitalised run
without punctuation (see `shape.glued_starts`): "Surgery If you have a chronic fissure...",
"FLU SYMPTOMS IN INFANTS The flu is...", "Types of Psoriasis Psoriasis occurs...". A sentence
in capitals, and a short question that opens a line ("What causes X? X is caused by..."), are
headings too. A heading found after other sentences of the line starts a new paragraph.

A line at the start of a section that repeats the section's own heading (MedQuAD answers start
by asking their question again) is dropped, unless it is all the section says.
"""

from __future__ import annotations

import re

from healthqa.text.sentences import is_list_item, split_sentences
from healthqa.text.words import content_words
from ingest.cleaning.edits import Dropped, RuleResult, SectionContext, tidy
from ingest.cleaning.shape import (
    HEADING_MAX_WORDS,
    Token,
    caps_run_length,
    ends_clause,
    first_glued_start,
    is_caps,
    may_have_glued_start,
    reads_as_sentence,
    tokens,
)
from ingest.cleaning.words import CleaningWords

# A question this long is a sentence of the text, not a heading over it.
QUESTION_HEADING_MAX_WORDS = 25
# Share of content words a line must share with the section heading to be the heading again.
SAME_HEADING = 0.75
# Shortest stem that may stand for a longer one ("treat" for "treatment").
_MIN_STEM = 4
# Words after a glued heading: fewer, and it is more likely a label than a sentence.
MIN_TEXT_WORDS = 2
# A phrase said twice at a line's start is a glued heading only from this many words: "Very
# very" and "Yes yes" are speech.
REPEATED_HEADING_MIN_WORDS = 3
_REPEATED_OPENING = re.compile(
    r"(?P<head>[^\W\d_][^\n.?!:;]{0,118}?[^\s.?!:;,])\s+(?P<again>(?P=head)\b)", re.IGNORECASE
)


def split_glued_headings(text: str, context: SectionContext) -> RuleResult:
    text = "\n".join(_split_repeated_opening(line) for line in text.split("\n"))
    if "?" not in text and not may_have_glued_start(text, context.words):
        return text, ()
    lines: list[str] = []
    for line in text.split("\n"):
        if _may_hold_heading(line, context.words):
            lines.extend(_split_line(line, context.words))
        else:
            lines.append(line)
    return tidy("\n".join(lines)), ()


def _split_repeated_opening(line: str) -> str:
    """A line that opens with a phrase said twice ("Treatments for severe thalassemia Treatments
    for severe thalassemia may include:") is a heading glued to a sentence that repeats it."""
    found = _REPEATED_OPENING.match(line)
    if found is None or len(found.group("head").split()) < REPEATED_HEADING_MIN_WORDS:
        return line
    return f"{found.group('head')}\n{line[found.start('again') :]}"


def _may_hold_heading(line: str, vocabulary: CleaningWords) -> bool:
    if not line.strip() or is_list_item(line) or line[:1].isspace():
        return False
    return "?" in line or may_have_glued_start(line, vocabulary)


def drop_repeated_question(text: str, context: SectionContext) -> RuleResult:
    """The first line goes when it is the section heading again and more text follows. A
    statement ("Asthma causes wheezing.") is text, whatever words it shares with the heading,
    and so is a list's lead-in ("See a GP if:"), whose sentence its items finish."""
    first, _, rest = text.partition("\n")
    if not rest.strip() or not context.heading.strip() or is_list_item(first):
        return text, ()
    if first.rstrip().endswith((".", "!")):
        return text, ()
    if first.rstrip().endswith(":") and is_list_item(rest.strip().partition("\n")[0]):
        return text, ()  # "See a GP if:" over its items: the list's lead-in, said once
    if len(first.split()) > QUESTION_HEADING_MAX_WORDS or not _same_words(first, context.heading):
        return text, ()
    return tidy(rest), (Dropped("repeated heading", first),)


def _same_words(line: str, heading: str) -> bool:
    """Most content words of the line are the heading's (a stem or its extension: "treat" and
    "treatment"), however the question is worded around them."""
    mine, theirs = content_words(line), content_words(heading)
    if not mine or not theirs:
        return line.strip().casefold() == heading.strip().casefold()
    shared = sum(1 for word in mine if any(_same_stem(word, other) for other in theirs))
    return shared / max(len(mine), len(theirs)) >= SAME_HEADING


def _same_stem(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    return shorter == longer or (len(shorter) >= _MIN_STEM and longer.startswith(shorter))


def _split_line(line: str, vocabulary: CleaningWords) -> list[str]:
    """The line as lines: each glued heading on its own, text before it a paragraph apart."""
    spans = split_sentences(line)
    questions = _opening_questions(line, spans)
    if questions:
        rest = line[questions:].strip()
        return [line[:questions].strip(), *_split_line(rest, vocabulary)]
    for start, end in spans:
        more = end < len(line.rstrip())
        cut = _heading_end(line[start:end], more=more, vocabulary=vocabulary)
        if cut is None:
            continue
        before = line[:start].rstrip()
        heading = line[start : start + cut].strip()
        after = line[start + cut :].strip()
        head = [before, ""] if before else []
        return [*head, heading, *(_split_line(after, vocabulary) if after else [])]
    return [line]


def _opening_questions(line: str, spans: list[tuple[int, int]]) -> int:
    """End of the short questions that open the line, when text follows them ("Is it inherited?
    If so, how? It is..."); 0 when it does not open with one."""
    end, count = 0, 0
    for start, stop in spans:
        if not line[start:stop].endswith("?"):
            break
        count += len(line[start:stop].split())
        if count > QUESTION_HEADING_MAX_WORDS:
            return 0
        end = stop
    return end if 0 < end < len(line.rstrip()) else 0


def _heading_end(sentence: str, *, more: bool, vocabulary: CleaningWords) -> int | None:
    """Where a heading that opens `sentence` ends (an offset in it), if one does."""
    if more and not re.search(r"[a-z]", sentence):
        words = tokens(sentence)
        if (
            words
            and caps_run_length(words, 0)
            and all(is_caps(w) or not any(c.isalpha() for c in w.text) for w in words)
        ):
            return len(sentence)  # a sentence in capitals: "HOW IS THE FLU TREATED?"
    if not may_have_glued_start(sentence, vocabulary):
        return None
    words = tokens(sentence)
    glued = first_glued_start(words, vocabulary, limit=HEADING_MAX_WORDS)
    if (
        0 < glued <= HEADING_MAX_WORDS
        and len(words) - glued >= MIN_TEXT_WORDS
        and _heading_shaped(words[:glued])
        and reads_as_sentence(words[glued:])
    ):
        return words[glued].start
    return None


def _heading_shaped(words: list[Token]) -> bool:
    """Starts with a capital or digit, has a letter, and no punctuation inside. (A sentence
    that lost its period, "It can spread In some cases...", takes the same shape; its own line
    is no worse for it.)"""
    first = words[0].text.lstrip("\"'“‘([")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if not any(c.isalpha() for w in words for c in w.text):
        return False  # footnote marks ("[1] [2]"), numbers
    return not any(ends_clause(w) for w in words[:-1]) and not words[-1].text.endswith((",", ";"))
