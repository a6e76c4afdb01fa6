"""Headings in Title Case glued to the sentence under them, put on a line of their own.

Pages converted to text often run a heading into its first sentence: "Preventing Blood Clots
Blood clots can occur...", "Shingles Usually Does Not Return People who develop shingles...",
"Risk Increases With Age AMD is most common...", also inside a paragraph that a page's
conversion put behind a bullet. Every word of such a heading is capitalised
(but small words such as "of" and "and"), and the sentence starts at the run's last capitalised
word, the one before the first lower-case word. A sentence that opens with a name ("Alzheimer's
Disease Education and Referral Center staff answer...") has the same shape, so the split is
made only with a second sign that a heading ends there:

- the sentence says again a word of the heading among its first words, after its first
  ("Blood Clots | Blood clots", "Shingles Usually Does Not Return | People who develop
  shingles");
- it opens with a function word that begins sentences ("Other Symptoms | A number of...",
  "Warning Signs To Watch For | To minimize the risk");
- or with an acronym, where the heading has none ("Risk Increases With Age | AMD is...").

And never where the article writes the two words at the cut together elsewhere ("Assessment
Tool"), or where the sentence would open with a noun that ends names ("Center", "Institute",
`data/name_endings.txt`): that is a name. A subordinating word before the cut goes with the
sentence ("COPD Develops Slowly, Has No Cure | When COPD is severe"), and so does a determiner
("Newborn Screening | All States screen newborns").
"""

from __future__ import annotations

import re

from healthqa.text.sentences import is_list_item
from healthqa.text.words import STOPWORDS, stem
from ingest.cleaning.edits import RuleResult, SectionContext, tidy
from ingest.cleaning.shape import (
    HEADING_MAX_WORDS,
    TITLE_CASE_SMALL_WORDS,
    Token,
    is_caps,
    tokens,
)
from ingest.cleaning.words import CleaningWords

# A heading may start with an article ("A Bone Disease | Osteoporosis is..."), a name too.
_ARTICLES = frozenset({"a", "an", "the"})
# Words that open a sentence but also start Title Case headings; the sentence-starter list
# (`sentence_starters.txt`) holds the rest.
_OPENERS = frozenset({"a", "an", "as", "to"})
# Words that open a clause or a noun phrase: before the cut, they belong to the sentence
# ("Newborn Screening | All States screen newborns").
_SENTENCE_OPENERS = frozenset(
    {"when", "if", "while", "because", "although", "though", "since", "unless", "until"}
    | {"once", "whether", "as", "after", "before"}
    | {"all", "both", "each", "every", "some", "many", "most", "several", "few", "these"}
    | {"those", "this", "that", "the", "a", "an", "its", "their", "your", "our", "his", "her"}
    | {"my"}
)
# How far into the sentence a word of the heading said again counts.
_REPEAT_PEEK = 6
# Characters after a sentence start that hold a heading and the first words after it.
_WINDOW = 300
# A heading's first two capitalised words, perhaps with a small word between them.
_TWO_CAPITALISED = re.compile(r"""['"“(\[]*[A-Z]\S*\s+(?:[a-z]{1,4}\s+)?['"“(\[]*[A-Z]""")
# A word that ends a clause or a sentence: no heading word does ("Spit up: Your baby").
_CLAUSE_MARK = re.compile(r"[:;,]['\"”’)\]]*$")
_SENTENCE_END_MARK = re.compile(r"[.!?;]['\"”’)\]]*$")
# Sentence starts inside a line: after ". ", "? ", "! " (with closing quotes or brackets).
_SENTENCE_START = re.compile(r"[.!?]['\"”’)\]]*\s+")


def split_title_case_headings(text: str, context: SectionContext) -> RuleResult:
    if not re.search(r"[A-Z]\S*\s+[A-Z]", text):
        return text, ()
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(_split_line(line, text, context.words))
    return tidy("\n".join(lines)), ()


def _split_line(line: str, section: str, vocabulary: CleaningWords) -> list[str]:
    if not line.strip() or line[:1].isspace():
        return [line]
    starts = [m.end() for m in _SENTENCE_START.finditer(line)]
    if not is_list_item(line):
        starts.insert(0, 0)  # an item's own first words are the item, whatever their case
    for start in starts:
        if not _TWO_CAPITALISED.match(line, start):
            continue  # most sentences: "The disease is..."
        # A heading and the sentence's first words are all the test reads.
        cut = _heading_cut(tokens(line[start : start + _WINDOW]), section, vocabulary)
        if cut is None:
            continue
        heading_end, sentence_start = (start + offset for offset in cut)
        before = line[:start].rstrip()
        heading = line[start:heading_end].strip()
        rest = line[sentence_start:].strip()
        head = [before, ""] if before else []
        return [*head, heading, *_split_line(rest, section, vocabulary)]
    return [line]


def _heading_cut(
    words: list[Token], section: str, vocabulary: CleaningWords
) -> tuple[int, int] | None:
    """(end of the heading, start of the sentence) as offsets in the tokens' text, if a Title
    Case heading opens it."""
    run = _title_case_run(words)
    if run is None:
        return None
    cut = run - 1  # the sentence's first word: the last capitalised one before lower case
    while cut > 0 and not words[cut].bare[:1].isupper():
        cut -= 1  # "Heart Attack: When the flow": not "the"
    while (
        cut > 0
        and words[cut - 1].bare.lower() in _SENTENCE_OPENERS
        and words[cut - 1].bare[:1].isupper()
    ):
        cut -= 1
    heading, sentence = words[:cut], words[cut:]
    if not _heading_shaped(heading) or len(sentence) < 3:
        return None
    # A sentence may open with a starter and its comma ("Prostate Cancer Can Spread |
    # Sometimes, cancer cells break away").
    opening_comma = sentence[0].text.endswith(",") and vocabulary.is_starter(sentence[0].bare)
    if any(_CLAUSE_MARK.search(w.text) for w in sentence[int(opening_comma) : 2]):
        return None  # "Why Babies | Spit up: Your baby is ...": the cut is inside the heading
    if f"{heading[-1].bare} {sentence[0].bare}" in section.replace(
        f"{heading[-1].text} {sentence[0].text}", "", 1
    ):
        return None  # the two words at the cut are written together elsewhere: a name
    if not _heading_ends(heading, sentence, vocabulary):
        return None
    return heading[-1].end, sentence[0].start


def _title_case_run(words: list[Token]) -> int | None:
    """Index of the first lower-case word after a run of capitalised (or small) words at the
    start, when there is one within a heading's length."""
    for n, word in enumerate(words[: HEADING_MAX_WORDS + 2]):
        if _SENTENCE_END_MARK.search(word.text):
            return None
        if not word.bare:
            return None
        if word.bare[0].isupper() or (n > 0 and word.bare.lower() in TITLE_CASE_SMALL_WORDS):
            continue
        return n if word.bare[0].islower() else None
    return None


def _heading_shaped(heading: list[Token]) -> bool:
    """At least two capitalised words, starting and ending with one, no longer than a heading."""
    if not 2 <= len(heading) <= HEADING_MAX_WORDS:
        return False
    first, last = heading[0].bare.lower(), heading[-1].bare
    if (first in TITLE_CASE_SMALL_WORDS and first not in _ARTICLES) or (
        last.lower() in TITLE_CASE_SMALL_WORDS and last[:1].islower()
    ):
        return False  # "Warning Signs To Watch For" may end in a small word, capitalised
    if heading[-1].text.endswith(","):
        return False
    return sum(1 for w in heading if w.bare[:1].isupper()) >= 2


def _heading_ends(heading: list[Token], sentence: list[Token], vocabulary: CleaningWords) -> bool:
    first = sentence[0].bare
    if not sentence[0].text[:1].isalpha() or not any(w.bare[:1].islower() for w in sentence[1:3]):
        return False  # "(NEI) urges": an abbreviation explaining the name before it
    if first.lower() in vocabulary.name_endings:
        return False  # "Alzheimer's Disease Education and Referral | Center staff answer"
    # Said again after the sentence's first word: a name's last word alone ("African Americans
    # and Asian | Americans are") repeats the run too.
    said = {_stem(w) for w in heading if w.bare.lower() not in STOPWORDS and len(w.bare) > 2}
    if said & {_stem(w) for w in sentence[1:_REPEAT_PEEK]}:
        return True
    if first.lower() in _OPENERS or vocabulary.is_starter(first):
        return True
    # An acronym after "The ..." is the name's own ("The IgG-capture | ELISA is").
    return (
        is_caps(sentence[0])
        and len(first) >= 2
        and not any(is_caps(w) for w in heading)
        and heading[0].bare.lower() not in _ARTICLES
    )


def _stem(word: Token) -> str:
    return stem(word.bare.lower())
