"""Words glued together by a lost line break, taken apart again.

A page converted to text often loses the break between a list item, a heading or a paragraph and
what follows, with no period between them to mark it: "...difficulty swallowingBecause of their
unique experience...", "...a transplanted organStatins, which are medicines...", "Medicines
Sometimes certain medicines..." once it reads "MedicinesSometimes", "...some of the
following:- Being unable to move". The sentence splitter cannot cut there, so an answer would
quote the item and the next paragraph as one garbled sentence.

Three shapes, each a join that ordinary writing does not make:
- A word of three or more lower-case letters running into a capitalised word ("swallowingBecause").
  Names written that way start with one or two lower-case letters ("iPhone", "mmHg"); over MedQuAD
  and the MEDIQA passages every such join of three or more was a lost break. After a function
  word ("forAmericans", "theUnited") it is a lost space inside a sentence, and gets the space;
  after any other word it ends a list item or a paragraph, and gets a line break (a blank line
  after prose, whose single line breaks are read as wrapping).
- A capitalised word running into a function word that begins sentences ("StomachThe",
  "MedicinesSometimes"): a heading glued to its text. It gets a space, and the glued-heading
  rule puts the heading on its own line. Product names that join two capitalised words
  ("MedlinePlus", "EpiPen", "GeneReviews") end in a topic word, never a function word.
- A list's introduction running into its first bullet (":- Being"): the bullet gets its line.
URLs and e-mail addresses are left alone.
"""

from __future__ import annotations

import re

from healthqa.text.sentences import is_list_item
from ingest.cleaning.edits import RuleResult, SectionContext
from ingest.cleaning.furniture import url_spans

_LOWER_INTO_CAPITAL = re.compile(r"\b([a-z]{3,})(?=[A-Z][a-z])")
_CAPITAL_INTO_STARTER = re.compile(r"\b[A-Z][a-z]{2,}(?=([A-Z][a-z]+)\b)")
_INTRODUCTION_INTO_BULLET = re.compile(r"(?<=[^\W\d_]:)-[ \t]*(?=\S)")
_EMAIL_LIKE = re.compile(r"[^\s@]{0,64}@[^\s@]{1,255}")  # bounded: no backtracking blow-up
# Short words that sit inside a sentence, never at the end of an item or a paragraph, and the
# verbs that lead into what they name ("seeTreating Hemophilia", "includeHelicobacter pylori");
# with the sentence starters (`sentence_starters.txt`) they mark a lost space, not a lost break.
_INSIDE_SENTENCE = frozenset(
    {"from", "and", "nor", "than", "via", "per", "into", "onto", "upon", "toward", "towards"}
    | {"see", "visit", "include", "includes", "including"}
)


def split_glued_words(text: str, context: SectionContext) -> RuleResult:
    if not any(
        pattern.search(text)
        for pattern in (_LOWER_INTO_CAPITAL, _CAPITAL_INTO_STARTER, _INTRODUCTION_INTO_BULLET)
    ):
        return text, ()
    protected = url_spans(text) + [match.span() for match in _EMAIL_LIKE.finditer(text)]

    def free(position: int) -> bool:
        return not any(start <= position < end for start, end in protected)

    breaks: dict[int, str] = {}  # position of a join -> what goes there
    for match in _LOWER_INTO_CAPITAL.finditer(text):
        word, position = match.group(1), match.end()
        if not free(position):
            continue
        if word in _INSIDE_SENTENCE or context.words.is_starter(word):
            breaks[position] = " "
        else:
            breaks[position] = "\n" if _in_list_item(text, position) else "\n\n"
    for match in _CAPITAL_INTO_STARTER.finditer(text):
        if context.words.is_starter(match.group(1)) and free(match.end()):
            breaks[match.end()] = " "
    for match in _INTRODUCTION_INTO_BULLET.finditer(text):
        if free(match.start()):
            breaks[match.start()] = "\n"
    if not breaks:
        return text, ()
    pieces: list[str] = []
    previous = 0
    for position in sorted(breaks):
        pieces += [text[previous:position], breaks[position]]
        previous = position
    pieces.append(text[previous:])
    return "".join(pieces), ()


def _in_list_item(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return is_list_item(text[line_start:position])
