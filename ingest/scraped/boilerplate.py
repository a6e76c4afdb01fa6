"""Remove scraped page chrome (menus, banners, teasers, share bars, footers) from plain text.

The page is read by shape, not by any site's wording. The article body starts at the first dense
run of sentences; its title is the heading line just before it, after the last scrap of menu.
Headings are short stand-alone lines that head prose or a list. Chrome is the rest: lines that
are chrome on their own (`ingest.chrome`), short lines that head nothing, lines the page repeats,
teasers for other articles, and the run of such lines that closes the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from healthqa.text.words import content_words
from ingest.scraped.chrome import (
    DEFAULT_PHRASES,
    HEADING_MAX_WORDS,
    ChromePhrases,
    is_heading_like,
    is_link_line,
    is_nav_row,
    is_notice,
    is_sentence,
    label_key,
)
from ingest.scraped.page_lines import (
    Line,
    Page,
    is_date_stamp,
    is_label,
    is_meta,
    is_prose,
    is_short_lead,
    split_lines,
)

# A run of consecutive sentences this long is taken to be the article itself, not a menu blurb.
BODY_RUN_WORDS = 60
# This many lines in a row that are not article text, with little prose after, close the page.
TAIL_RUN_LINES = 3
# Labels longer than this are not compared for repetition: long lines repeat by design (titles).
REPEAT_MAX_WORDS = 6
# A line over a leaflet's title that shares less than this share of its words with the text
# names the organisation that issued it.
BANNER_MAX_SHARE = 0.5

_ELLIPSIS = re.compile(r"(\.\.\.|…)[\"'”’)\]]*$")
# A label of up to three words and its colon, then more words: "Urgent advice: Call ...".
_LABEL_PREFIX = re.compile(r"^[A-Z][\w'’-]*(?: [\w'’-]+){0,2}: \S")


@dataclass(frozen=True)
class Block:
    """One kept paragraph or heading line, in reading order."""

    text: str
    heading: bool


@dataclass(frozen=True)
class CleanedText:
    title: str | None
    blocks: tuple[Block, ...]


def clean_scraped_text(text: str, *, phrases: ChromePhrases = DEFAULT_PHRASES) -> CleanedText:
    """The article title and body of a scraped page, with headings marked and chrome removed."""
    page = _mark_chrome(Page(tuple(_remove_teasers(split_lines(text)))), phrases)
    lines = page.lines
    start = _body_start(page)
    title_at, zone_start = _title(page, start)
    first_paragraph = next(
        (i for i in range(start, len(lines)) if lines[i].standalone and is_prose(lines[i])), start
    )
    kept: list[Block] = []
    for i in range(zone_start, _tail_start(page, start, phrases)):
        block = _classify(page, i, in_header=i < first_paragraph)
        if block is not None:
            kept.append(block)
    title = lines[title_at].text if title_at is not None else None
    return CleanedText(title=title, blocks=tuple(kept))


def _remove_teasers(lines: list[Line]) -> list[Line]:
    """Drop each arrow link to another article with the excerpt and headlines that announce it."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if not is_link_line(line.text):
            continue
        drop.add(i)
        j = i - 1
        headline_named = j >= 1 and lines[j - 1].text.rstrip("?") in line.text
        if j >= 0 and (_ELLIPSIS.search(lines[j].text) or headline_named):
            drop.add(j)
            j -= 1
            while j >= 0 and lines[j].standalone and is_heading_like(lines[j].text):
                drop.add(j)
                j -= 1
    return [line for i, line in enumerate(lines) if i not in drop]


def _mark_chrome(page: Page, phrases: ChromePhrases) -> Page:
    """Flag the lines that are chrome by their own shape, by repetition, or by a fallback phrase."""
    repeated = _repeated_labels(page)

    def chrome_by_itself(i: int, line: Line) -> bool:
        text = line.text
        if page.in_table(i):
            return False  # short pipe-separated cells are a table's, when rows stand together
        if is_link_line(text) or is_nav_row(text) or is_notice(text) or is_date_stamp(line):
            return True
        return label_key(text) in repeated or phrases.is_chrome_line(text)

    return Page(
        tuple(replace(line, chrome=chrome_by_itself(i, line)) for i, line in enumerate(page.lines))
    )


def _repeated_labels(page: Page) -> frozenset[str]:
    """Short lines a page shows more than once, and somewhere over nothing: menus, share bars.

    A real heading may repeat ("Symptoms" under each of three conditions), but then it heads
    prose every time; the first line is not asked, as a page's title often heads a menu.
    """
    places: dict[str, list[int]] = {}
    for i, line in enumerate(page.lines):
        short = len(line.text.split()) <= REPEAT_MAX_WORDS
        if short and not line.bullet and is_heading_like(line.text) and not page.in_list(i):
            places.setdefault(label_key(line.text), []).append(i)
    return frozenset(
        key
        for key, at in places.items()
        if len(at) > 1 and not all(page.heads_content(i) for i in at if i > 0)
    )


def _body_start(page: Page) -> int:
    """Index of the first sentence of the first run of sentences long enough to be the article.

    Short-paragraphed articles have no such run; then the article is the longest stretch of
    prose, headings over prose, and lists.
    """
    runs = _runs(page, across_sections=False)
    for at, (first, words) in enumerate(runs):
        if words >= BODY_RUN_WORDS:
            return _opening_paragraph(page, runs[:at], first)
    runs = _runs(page, across_sections=True)
    return max(runs, key=lambda run: run[1])[0] if runs else len(page.lines)


def _opening_paragraph(page: Page, earlier: list[tuple[int, int]], first: int) -> int:
    """Where the body starts when a shorter opening paragraph stands over the first section.

    An article often opens with a paragraph of its own, then "Types" or "Symptoms" and a long
    run: that opening is the article's (its definition, often), not a menu blurb, when only a
    heading over the run stands between them and it is itself a paragraph's length.
    """
    while earlier:
        previous, words = earlier[-1]
        between = [i for i in range(previous, first) if not page.lines[i].chrome]
        prose = [i for i in between if is_prose(page.lines[i])]
        headings = [i for i in between if i not in prose]
        section_head = len(headings) == 1 and _is_section_head(page, headings[0])
        if not section_head or words < BODY_RUN_WORDS // 2:
            break
        first = previous
        earlier = earlier[:-1]
    return first


def _is_section_head(page: Page, i: int) -> bool:
    line = page.lines[i]
    return line.standalone and is_label(line) and page.heads_content(i)


def _runs(page: Page, *, across_sections: bool) -> list[tuple[int, int]]:
    """(first index, word count) of each run of prose; chrome lines neither count nor break it."""
    lines = page.lines
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not is_prose(lines[i]):
            i += 1
            continue
        j, words = i, 0
        while j < len(lines) and _continues_run(page, j, across_sections=across_sections):
            words += 0 if lines[j].chrome else len(lines[j].text.split())
            j += 1
        runs.append((i, words))
        i = j
    return runs


def _continues_run(page: Page, j: int, *, across_sections: bool) -> bool:
    line = page.lines[j]
    if line.chrome or is_prose(line) or not line.standalone:
        return True
    if not across_sections:
        return False
    return line.bullet or page.in_list(j) or (is_label(line) and page.heads_content(j))


def _title(page: Page, start: int) -> tuple[int | None, int]:
    """The title's index, and where the article's text begins (after the title and its labels).

    The title is the first heading line after the last menu scrap. A short label just above
    the body ("Share", "12 Comments") passes that test too; when it names nothing the article
    talks about and a heading line above it does, that one is the title and the labels between
    them are chrome.
    """
    lines = page.lines
    after_menu = next((i + 1 for i in range(start - 1, -1, -1) if _is_menu_entry(page, i)), 0)
    first = next((i for i in range(after_menu, start) if _is_title_like(lines[i])), None)
    topic = content_words(" ".join(line.text for line in lines[start:] if is_prose(line)))
    if first is None:
        found = _title_over_byline(page, range(after_menu, start), topic)
        return found, after_menu if found is None else found + 1
    # A leaflet's title over its byline ("NOSEBLEEDS\nA guide for patients\nReviewed: ..."),
    # then a first section heading over the text ("ABOUT NOSEBLEEDS"): the heading heads its
    # section, and the title is the one at the top.
    above = _title_over_byline(page, range(after_menu, first), topic, opening=True)
    if (
        above is not None
        and page.heads_content(first)
        and not _banner_over(lines, above, first, topic)
    ):
        return above, above + 1
    if content_words(lines[first].text) & topic:
        return first, first + 1
    for i in range(first - 1, -1, -1):
        if is_prose(lines[i]):
            break
        if _is_title_like(lines[i]) and content_words(lines[i].text) & topic:
            return i, first + 1
    return first, first + 1


def _banner_over(lines: tuple[Line, ...], above: int, first: int, topic: frozenset[str]) -> bool:
    """Whether the line at the top names the issuer, not the topic: "RIVERSIDE HEALTH TRUST"
    over "Patient information" and then "KNEE REPLACEMENT" over the opening paragraph. Its
    words are mostly names the text never uses, where the heading under it names what the text
    talks about; a title shares most of its words with the text ("EARWAX BUILD-UP" over
    "WHAT IS EARWAX?")."""
    top, heading = (content_words(lines[i].text) for i in (above, first))
    top_share, heading_share = (
        len(words & topic) / len(words) if words else 0.0 for words in (top, heading)
    )
    return top_share < BANNER_MAX_SHARE and heading_share > top_share


def _title_over_byline(
    page: Page, header: range, topic: frozenset[str], *, opening: bool = False
) -> int | None:
    """A title that shares its block with the byline or date under it ("Gout\nBy ...\nLast
    reviewed: ..."), so it is not a line of its own: the first heading line of the header that
    names what the article talks about and is no date stamp (with `opening`, that opens its
    block)."""
    for i in header:
        line = page.lines[i]
        if line.chrome or line.bullet or not is_heading_like(line.text) or is_date_stamp(line):
            continue
        if opening and (line.standalone or not line.opens_block):
            continue
        if content_words(line.text) & topic:
            return i
    return None


def _is_menu_entry(page: Page, i: int) -> bool:
    """A short label (or bullet) before the article that heads no sentence.

    Lines that are chrome on their own do not count: a share bar may stand between the title
    and the body.
    """
    line = page.lines[i]
    if i == 0 or line.chrome or page.in_list(i) or page.introduces_list(i):
        return False  # a file's first line is its title even when a section heading follows
    if line.bullet:
        return not is_sentence(line.text)
    if not line.standalone or not is_label(line) or is_meta(line):
        return False
    return not page.heads_content_past_meta(i)


def _is_title_like(line: Line) -> bool:
    return line.standalone and not line.chrome and is_heading_like(line.text) and not is_meta(line)


def _tail_start(page: Page, start: int, phrases: ChromePhrases) -> int:
    """Where the page's closing chrome begins.

    That is at a tail marker, or at a run of lines that are not article text after which no
    new section starts and little prose is left.
    """
    lines = page.lines
    prose_after = [0] * (len(lines) + 1)
    section_after = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        prose_after[i] = prose_after[i + 1] + (len(line.text.split()) if is_prose(line) else 0)
        starts_section = line.standalone and is_heading_like(line.text)
        section_after[i] = section_after[i + 1] or (
            starts_section and not line.chrome and page.heads_content_directly(i)
        )
    run = 0
    for i in range(start, len(lines)):
        if phrases.ends_article(lines[i].text):
            return i
        if _is_content(page, i):
            run = 0
            continue
        run += 1
        closes_page = not section_after[i + 1] and prose_after[i + 1] < BODY_RUN_WORDS
        if run >= TAIL_RUN_LINES and closes_page:
            return i - run + 1
    return len(lines)


def _is_content(page: Page, i: int) -> bool:
    """Article text, for finding where the page's closing chrome starts."""
    line = page.lines[i]
    if line.chrome:
        return False
    if is_prose(line) or line.bullet or page.in_list(i) or page.introduces_list(i):
        return True
    if page.in_table(i):
        return True
    if is_label(line):
        return page.heads_content_directly(i)
    return True  # a long line without final punctuation: a run-on list or a wrapped fragment


def _classify(page: Page, i: int, *, in_header: bool) -> Block | None:
    line = page.lines[i]
    if line.chrome:
        return None
    if is_heading_like(line.text):
        return _classify_label(page, i, in_header=in_header)
    if _is_labelled_heading(page, i, in_header=in_header):
        return Block(line.text, heading=True)
    # "Next Article:" leads in to nothing; a byline or credit stands between title and body.
    leads_nowhere = is_short_lead(line) and not (page.introduces_list(i) or page.heads_content(i))
    if leads_nowhere or (in_header and not (is_sentence(line.text) or _in_list_or_table(page, i))):
        return None
    return Block(line.text, heading=False)


def _heads_own_block(page: Page, i: int, *, in_header: bool) -> bool:
    """A heading line with its text on the lines under it, no blank line between: the first
    line of its block, heading the prose or list that follows directly."""
    line = page.lines[i]
    return line.opens_block and not in_header and page.heads_content_directly(i)


def _is_labelled_heading(page: Page, i: int, *, in_header: bool) -> bool:
    """A short label and what it says, over a list, opening its block: "Urgent advice: Call
    your doctor if:". The label marks it as a heading (a box's or card's), where a plain
    "You can:" is the lead-in of a paragraph's list."""
    line = page.lines[i]
    if not (line.standalone or line.opens_block) or in_header or line.bullet:
        return False
    short = len(line.text.split()) <= HEADING_MAX_WORDS
    labelled = bool(_LABEL_PREFIX.match(line.text))
    return short and labelled and line.text.endswith(":") and page.introduces_list(i)


def _in_list_or_table(page: Page, i: int) -> bool:
    """A bulleted item, the long lead-in of a list, or a table row: body text even where it
    shares a block with the page's first paragraph (single line breaks), which would otherwise
    count as header. A short label over a list ("Share:") is not one, nor are unbulleted labels
    after it."""
    line = page.lines[i]
    if line.bullet:
        return page.in_list(i)
    return page.in_table(i) or (is_prose(line) and page.introduces_list(i))


def _classify_label(page: Page, i: int, *, in_header: bool) -> Block | None:
    line = page.lines[i]
    if line.standalone and page.heads_content(i):
        return Block(line.text, heading=True)
    if _heads_own_block(page, i, in_header=in_header):
        return Block(line.text, heading=True)
    inside_paragraph = not line.standalone and not in_header and page.heads_content(i)
    if inside_paragraph or page.in_list(i):
        return Block(line.text, heading=False)
    return None
