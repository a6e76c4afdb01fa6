"""Blocks (paragraphs and lists) that say again what the article already said.

A block is a run of prose lines or of list items inside a paragraph; a heading line or a line
ending with ":" goes with the block after it. Two blocks are the same when their sets of word
3-shingles overlap by NEAR_DUPLICATE (Jaccard) or more, which forgives changed punctuation or
case and a word added at the end, not a different sentence. A run of two lines or more that
repeats earlier lines word for word (a list pasted twice without a blank line) goes too.

What a repeat may cost is its context: the same short list or sentence under "Stage I" and
"Stage II" answers two questions. So blocks under MIN_BLOCK_WORDS words are never dropped, and
inside a section a repeat goes only when it follows its first copy (pasted twice, or a list
flattened into the paragraph after it), or when it is prose of LONG_BLOCK_WORDS or more (a
paragraph of boilerplate). Repeated lines inside a list go only within the same list (the same
heading and introduction); a list is what its introduction says it is. Across sections, where
the section itself is the context, a repeat of MIN_BLOCK_WORDS goes: a MedQuAD answer given
again to a second question says nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass

from healthqa.text.sentences import is_list_item
from healthqa.text.words import words
from ingest.cleaning.edits import Dropped, RuleResult, SectionContext, Shingles, tidy
from ingest.cleaning.shape import HEADING_MAX_WORDS, ends_sentence

NEAR_DUPLICATE = 0.9
MIN_BLOCK_WORDS = 8
LONG_BLOCK_WORDS = 30
_SHINGLE = 3
# A single repeated line may be a list item two lists share; two in a row are a pasted copy.
_MIN_RUN_LINES = 2


@dataclass(frozen=True)
class Block:
    first: int  # index of the first line (an attached heading or introduction included)
    end: int  # index past the last line
    content: str  # the text compared: the block without its attached lines
    attached: str  # its heading or introduction, if it has one


def shingles(sequence: list[str]) -> Shingles:
    if len(sequence) < _SHINGLE:
        return frozenset({tuple(sequence)}) if sequence else frozenset()
    return frozenset(zip(*(sequence[n:] for n in range(_SHINGLE)), strict=False))


def jaccard(a: Shingles, b: Shingles) -> float:
    # Jaccard is at most the ratio of the sizes: most pairs are told apart without the sets.
    if not a or not b or min(len(a), len(b)) < NEAR_DUPLICATE * max(len(a), len(b)):
        return 0.0
    return len(a & b) / len(a | b)


def blocks(lines: list[str]) -> list[Block]:
    found: list[Block] = []
    attached: int | None = None  # first line of the heading or introduction waiting for its block
    n = 0
    while n < len(lines):
        line = lines[n]
        if not line.strip():
            attached = None
            n += 1
            continue
        if _attaches_forward(lines, n):
            attached = n if attached is None else attached
            n += 1
            continue
        first = n
        item = is_list_item(line)
        while n < len(lines) and lines[n].strip() and _same_kind(lines[n], item):
            if n > first and _attaches_forward(lines, n):
                break
            n += 1
        start = attached if attached is not None else first
        found.append(Block(start, n, "\n".join(lines[first:n]), "\n".join(lines[start:first])))
        attached = None
    return found


def block_shingles(text: str) -> list[Shingles]:
    """Shingle sets of a text's blocks that are long enough to count as repeats."""
    return [
        shingles(content_words)
        for block in blocks(text.split("\n"))
        if len(content_words := words(block.content)) >= MIN_BLOCK_WORDS
    ]


def drop_duplicate_blocks(text: str, context: SectionContext) -> RuleResult:
    lines = text.split("\n")
    seen: list[Shingles] = []  # shingles of the section's kept blocks, in order
    previous: Block | None = None  # the last kept block
    ranges: list[tuple[int, int]] = []
    for block in blocks(lines):
        content_words = words(block.content)
        if len(content_words) < MIN_BLOCK_WORDS:
            continue
        own = shingles(content_words)
        # A block is dropped when an earlier section said it, when it says again what the
        # block just before it said under the same (or no) heading or introduction (a paste, a
        # list flattened into a paragraph), or when it is a long paragraph said before
        # anywhere in the section (boilerplate).
        compared = list(context.earlier_blocks)
        if previous is not None and block.attached in ("", previous.attached):
            compared.append(seen[-1])
        if _is_boilerplate(block.content, content_words):
            compared += seen
        if any(jaccard(own, earlier) >= NEAR_DUPLICATE for earlier in compared):
            ranges.append((block.first, block.end))
        else:
            seen.append(own)
            previous = block
    gone = {n for first, end in ranges for n in range(first, end)}
    ranges += [run for run in _repeated_runs(lines) if not gone.intersection(range(*run))]
    if not ranges:
        return text, ()
    gone = {n for first, end in ranges for n in range(first, end)}
    kept = [line for n, line in enumerate(lines) if n not in gone]
    dropped = tuple(Dropped("duplicate", "\n".join(lines[slice(*run)])) for run in sorted(ranges))
    return tidy("\n".join(kept)), dropped


def _repeated_runs(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of two lines or more that repeat earlier lines word for word (items as items, prose
    as prose), inside a block too."""
    contexts = _contexts(lines)
    keys = [(is_list_item(line), " ".join(words(line))) for line in lines]
    seen: dict[tuple[bool, str], list[int]] = {}
    runs: list[tuple[int, int]] = []
    n = 0
    while n < len(lines):
        length, origin = _longest_repeat(keys, seen.get(keys[n], []), n)
        while length and _attaches_forward(lines, n + length - 1):
            length -= 1  # a heading or introduction goes only with what it introduces
        run = "\n".join(lines[n : n + length])
        run_words = words(run)
        same_place = contexts[n] == contexts[origin]
        if (
            length >= _MIN_RUN_LINES
            and len(run_words) >= MIN_BLOCK_WORDS
            and (same_place or _is_boilerplate(run, run_words))
        ):
            runs.append((n, n + length))
            n += length
            continue
        if keys[n][1]:
            seen.setdefault(keys[n], []).append(n)
        n += 1
    return runs


def _longest_repeat(keys: list[tuple[bool, str]], earlier: list[int], n: int) -> tuple[int, int]:
    """How many lines from `n` repeat, line for line, lines that start at one of `earlier`."""
    length, origin = 0, n
    for start in earlier:
        size = 0
        while (
            n + size < len(keys)
            and start + size < n
            and keys[n + size][1]
            and keys[start + size] == keys[n + size]
        ):
            size += 1
        if size > length:
            length, origin = size, start
    return length, origin


def _is_boilerplate(text: str, text_words: list[str]) -> bool:
    """Long prose, which may repeat under another heading and still be the same paragraph."""
    lines = text.split("\n")
    return len(text_words) >= LONG_BLOCK_WORDS and not any(map(is_list_item, lines))


def _contexts(lines: list[str]) -> list[tuple[int, int]]:
    """For each line, its heading line and, for a list item, the first line of its list (the
    introduction, if it has one): the same items in another list are that list's."""
    headings = _headings(lines)
    contexts: list[tuple[int, int]] = []
    list_start = -1
    for n, line in enumerate(lines):
        introduced = n > 0 and lines[n - 1].rstrip().endswith(":")
        if not is_list_item(line):
            list_start = -1
        elif list_start < 0 or introduced:  # an item ending in ":" opens a nested list
            list_start = n - 1 if introduced else n
        contexts.append((headings[n], list_start))
    return contexts


def _headings(lines: list[str]) -> list[int]:
    """For each line, the index of the heading line it stands under (its own, for a heading)."""
    current = -1
    found: list[int] = []
    for n, line in enumerate(lines):
        if _attaches_forward(lines, n) and not line.rstrip().endswith(":"):
            current = n
        found.append(current)
    return found


def _same_kind(line: str, item: bool) -> bool:
    """An item line, or an indented line continuing one, stays with items; prose with prose."""
    return (is_list_item(line) or line[:1].isspace()) if item else not is_list_item(line)


def _attaches_forward(lines: list[str], n: int) -> bool:
    """A heading or a list's introduction belongs with what follows it."""
    line = lines[n]
    next_line = lines[n + 1] if n + 1 < len(lines) else ""
    if not next_line.strip() or is_list_item(line):
        return False
    stripped = line.strip()
    if stripped.endswith(":") and is_list_item(next_line):
        return True
    return (
        len(stripped.split()) <= HEADING_MAX_WORDS
        and not ends_sentence(stripped)
        and not stripped.endswith((",", ";", ":"))
    )
