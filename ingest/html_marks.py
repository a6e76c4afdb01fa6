"""Class and id marks that would make trafilatura drop article text, taken off it.

trafilatura drops a block whose class or id *contains* a furniture word anywhere: "viral" (as in
viral sharing) drops `<section id="viral-or-bacterial">` and "antiviral-medicines", "menu" drops
"menopause", "meta" drops "metabolic", "options" drops "treatment-options". A page's section
went missing with no warning. Before extraction, a block trafilatura would drop keeps that fate
only when one of its marks names furniture as a whole word ("share-row", "siteFooter") and it
holds no article text of its own; otherwise the marks that would drop it are taken off, so the
block is judged like any other (link density, its place in the page).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable

from lxml import etree
from trafilatura.xpaths import OVERALL_DISCARD_XPATH, PRECISION_DISCARD_XPATH, TEASER_DISCARD_XPATH

from ingest.html_tree import remove_keeping_tail, text_of

# Whole words that name page furniture in a class or id, the concepts trafilatura looks for.
FURNITURE_WORDS = frozenset(
    {
        "ad", "ads", "advert", "advertisement", "advertising", "author", "authors", "banner",
        "bar", "bread", "breadcrumb", "breadcrumbs", "btn", "button", "buttons", "byline",
        "comment", "comments", "consent", "cookie", "cookies", "crumbs", "embed", "embedded",
        "footer", "icon", "icons", "menu", "meta", "metadata", "modal", "nav", "navbar",
        "navbox", "navigation", "newsletter", "newsletters", "outbrain", "overlay", "paywall",
        "popular", "popup", "premium", "promo", "rating", "ratings", "related", "share",
        "shares", "sharing", "sidebar", "slide", "slider", "social", "sociable", "sponsored",
        "stories", "subnav", "syndication", "taboola", "tag", "tags", "teaser", "teasers",
        "timestamp", "toolbar", "viral", "widget", "widgets",
    }
)
# Article text: a heading with prose under it, or prose of a few sentences; never a form.
HEADED_PROSE_WORDS = 20
PROSE_WORDS = 40
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CONTROLS = ("form", "input", "select", "textarea", "button")
_NOT_PROSE = ("a", "button", "label", "script", "style", "noscript", "template")
_LANDMARKS = ("html", "body", "main", "article")
# trafilatura reads lists under its own names when it applies its rules.
_ITS_NAMES = {"ul": "list", "ol": "list", "dl": "list", "li": "item", "dd": "item"}
_DISCARD = (*OVERALL_DISCARD_XPATH, *TEASER_DISCARD_XPATH, *PRECISION_DISCARD_XPATH)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def with_article_marks_kept(tree: etree._Element) -> etree._Element:
    """The same tree, with the class and id marks that would drop article text taken off."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _LANDMARKS:
            continue
        if not (element.get("class") or element.get("id")) or not _dropped(element):
            continue
        if _names_furniture(element) and not _holds_article_text(element):
            continue
        _without_dropping_marks(element)
    return tree


def mark_words(value: str) -> set[str]:
    """The whole words of a class or id: "share-row" and "shareRow" -> {"share", "row"}."""
    return {word.lower() for word in re.split(r"[^A-Za-z0-9]+", _CAMEL.sub(" ", value)) if word}


def _names_furniture(element: etree._Element) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(mark_words(marks) & FURNITURE_WORDS)


def _holds_article_text(element: etree._Element) -> bool:
    if any(isinstance(e.tag, str) and e.tag in _CONTROLS for e in element.iter()):
        return False
    words = len(_prose(element).split())
    headed = any(isinstance(e.tag, str) and e.tag in _HEADINGS for e in element.iter())
    return words >= (HEADED_PROSE_WORDS if headed else PROSE_WORDS)


def _prose(element: etree._Element) -> str:
    """The element's text outside links, controls and headings."""
    bare = copy.deepcopy(element)
    for inner in [e for e in bare.iter() if e is not bare and e.tag in (*_NOT_PROSE, *_HEADINGS)]:
        if inner.getparent() is not None:
            remove_keeping_tail(inner)
    return text_of(bare)


def _dropped(element: etree._Element) -> bool:
    """Whether trafilatura's rules would drop the element for its own attributes."""
    return _dropped_as(element.tag, element.attrib.items())


def _without_dropping_marks(element: etree._Element) -> None:
    """Take off the id, then each class, that alone would make trafilatura drop the element;
    the rest stay (a class that names the page's content container)."""
    if element.get("id") and _dropped_as(element.tag, [("id", element.get("id") or "")]):
        del element.attrib["id"]
    classes = (element.get("class") or "").split()
    kept = [name for name in classes if not _dropped_as(element.tag, [("class", name)])]
    if kept:
        element.set("class", " ".join(kept))
    elif "class" in element.attrib:
        del element.attrib["class"]


def _dropped_as(tag: str, attributes: Iterable[tuple[str, str]]) -> bool:
    probe = etree.Element("div")
    alone = etree.SubElement(probe, _ITS_NAMES.get(tag, tag))
    for name, value in attributes:
        alone.set(name, value)
    return any(expression(probe) for expression in _DISCARD)
