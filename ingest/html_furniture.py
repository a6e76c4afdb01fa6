"""Site furniture inside a page's main content, removed by its markup's shape.

Three kinds reach the text when a site puts them in the article's own container:

- shop tiles: items that each carry a price and a control to buy ("Eye drops 15 mL – $6.99"
  with an add-to-basket `<button>`); a list of prices without buttons may be the article's
  (prescription charges), so it stays;
- a list of links to other pages: every item holds a link and says nothing besides it but the
  words every item shares ("Fact sheet: Dehydration", "Fact sheet: Fever");
- a disclaimer block, marked so by a whole word of its class or id, or under a heading that
  says only "Disclaimer".

A heading left with nothing under it ("Shop eye care", "For more information") goes with them.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from ingest.html_marks import mark_words
from ingest.html_tree import remove_keeping_tail, text_of

_PRICE = re.compile(r"[$£€¥]\s?\d+(?:[.,]\d{2})?\b|\b\d+(?:[.,]\d{2})?\s?(?:€|EUR|USD|GBP)\b")
_CONTROLS = ("button", "input", "select", "form")
_CONTROL_CLASS = re.compile(r"\b(?:btn|button)\b|-btn\b|btn-", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LANDMARKS = ("body", "main", "article", "html")
_DISCLAIMER = frozenset({"disclaimer", "disclaimers"})
MIN_ITEMS = 2
# A disclaimer is a few sentences of small print; longer, the block holds the article too.
DISCLAIMER_MAX_WORDS = 150
# A shop tile names a product, its size and price, and a button: longer, it is writing.
TILE_MAX_WORDS = 30


def without_site_furniture(tree: etree._Element) -> etree._Element:
    """The same tree without shop tiles, lists of links to other pages and disclaimer blocks."""
    doomed: list[etree._Element] = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or any(a in doomed for a in element.iterancestors()):
            continue
        if _is_disclaimer(element) or _is_tile_row(element) or _is_link_list(element):
            doomed.append(element)
    for element in doomed:
        _remove_with_empty_frame(element)
    for heading in [h for h in tree.iter(*_HEADINGS) if _disclaimer_heading(h)]:
        _remove_section(heading)
    return tree


def _is_disclaimer(element: etree._Element) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    if element.tag in _LANDMARKS or not mark_words(marks) & _DISCLAIMER:
        return False
    # A page's wrapper may carry a class that names its disclaimer.
    return len(text_of(element).split()) <= DISCLAIMER_MAX_WORDS


def _disclaimer_heading(heading: etree._Element) -> bool:
    return text_of(heading).strip(" :").casefold() in ("disclaimer", "disclaimers")


def _is_tile_row(element: etree._Element) -> bool:
    """A list or row whose items are all shop tiles: a price and a control each."""
    items = [child for child in element if isinstance(child.tag, str)]
    items = [child for child in items if child.tag not in _HEADINGS]
    return len(items) >= MIN_ITEMS and all(map(_is_tile, items))


def _is_tile(item: etree._Element) -> bool:
    words = text_of(item)
    if len(words.split()) > TILE_MAX_WORDS or not _PRICE.search(words):
        return False
    for inner in item.iter():
        if not isinstance(inner.tag, str):
            continue
        if inner.tag in _CONTROLS or inner.get("role") == "button":
            return True
        if _CONTROL_CLASS.search(inner.get("class") or ""):
            return True
    return False


def _is_link_list(element: etree._Element) -> bool:
    """Every item a link to another page, with no words but those every item shares."""
    if element.tag not in ("ul", "ol"):
        return False
    items = [child for child in element if isinstance(child.tag, str) and child.tag == "li"]
    if len(items) < MIN_ITEMS or any(item.find(".//a") is None for item in items):
        return False
    rest = {_words_outside_links(item) for item in items}
    return len(rest) == 1


def _words_outside_links(item: etree._Element) -> str:
    bare = copy.deepcopy(item)
    for link in list(bare.iter("a")):
        remove_keeping_tail(link)
    return " ".join(re.sub(r"[^\w\s]", " ", text_of(bare)).split()).casefold()


def _remove_with_empty_frame(element: etree._Element) -> None:
    """Remove `element`; then its frame, while that holds nothing but headings; then a heading
    straight before the removed block that now heads nothing."""
    parent = element.getparent()
    previous = element.getprevious()
    remove_keeping_tail(element)
    while parent is not None and parent.tag not in _LANDMARKS and _only_headings(parent):
        previous = parent.getprevious()
        grandparent = parent.getparent()
        remove_keeping_tail(parent)
        parent = grandparent
    if previous is not None and previous.tag in _HEADINGS and _heads_nothing(previous):
        remove_keeping_tail(previous)


def _only_headings(element: etree._Element) -> bool:
    texts = [text_of(child) for child in element if child.tag not in _HEADINGS]
    return not any(texts) and not (element.text or "").strip()


def _heads_nothing(heading: etree._Element) -> bool:
    after = heading.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return after is None or after.tag in _HEADINGS


def _remove_section(heading: etree._Element) -> None:
    """A heading and the blocks under it, up to the next heading."""
    level = int(str(heading.tag)[1])
    after = heading.getnext()
    while after is not None and not (
        isinstance(after.tag, str) and after.tag in _HEADINGS and int(after.tag[1]) <= level
    ):
        following = after.getnext()
        remove_keeping_tail(after)
        after = following
    remove_keeping_tail(heading)
