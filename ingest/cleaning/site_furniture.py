"""Site furniture inside article text: what a site puts around every article, not what the
article says about health.

Loaders keep a page's main content, but a site's furniture often sits inside it or is glued
to its last paragraph, and an answer quoting that passage quoted the furniture too ("... raise
your legs. Related: A | B | C Follow us on ..."). Kinds are read by shape, with word lists in
`data/` for the parts shape cannot tell (see the README there):

- a date stamp: a line that only gives labelled dates ("Page last reviewed: 14 March 2023Next
  review due: 14 March 2026"); the loaders read the page's date before cleaning;
- the provenance a line closes with: a reviewed date beside a content source, a leaflet number,
  a notice that the document is for information only (`provenance`);
- a row of links: a row label and a colon before short labels between bars or dots ("See also:
  A | B | C"), or a line that is only a row label ("Advertisement");
- a breadcrumb: three or more short labels between chevrons ("Home > Conditions > Gout");
- a share or follow row: two or more social networks between separators, with at most a few
  other words ("Follow us on A | B | C");
- a copyright notice, from its mark to the end of its line ("© 2024 Clinic Ltd. Registered...");
- a sentence holding a furniture phrase (a newsletter or rating prompt, an advertising or
  endorsement disclaimer, a form's error text), with the button words after it on its line.

Unlike a link's furniture, this may be all a section holds (a share bar under a breadcrumb, a
form's error text under "Request an appointment"): the section then goes.

A row of short labels without a row label ("Signs: fever | cough | rash") may be a table's or a
list's, so it stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthqa.text.sentences import split_sentences
from ingest.cleaning.edits import Dropped, RuleResult, SectionContext, delete_ranges
from ingest.cleaning.provenance import provenance_start
from ingest.cleaning.words import CleaningWords
from ingest.review_date import DATE

# A label of up to five words ("Page last reviewed", "Next review due"), an optional colon, a
# date, and a separator: the whole line is made of these. A year alone is a stamp's date too,
# after the label's colon ("Next review due: 2026"); without one it is a sentence's ("The
# guideline was published in 2019.").
_STAMP_WORD = r"(?:reviewed|review|updated|update|published|modified|posted|due|revised|issued)"
_STAMP_DATE = rf"(?::?\s*(?:on\s+)?{DATE}|:\s*(?:19|20)\d{{2}}\b)"
_STAMP_PART = rf"(?:[A-Za-z]+ ){{0,4}}?{_STAMP_WORD}(?: [A-Za-z]+)?{_STAMP_DATE}\s*[.;,|·]?\s*"
_STAMP_LINE = re.compile(rf"^(?:{_STAMP_PART})+$", re.IGNORECASE)
_ROW_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_CRUMB_SEPARATOR = re.compile(r"\s+[>›»→]\s+")
_MIN_CRUMBS = 3
_YEAR = re.compile(r"(?:19|20)\d{2}")
_CRUMB_MARK = re.compile(r"[>›»→]")
_ROW_MARK = re.compile(r"[|·•]")
_NOTICE_MARK = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)
_ROW_ITEM_MAX_WORDS = 4
# Words of a share or follow row that are not network names: "Follow us on", "Share:".
_SOCIAL_OTHER_MAX_WORDS = 3
_NOTICE = re.compile(
    r"(?:^|(?<=[.!?]\s))[ \t]*(?:©|\(c\)\s*(?:19|20)\d{2}|copyright\s+(?:©\s*)?(?:19|20)\d{2})",
    re.IGNORECASE | re.MULTILINE,
)
_NOTICE_MAX_WORDS = 40
# Longer than any row label: not worth looking up.
_LABEL_MAX_CHARS = 40
# What follows a prompt on its line as its buttons: "Yes No", "Subscribe now".
_BUTTONS_MAX_WORDS = 3
_BULLET = re.compile(r"^[ \t]*(?:[-*•‣◦▪–][ \t]+)?")


def drop_site_furniture(text: str, context: SectionContext) -> RuleResult:
    ranges: list[tuple[int, int]] = []
    offset = 0
    phrases = context.words.furniture_phrase_in(text) is not None
    for line in text.split("\n"):
        found = _furniture_in_line(line, context.words, phrases=phrases)
        ranges.extend((offset + s, offset + e) for s, e in found)
        offset += len(line) + 1
    if not ranges:
        return text, ()
    dropped = tuple(Dropped("site furniture", text[s:e].strip()) for s, e in ranges)
    return delete_ranges(text, ranges), dropped


def is_site_furniture(text: str, words: CleaningWords) -> bool:
    """Whether this rule drops something from `text`."""
    return bool(drop_site_furniture(text, SectionContext(heading="", words=words))[1])


def _furniture_in_line(
    line: str, words: CleaningWords, *, phrases: bool
) -> list[tuple[int, int]]:
    body = _BULLET.sub("", line, count=1).strip()
    if not body:
        return []
    # Cheap looks first: the shapes below are slow to try on every line of a collection.
    whole_line: list[Callable[[str, CleaningWords], bool]] = [_is_link_row]
    if _YEAR.search(body):
        whole_line.append(_is_stamp)
    if _CRUMB_MARK.search(body):
        whole_line.append(_is_crumbs)
    if _ROW_MARK.search(body):
        whole_line.append(_is_social_row)
    if any(kind(body, words) for kind in whole_line):
        return [(0, len(line))]
    ranges = _phrase_sentences(line, words) if phrases else []
    provenance = provenance_start(line)
    if provenance is not None:
        ranges = [r for r in ranges if r[1] <= provenance] + [(provenance, len(line))]
    notice = _NOTICE.search(line) if _NOTICE_MARK.search(line) else None
    if notice is not None and len(line[notice.start() :].split()) <= _NOTICE_MAX_WORDS:
        ranges = [r for r in ranges if r[1] <= notice.start()] + [(notice.start(), len(line))]
    return ranges


def _is_stamp(text: str, _words: CleaningWords) -> bool:
    return bool(_STAMP_LINE.match(text))


def _is_crumbs(text: str, _words: CleaningWords) -> bool:
    crumbs = _CRUMB_SEPARATOR.split(text)
    return len(crumbs) >= _MIN_CRUMBS and all(map(_is_link_label, crumbs))


def _is_link_row(text: str, words: CleaningWords) -> bool:
    """"See also: A | B | C", "Related topics: A · B", or a row label alone ("Advertisement")."""
    if len(text) < _LABEL_MAX_CHARS and _key(text) in words.row_labels:
        return True
    label, colon, rest = text.partition(":")
    if not _ROW_MARK.search(rest):
        return False
    if not colon or _key(label) not in words.row_labels:
        return False
    items = _ROW_SEPARATOR.split(rest.strip())
    return len(items) >= 2 and all(_is_link_label(item) for item in items)


def _is_social_row(text: str, words: CleaningWords) -> bool:
    """Two or more networks between separators, and few other words: "Find us on A · B · C"."""
    items = _ROW_SEPARATOR.split(text.replace(":", " "))
    if len(items) < 2:
        return False
    named = 0
    others = 0
    for item in items:
        item_words = _key(item).split()
        if item_words and " ".join(item_words) in words.social_networks:
            named += 1
        elif item_words and item_words[-1] in words.social_networks:
            named += 1
            others += len(item_words) - 1
        else:
            return False
    return named >= 2 and others <= _SOCIAL_OTHER_MAX_WORDS


def _phrase_sentences(line: str, words: CleaningWords) -> list[tuple[int, int]]:
    """The sentences of `line` holding a furniture phrase, the last one with the button words
    after it ("Was this page useful? Yes No")."""
    if words.furniture_phrase_in(line) is None:
        return []
    ranges = [(s, e) for s, e in split_sentences(line) if words.furniture_phrase_in(line[s:e])]
    if ranges:
        rest = line[ranges[-1][1] :].strip()
        if rest and len(rest.split()) <= _BUTTONS_MAX_WORDS and not re.search(r"[.!?:]", rest):
            ranges[-1] = (ranges[-1][0], len(line))
    return ranges


def _is_link_label(text: str) -> bool:
    item = text.strip()
    return (
        0 < len(item.split()) <= _ROW_ITEM_MAX_WORDS
        and not re.search(r"[\d.!?:;]", item)
    )


def _key(text: str) -> str:
    return " ".join(text.casefold().replace(":", " ").split())
