"""List items that carry what is not theirs, after `lists` has put the bullets back.

- prose glued to an item is cut off as a paragraph of its own: where a sentence or heading
  starts without punctuation ("- Runny nose HOW IS THE FLU TREATED", "- head or neck You
  should see"); or, when the list's other items are fragments (short, unpunctuated), after the
  item's first sentence; or all of the item, when it is a long sentence opening like one
  ("- The frequency of each sign is an estimate..." after "- Seizures");
- a sentence glued to a short item without a period ("- Chest tightness Doctors use lung
  function tests to diagnose asthma.") is cut off where its Title-case first word follows a
  lower-case word that is not a function word: a name inside an item follows one ("a trip to
  Africa", "caused by Lyme disease") or is short;
- the introduction of the next list glued to an item ("- You have tophi. Diet changes may
  help prevent attacks:" before "- Lose weight.") is cut off as a line of its own: a sentence
  after the item's own that ends with a colon, where the items after it are not indented under
  it, introduces them, not a part of this item;
- a list repeated as run-in text inside its own last item ("- Is common - appears red -
  itches. Is common appears red itches.", or with no period before the copy: "- back pain
  painful urination blood in urine back pain") goes, as a duplicate; so does a copy with text
  after it or a sentence of the item before it, where it repeats the items word for word.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from healthqa.text.sentences import is_list_item, split_sentences
from healthqa.text.words import STOPWORDS, WORD, words
from ingest.cleaning.duplicates import NEAR_DUPLICATE, jaccard, shingles
from ingest.cleaning.edits import Dropped, Shingles
from ingest.cleaning.shape import (
    FRAGMENT_MAX_WORDS,
    ITEM_MARKER,
    Token,
    caps_run_length,
    ends_clause,
    ends_sentence,
    first_glued_start,
    has_inner_sentence_end,
    is_capitalised,
    is_fragment,
    may_have_glued_start,
    tokens,
)
from ingest.cleaning.words import CleaningWords

_WORD_ANY_CASE = re.compile(WORD.pattern, re.IGNORECASE)
_CLOSING_PUNCTUATION = re.compile(r"[.!?;,]+")
# Words of a repeated copy before it is worth comparing (shorter runs repeat by chance).
MIN_COPY_WORDS = 4
# How many items before an item a run-in copy in it may repeat.
COPY_LOOKBACK_ITEMS = 40
# A short item with a sentence glued to it: the item at most this long, the sentence at least
# this long. Over the MEDIQA passages, of 258 such cuts about nine in ten were a real join (the
# rest a name after a quantity or unit: "half Milk of Magnesia", "mm Hg").
GLUED_ITEM_MAX_WORDS = 8
GLUED_SENTENCE_MIN_WORDS = 6


@dataclass
class _Item:
    indent: str
    text: str


def repair_item_runs(
    lines: list[str], vocabulary: CleaningWords
) -> tuple[list[str], list[Dropped]]:
    """Within each run of item lines: repeated run-in copies go, glued prose is cut off."""
    out: list[str] = []
    dropped: list[Dropped] = []
    n = 0
    while n < len(lines):
        if not is_list_item(lines[n]):
            out.append(lines[n])
            n += 1
            continue
        run: list[_Item] = []
        while n < len(lines) and is_list_item(lines[n]):
            marker = ITEM_MARKER.match(lines[n])
            assert marker is not None  # is_list_item matched
            run.append(_Item(lines[n][: marker.end()], lines[n][marker.end() :]))
            n += 1
        # A first item the list's introduction still holds ("it may be due to - weak bladder
        # muscles"): a run-in copy of the list starts with it too.
        introduction = out[-1] if out else ""
        inline = introduction.rsplit(" - ", 1)[1] if " - " in introduction else ""
        dropped.extend(_drop_repeated_copies(run, inline))
        out.extend(_cut_glued_prose(run, vocabulary))
    return out, dropped


def _drop_repeated_copies(run: list[_Item], inline: str = "") -> list[Dropped]:
    dropped: list[Dropped] = []
    said = [words(item.text) for item in run]  # each item's words, read once
    for k, item in enumerate(run):
        # A run-in copy repeats the items just before it: looking further back made a list of
        # thousands of items cost seconds per item.
        before = said[max(0, k - COPY_LOOKBACK_ITEMS) : k]
        copy = _repeated_copy(item.text, before)
        if copy is not None:
            dropped.append(Dropped("duplicate", item.text[copy:].strip()))
            item.text = item.text[:copy].rstrip()
            said[k] = words(item.text)
            continue
        span = _copy_with_text_after(item.text, before, inline if k < COPY_LOOKBACK_ITEMS else "")
        if span is not None:
            start, end = span
            dropped.append(Dropped("duplicate", item.text[start:end].strip()))
            item.text = f"{item.text[:start].rstrip()} {item.text[end:].lstrip()}".rstrip()
            said[k] = words(item.text)
    return dropped


def _cut_glued_prose(run: list[_Item], vocabulary: CleaningWords) -> list[str]:
    """The run's lines, each item's glued prose a paragraph after it."""
    fragments = [is_fragment(item.text) for item in run]
    lengths = [len(item.text.split()) for item in run]
    # The longest other item: the longest, or for the longest itself the runner-up.
    top = sorted(range(len(run)), key=lambda j: -lengths[j])[:2]
    total_fragments = sum(fragments)
    lines: list[str] = []
    for k, item in enumerate(run):
        others = _Others(
            count=len(run) - 1,
            fragments=total_fragments - fragments[k],
            longest=next((lengths[j] for j in top if j != k), 0),
        )
        tail = _tail_start(item.text, others, vocabulary)
        if tail is None and k + 1 < len(run) and run[k + 1].indent == item.indent:
            tail = _next_list_introduction(item.text)
        if tail is None:
            lines.append(item.indent + item.text)
        elif tail == 0:
            lines.extend(["", item.text])
        else:
            lines.extend([item.indent + item.text[:tail].rstrip(), "", item.text[tail:]])
    return lines


def _sentence_after_fragment(text: str) -> int | None:
    """Where a sentence glued to a short unpunctuated item starts: "Chest tightness | Doctors
    use lung function tests...", "Sudden infant death syndrome (SIDS) | Like any addiction..."."""
    if not ends_sentence(text):
        return None
    item_words = tokens(text)
    for n in range(1, min(len(item_words), GLUED_ITEM_MAX_WORDS + 1)):
        word, previous = item_words[n], item_words[n - 1]
        if ends_sentence(previous.text) or ends_clause(previous):
            return None  # punctuation inside: the other rules read this item
        title_case = is_capitalised(word) and word.bare[1:].islower() and len(word.bare) > 1
        after_word = previous.text.endswith(")") or (
            previous.bare.islower() and previous.bare not in STOPWORDS
        )
        # No sentence starts inside a bracket the item opened ("Diuretics (water or fluid |
        # Pills) flush ...") or ends on its own first word ("Enzyme (ACE) | Inhibitors."), and
        # none with a bracket: it names the word before it ("Give ibuprofen (Advil) for ...").
        if _inside_brackets(text, word) or ends_sentence(word.text) or word.text[:1] in "([{":
            continue
        if title_case and after_word and len(item_words) - n >= GLUED_SENTENCE_MIN_WORDS:
            return word.start
    return None


def _inside_brackets(text: str, word: Token) -> bool:
    """The word stands inside a bracket the text opened before it: a note on the words before
    ("- Blood alcohol level (This shows recent drinking. It does not diagnose ...)")."""
    return text.count("(", 0, word.start) > text.count(")", 0, word.start)


def _next_list_introduction(text: str) -> int | None:
    """Where the item's last sentence starts, if it ends with a colon and follows a sentence of
    the item's own: "You have tophi. Diet changes may help prevent attacks:"."""
    if not text.rstrip().endswith(":"):
        return None
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return None
    return sentences[-1][0]


def _repeated_copy(text: str, item_words: list[list[str]]) -> int | None:
    """Where, in an item's `text`, a run-in copy of the items before it (`item_words`, each
    one's words) and of its own start begins:
    "- Is common - appears red - itches. Is common appears red itches." """
    if not item_words:
        return None
    k = len(item_words)
    # After a sentence end, or where an earlier item's opening words come again: a copy run in
    # without punctuation ("...upper thighs painful or burning urination difficulty...").
    ends = sorted(set(_sentence_ends(text)) | _openings_again(text, item_words))
    if not ends:
        return None
    for end in ends:
        tail = words(text[end:])
        if len(tail) < MIN_COPY_WORDS:
            continue
        own = words(text[:end])
        tail_shingles: Shingles | None = None
        for first in range(k - 1, -1, -1):
            opening = item_words[first][:2]
            if not opening or tail[: len(opening)] != opening:
                continue  # a copy starts with the words its first item starts with
            tail_shingles = tail_shingles or shingles(tail)
            before = [w for ws in item_words[first:] for w in ws]
            if jaccard(tail_shingles, shingles(before + own)) >= NEAR_DUPLICATE:
                return end
    return None


def _copy_with_text_after(
    text: str, item_words: list[list[str]], inline: str
) -> tuple[int, int] | None:
    """Where, in item `k`, a run-in copy of the list starts and ends when text follows it or
    the item says more before it ("- some medicines. urinary tract infections constipation some
    medicines. Longer Periods of Leaking", "- prolapse ... vagina. When organs are out of place,
    urine may leak. weak bladder muscles ... vagina."): the copy is the earlier items' words and
    the start of this one, word for word, right after one of this item's sentence ends.
    `inline`: the list's first item where its introduction still holds it."""
    if not item_words and not inline:
        return None
    ends = _sentence_ends(text)
    if inline:
        item_words = [words(inline), *item_words]
    for end in ends:
        tail = [(m.group().lower(), m.end()) for m in WORD.finditer(text[end:].lower())]
        tail_words = [w for w, _ in tail]
        for own_end in [e for e in ends if e <= end]:
            own = words(text[:own_end])
            for first in range(len(item_words)):
                copy = [w for ws in item_words[first:] for w in ws] + own
                if len(copy) >= MIN_COPY_WORDS and tail_words[: len(copy)] == copy:
                    copy_end = end + tail[len(copy) - 1][1]
                    closing = _CLOSING_PUNCTUATION.match(text, copy_end)
                    return end, closing.end() if closing else copy_end
    return None


def _openings_again(text: str, item_words: list[list[str]]) -> set[int]:
    """Offsets in `text`, after its start, where an earlier item's first two words come again
    (with only spaces between them)."""
    openings = {(ws[0], ws[1]) for ws in item_words if len(ws) >= 2}
    if not openings:
        return set()
    spans = [(m.group().lower(), m.start(), m.end()) for m in _WORD_ANY_CASE.finditer(text)]
    return {
        start
        for (first, start, end), (second, following, _) in itertools.pairwise(spans)
        if (first, second) in openings
        and start > 0
        and text[start - 1].isspace()
        and text[end:following].isspace()
    }


def _sentence_ends(text: str) -> list[int]:
    return [m.end() for m in re.finditer(r"[.!?]['\"”’)\]]*(?=\s+\S)", text)]


@dataclass(frozen=True)
class _Others:
    """What the rest of an item's list looks like."""

    count: int
    fragments: int
    longest: int  # words in the longest other item


def _tail_start(text: str, others: _Others, vocabulary: CleaningWords) -> int | None:
    """Offset in an item's text where prose glued to it begins (0: it is all prose)."""
    after_fragment = _sentence_after_fragment(text)
    if after_fragment is not None:
        return after_fragment
    glued = may_have_glued_start(text, vocabulary)
    if not glued and not has_inner_sentence_end(text) and len(text.split()) <= FRAGMENT_MAX_WORDS:
        return None
    item_words = tokens(text)
    if not item_words:
        return None
    fragments = others.count >= 2 and others.fragments * 4 >= others.count * 3
    if (
        fragments
        and vocabulary.is_starter(item_words[0].bare)
        and len(item_words) > max(2 * others.longest, FRAGMENT_MAX_WORDS)
        and ends_sentence(text)
    ):
        return 0
    candidates = []
    if glued:
        candidates.append(first_glued_start(item_words, vocabulary))
    for n in range(1, len(item_words)):
        if not ends_sentence(item_words[n - 1].text) or _inside_brackets(text, item_words[n]):
            continue
        starts_caps_heading = caps_run_length(item_words, n) > 0
        if starts_caps_heading or (fragments and is_capitalised(item_words[n])):
            candidates.append(n)
            break
    found = [n for n in candidates if n > 0]
    return item_words[min(found)].start if found else None
