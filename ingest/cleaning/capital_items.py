"""A list whose bullets and line breaks were both lost after its colon, items told apart only by
their capitals: "Common symptoms include: Hives Itching of the skin or eyes (common) Skin rash
(common) Swelling of the lips, tongue, or face Wheezing Symptoms of anaphylaxis include: ...".

Quoted as one sentence it reads as garble. An item starts where a capitalised word follows a
lower-case word that is not a function word ("eyes (common) | Skin rash", "face | Wheezing"):
inside a sentence or a name, a capital after a plain lower-case word is rare ("caused by Lyme
disease", "the National Institute of" put a function word before it). The list is rebuilt, one
"- item" line each, only where the pieces read as items:

- at least `MIN_ITEMS` of them, from the colon to the sentence's end or the next colon;
- every piece but the last a fragment: at most `ITEM_MAX_WORDS` words, no sentence end inside.

The next list's introduction glued to the last item ("Wheezing Symptoms of anaphylaxis
include:") starts a line of its own at its last capitalised word, and a sentence glued to the
last item ("Iron-fortified breads You can look at the label...") becomes a paragraph after the
list when it opens with a sentence starter. Items made of several one-word items ("Confusion
Diarrhea Dizziness") stay together: between two capitals nothing tells items from a name.
"""

from __future__ import annotations

import re

from healthqa.text.sentences import ABBREVIATIONS, is_list_item
from healthqa.text.words import STOPWORDS
from ingest.cleaning.edits import RuleResult, SectionContext, tidy
from ingest.cleaning.shape import Token, tokens
from ingest.cleaning.words import CleaningWords

MIN_ITEMS = 4
ITEM_MAX_WORDS = 12
# A last piece opening with a sentence starter ("You", "If", "The") and ending with a period is
# a sentence from this many words ("The eye socket." is an item).
SENTENCE_MIN_WORDS = 6
# A colon that opens a run-in list: followed by a capitalised word.
_LIST_COLON = re.compile(r":\s+(?=[A-Z][a-z])")
_ABBREVIATIONS = ABBREVIATIONS | {"ex", "etc"}
# A word that ends a sentence inside the stretch: the list ends there.
_ENDS_SENTENCE = re.compile(r"[a-z0-9)%][.!?]['\"”’)\]]*$")
# What an item can end with: a plain lower-case word ("eyes", "face"), or a bracket closing a
# note or a brand name ("(common)", "(Symbicort)", "(intravenous, or IV)").
_ITEM_END = re.compile(r"^[a-z][a-z'’-]*$|\)$")
# What an item starts with. Not a bracket: "ipratropium (Combivent Respimat)" goes on.
_CAPITALISED = re.compile(r"^[A-Z][a-z]")


def split_capitalised_items(text: str, context: SectionContext) -> RuleResult:
    if ":" not in text:
        return text, ()
    out: list[str] = []
    changed = False
    for line in text.split("\n"):
        rebuilt = _rebuild(line, context.words)
        changed |= rebuilt != [line]
        out.extend(rebuilt)
    return (tidy("\n".join(out)), ()) if changed else (text, ())


def _rebuild(line: str, vocabulary: CleaningWords) -> list[str]:
    """The line as lines: each run-in list after a colon rebuilt, the rest as it was."""
    if is_list_item(line):
        return [line]
    for colon in _LIST_COLON.finditer(line):
        words = tokens(line[colon.end() :])
        stretch = _stretch(words)
        cuts = _item_starts(stretch)
        if len(cuts) + 1 < MIN_ITEMS:  # pieces, the last perhaps not an item
            continue
        pieces = [stretch[a:b] for a, b in zip([0, *cuts], [*cuts, len(stretch)], strict=True)]
        if not all(_is_fragment(piece) for piece in pieces[:-1]) or len(pieces[0]) == 0:
            continue
        closed = _close(pieces, vocabulary)
        if closed is None or len(closed[0]) < MIN_ITEMS - 1:
            continue
        items, after_list = closed
        base = colon.end()
        lines = [line[: colon.start() + 1].rstrip()]
        lines.extend("- " + _text(line, base, piece) for piece in items)
        # What follows the list (the next list's introduction or a sentence, then the rest of
        # the line) is a paragraph of its own, which may hold the next run-in list.
        rest = line[base + (after_list[0].start if after_list else stretch[-1].end) :].strip()
        if rest:
            lines.append("")
            lines.extend(_rebuild(rest, vocabulary))
        return lines
    return [line]


def _stretch(words: list[Token]) -> list[Token]:
    """The words after the colon up to the end of the sentence or the next colon (included)."""
    for n, word in enumerate(words):
        if word.text.endswith(":") or _ends_sentence(word):
            return words[: n + 1]
    return words


def _ends_sentence(word: Token) -> bool:
    """A sentence end, not an abbreviation's period ("(ex.", "e.g.")."""
    return bool(_ENDS_SENTENCE.search(word.text)) and word.bare.lower() not in _ABBREVIATIONS


def _item_starts(words: list[Token]) -> list[int]:
    return [
        n
        for n in range(1, len(words))
        if _CAPITALISED.match(words[n].text)
        and _ITEM_END.search(words[n - 1].text)
        and words[n - 1].bare.lower() not in STOPWORDS
    ]


def _is_fragment(piece: list[Token]) -> bool:
    return 0 < len(piece) <= ITEM_MAX_WORDS and not any(
        _ends_sentence(w) or w.text.endswith(":") for w in piece
    )


def _close(
    pieces: list[list[Token]], vocabulary: CleaningWords
) -> tuple[list[list[Token]], list[Token]] | None:
    """The items, and what follows them in the stretch that is not an item: the next list's
    introduction (ending with a colon) or a sentence opening with a starter. None when the last
    piece reads as neither an item nor an item with one of these after it."""
    *items, last = pieces
    if last[-1].text.endswith(":"):
        # The introduction starts at its last capitalised word: "Wheezing | Symptoms of
        # anaphylaxis include:", "(palpitations) | An examination may show:".
        capitals = [n for n, w in enumerate(last) if _CAPITALISED.match(w.text)]
        if not capitals:
            return None
        n = capitals[-1]
        return ([*items, last[:n]] if n else items), last[n:]
    if vocabulary.is_starter(last[0].bare) and (
        len(last) > ITEM_MAX_WORDS or (len(last) >= SENTENCE_MIN_WORDS and _ends_sentence(last[-1]))
    ):
        return items, last  # "breads | You can look at the label...": a sentence, not an item
    if len(last) <= ITEM_MAX_WORDS:
        return [*items, last], []
    for n in range(1, ITEM_MAX_WORDS + 1):
        if _CAPITALISED.match(last[n].text) and vocabulary.is_starter(last[n].bare):
            return [*items, last[:n]], last[n:]
    return None


def _text(line: str, base: int, piece: list[Token]) -> str:
    return line[base + piece[0].start : base + piece[-1].end]
