"""What a PDF's page layout puts into its extracted text, taken back out: running headers and
footers, page numbers, lines broken where the page was full, and bullet glyphs.

A patient leaflet repeats its trust's name at the top of every page and "Ref: ... Page 1 of 2" at
the bottom; extracted, these become sentences of the article (and its first line became the
title). Its paragraphs arrive one printed line at a time, so a sentence split across two lines
("Sit them upright on / your lap if the cough is bad.") was read as two.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# Lines at the top or bottom of a page that may be running heads or feet.
EDGE_LINES = 2
# A line that comes back at the edge of this share of the pages (and of two at least) is the
# page's furniture: headers on alternate pages still reach it.
RUNNING_SHARE = 0.4
# A printed line this close to the page's longest line ended because the line was full.
FULL_LINE_SHARE = 0.75
# The line width is read this far up the line lengths: a few lines across both columns of a
# two-column page (the title, a footer) are no measure of how full a column's line is.
WIDTH_PERCENTILE = 0.9
TITLE_MAX_CHARS = 200
TITLE_SIZE_RATIO = 1.15  # how much larger than the body text a title's letters are

_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)
# "Page 1 of 2" in a line at the page's edge marks the line as the page's running foot or head,
# even on a one-page leaflet where nothing can repeat ("Leaflet PIL-31 · Reviewed 2024 | Page 1
# of 1"): left in, it ran on from the article's last sentence.
_PAGE_OF = re.compile(r"\bpage\s*\d{1,4}\s*(of|/)\s*\d{1,4}\b", re.IGNORECASE)
# Where a running line carries its page number: "page 3", "3 of 9", "3/9", a number at either end.
_PAGE_NUMBERS_IN_LINE = re.compile(r"page\s*\d+|\d+\s*(of|/)\s*\d+|^\d+\b|\b\d+$")
BULLET = re.compile(r"^[•●▪◦■□➢►‣∙·*]\s*")
_OPENS_LOWER = re.compile(r"^[(\[\"'‘“]*[a-z]")
# A capitalised line ending in a colon, short enough to be a list's lead-in ("Call 999 if:").
_LEAD_IN = re.compile(r"^[A-Z0-9][^.!?]{0,80}:$")
_ENDS_CLAUSE = re.compile(r"[.!?:;]['\"”’)]*$")


def without_running_lines(pages: Sequence[str]) -> list[str]:
    """Each page's text without the lines repeated at the edges of the pages and page numbers."""
    split = [page.splitlines() for page in pages]
    running = _running_keys(split)
    result = []
    for lines in split:
        kept = []
        edge = min(EDGE_LINES, max(1, len(lines) // 4))
        for i, line in enumerate(lines):
            at_edge = i < edge or i >= len(lines) - edge
            stripped = line.strip()
            numbered = _PAGE_NUMBER.match(stripped) or _PAGE_OF.search(stripped)
            if at_edge and (numbered or _key(stripped) in running):
                continue
            kept.append(line)
        result.append("\n".join(kept).strip())
    return result


def without_letterhead(page: str, title: str | None) -> str:
    """The first page without the labels printed above its title: the issuer's name and service
    ("Eastgate Hospital · Digestive Health"), a letterhead that repeats nothing on a one-page
    leaflet and so is no running line. A sentence above the title is kept."""
    lines = page.splitlines()
    keys = [" ".join(line.split()) for line in lines]
    if not title or title not in keys[: EDGE_LINES + 1]:
        return page
    at = keys.index(title)
    above = [line for line in lines[:at] if _ENDS_CLAUSE.search(line.strip())]
    return "\n".join([*above, *lines[at:]])


def without_closing_small_print(page: str, small_print: frozenset[str]) -> str:
    """The last page without the run of small print that closes the document: the issuer's
    address, a disclaimer, where to ask for another format. It follows the article, printed
    smaller than its text; list lines (a table's rows) are the article's whatever their size."""
    lines = page.splitlines()
    end = len(lines)
    while end and (not lines[end - 1].strip() or _is_small_print(lines[end - 1], small_print)):
        end -= 1
    return "\n".join(lines[:end]).strip() if end else page


def _is_small_print(line: str, small_print: frozenset[str]) -> bool:
    key = " ".join(line.split())
    return key in small_print and not BULLET.match(key) and not key.startswith("- ")


def reflowed(text: str, *, after_lists: frozenset[str] = frozenset()) -> str:
    """Printed lines joined into the sentences they break, bullets as "- " items.

    A line continues the one before when that one does not end a clause and either the new line
    starts in lower case or the one before was full. Headings are short, and items start with a
    bullet, so neither is joined to its neighbours. `after_lists`: lines the page prints as the
    start of what follows a list (`ingest.pdf_indents`), never an item's tail."""
    lines = [BULLET.sub("- ", line.strip()) if line.strip() else "" for line in text.splitlines()]
    widest = _line_width(lines)
    out: list[str] = []
    printed = ""  # the last printed line, which may already be joined to the ones before it
    for line in lines:
        if line and out and out[-1] and _continues(out[-1], printed, line, widest, after_lists):
            out[-1] = f"{out[-1]}{'' if out[-1].endswith('-') else ' '}{line}"
        else:
            out.append(line)
        printed = line
    return "\n".join(out)


def _line_width(lines: Sequence[str]) -> int:
    """The printed line's width in characters: nearly the longest, as a line spanning both
    columns of a two-column leaflet (a title, a footer) is longer than any line of its text."""
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))] if lengths else 0


def _continues(
    joined: str, printed: str, line: str, widest: int, after_lists: frozenset[str]
) -> bool:
    if _ENDS_CLAUSE.search(joined) or line.startswith("- "):
        return False
    if joined.startswith("- ") and (_LEAD_IN.match(line) or line in after_lists):
        return False  # "Go to A&E if:" after a full last item introduces the next list
    # "(regurgitation)" and "'soft' foods" go on a sentence as a lower-case word does.
    return _OPENS_LOWER.match(line) is not None or len(printed) >= FULL_LINE_SHARE * widest


def largest_text(segments: Sequence[tuple[float, str]]) -> str | None:
    """The first run of text in the page's largest letters, if they are clearly larger than the
    body's: a leaflet's visible title. `segments`: (font size, text) in reading order."""
    sizes = Counter[float]()
    for size, text in segments:
        sizes[round(size, 1)] += len(text.strip())
    if not sizes:
        return None
    body = sizes.most_common(1)[0][0]
    top = max(sizes)
    if top < TITLE_SIZE_RATIO * body:
        return None
    run: list[str] = []
    for size, text in segments:
        if round(size, 1) == top and text.strip():
            run.append(text.strip())
        elif run and text.strip():
            break
    title = " ".join(" ".join(run).split())
    return title if 3 <= len(title) <= TITLE_MAX_CHARS else None


def _running_keys(pages: list[list[str]]) -> set[str]:
    if len(pages) < 2:
        return set()
    seen = Counter[str]()
    for lines in pages:
        filled = [line.strip() for line in lines if line.strip()]
        edge = min(EDGE_LINES, max(1, len(filled) // 4))
        edges = filled[:edge] + filled[-edge:]
        seen.update({_key(line) for line in edges})
    needed = max(2.0, RUNNING_SHARE * len(pages))
    return {key for key, count in seen.items() if count >= needed and key}


def _key(line: str) -> str:
    """A line as it repeats from page to page: its page number may change."""
    return _PAGE_NUMBERS_IN_LINE.sub("#", " ".join(line.lower().split()))
