"""The date a web page says it was last reviewed or updated, from wherever the page states it.

Health sites state it in many places and forms: a `lastReviewed` field in their JSON-LD, a
`DC.Date.Reviewed` meta tag, or a line of text at the foot of the page ("Page last reviewed: 05
January 2024", "Last Reviewed: September 12, 2024", "Page last updated March 14, 2024", "Last
reviewed by a medical professional on 02/20/2024", "Reviewed May 2024"). A reviewed date comes
before an updated one, and that before a labelled publication date ("Date published: November
2022"); a date the page gives for something else (a "Next review due") is not one. A numeric
date ("11/02/2023") is read the way round the page writes its dates (`ingest.date_order`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime

from lxml import etree

from ingest.date_order import DateOrder, numeric_date_order

_REVIEWED_KEYS = ("lastreviewed", "datereviewed", "dc.date.reviewed", "last-reviewed")
_UPDATED_KEYS = ("datemodified", "dcterms.modified", "article:modified_time", "dc.date.modified")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = (
    rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{4}})"
)
# "Last reviewed", "Page last reviewed", "Reviewed", "Content last updated"; not "Next review".
_STATED = re.compile(
    rf"(?<!next )\b(?P<kind>(?:page |content )?(?:last )?(?:medically )?(?:reviewed|updated)"
    rf"|last review(?:ed)?)\b[^.\n]{{0,60}}?\b{DATE}",
    re.IGNORECASE,
)
# A publication date as a label gives it ("Date published: November 2022", "Published March
# 2023", "Publication date: ...", "Produced June 2024", "Issued: March 2025"), capitalised and
# straight before the date: hospital leaflets date themselves so, beside a "Review date" that is
# when the next review is due. Not a sentence that tells of something published ("A trial
# published in March 2020 ...").
_PUBLISHED = re.compile(
    rf"(?<![A-Za-z])(?:(?:Date|First) published|Published|Publication date|Date of publication"
    rf"|Date produced|Produced|Date of production|Issued|Date of issue|Issue date)"
    rf"\s*:?\s*(?:on\s+)?(?i:{DATE})"
)
_FORMATS = ("%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")
_MONTH_YEAR = ("%B %Y", "%b %Y")


def stated_review_date(tree: etree._Element, text: str) -> str | None:
    """The ISO date ("2024-03-14", or "2023-05" when the page gives only a month) the page says
    it was reviewed, else updated, else published; None when it says neither. `tree`: the parsed
    page; `text`: its visible text."""
    order = numeric_date_order(text, page_language(tree))
    reviewed: list[str] = []
    updated: list[str] = []
    for key, value in _stated_fields(tree):
        found = _iso(value, order)
        if found and key in _REVIEWED_KEYS:
            reviewed.append(found)
        elif found and key in _UPDATED_KEYS:
            updated.append(found)
    in_words = _stated_in_words(text, order)
    return next(iter(reviewed + in_words[0] + updated + in_words[1] + in_words[2]), None)


def date_stated_in_text(text: str) -> str | None:
    """The same date for a page saved as text, from its words alone."""
    reviewed, updated, published = _stated_in_words(text, numeric_date_order(text))
    return next(iter(reviewed + updated + published), None)


def is_date_line(text: str) -> bool:
    """A line that only states when the page was reviewed, updated or published ("Reviewed
    October 2025", "Last updated: 3 May 2024"): a line of its own under a title, never the
    wrapped end of the line above it."""
    line = " ".join(text.split()).rstrip(".")
    return bool(_STATED.fullmatch(line) or _PUBLISHED.fullmatch(line))


def page_language(tree: etree._Element) -> str | None:
    """The page's language tag (`<html lang>`, else a Content-Language meta), or None."""
    for element in (tree, *tree.iter("html")):
        lang = element.get("lang") or element.get("xml:lang")
        if lang:
            return str(lang)
    for meta in tree.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-language" and meta.get("content"):
            return str(meta.get("content"))
    return None


def _stated_in_words(text: str, order: DateOrder) -> tuple[list[str], list[str], list[str]]:
    """The dates `text` says the page was reviewed, updated and published, in that order."""
    reviewed: list[str] = []
    updated: list[str] = []
    for match in _STATED.finditer(text):
        found = _iso(match.group("date"), order)
        if found:
            kind = match.group("kind").lower()
            (reviewed if "review" in kind else updated).append(found)
    published = [
        found for m in _PUBLISHED.finditer(text) if (found := _iso(m.group("date"), order))
    ]
    return reviewed, updated, published


def _stated_fields(tree: etree._Element) -> Iterator[tuple[str, str]]:
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key and meta.get("content"):
            yield key, str(meta.get("content"))
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                for key, value in item.items():
                    if isinstance(value, str):
                        yield key.lower(), value


def _iso(value: str, order: DateOrder) -> str | None:
    text = " ".join(value.replace(",", " ").replace(".", " ").split())
    head = text[:10]
    for candidate, formats in ((head, ("%Y-%m-%d",)), (text, (*_FORMATS, order.value))):
        for pattern in formats:
            try:
                day = datetime.strptime(candidate, pattern).date()
            except ValueError:
                continue
            return day.isoformat() if _plausible(day) else None
    for pattern in _MONTH_YEAR:
        try:
            month = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return month.isoformat()[:7] if _plausible(month) else None
    return None


def _plausible(day: date) -> bool:
    return 1990 <= day.year <= date.today().year + 1
