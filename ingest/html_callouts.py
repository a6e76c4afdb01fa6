"""Callouts written as `<aside>` inside an article: part of the article.

trafilatura leaves every `<aside>` out as the page's chrome, which it usually is (related links,
an advert, a newsletter box beside the article). But pages also write the article's own
warnings and tips as `<aside class="callout">` inside it ("Important: do not use a treatment
just in case"), and those vanished while the same words in a `<div class="info-box">` were kept.
An `<aside>` inside the content landmark that says something in sentences of its own (words
outside links, ending like a sentence, or a lead-in ending in a colon over a list of words) is
read as a `<div>` where it stands; one that is mostly links, holds a form or a menu, or only
labels stays chrome.

A callout written as a `<div>` of words that opens with its bold label ("<strong>Call 911
if:</strong> the bleeding ...") lost the space after the label in trafilatura, which glued
"if:the"; inside a `<p>` the space stays, so such a `<div>` gets its words wrapped in one
(`with_labelled_divs_as_paragraphs`). Only a `<div>` of inline elements is such a callout: a
wrapper whose children are the page's content column and its sidebar (`<div id="content">`
holding a `<main>` and an `<aside>`, neither a paragraph block) also opens with no words of its
own, and wrapped in a `<p>` it took the whole article with it (trafilatura then read the page as
one heading-less run of text, its lists moved to the end).
"""

from __future__ import annotations

import re

from lxml import etree

from ingest.html_tree import text_of

# An aside is links rather than prose when its links hold this share of its words.
LINK_SHARE_MAX = 0.3
# A sentence says something: a few words ending like one ("Advertisement" does not).
SENTENCE_MIN_WORDS = 4
_SENTENCE = re.compile(r"[^.!?]*\w[^.!?]*[.!?]")
_LANDMARKS = frozenset({"main", "article"})
_CHROME_INSIDE = ("form", "nav", "input", "button", "select")
# What a paragraph holds (HTML's phrasing content, and the old inline tags) bar <br>, which
# already parts a label from its words: a <div> opening with these, and holding nothing else, is
# one paragraph.
_INLINE = frozenset(
    {"a", "abbr", "area", "audio", "b", "bdi", "bdo", "big", "button", "canvas", "cite", "code",
     "data", "datalist", "del", "dfn", "em", "embed", "font", "i", "iframe", "img", "input",
     "ins", "kbd", "label", "map", "mark", "math", "meter", "nobr", "noscript", "object",
     "output", "picture", "progress", "q", "ruby", "s", "samp", "script", "select", "slot",
     "small", "span", "strong", "sub", "sup", "svg", "template", "textarea", "time", "tt", "u",
     "var", "video", "wbr"}
)
_BLOCKS = frozenset(
    {"p", "div", "ul", "ol", "dl", "table", "blockquote", "pre", "figure", "details", "section"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)


def with_article_callouts(tree: etree._Element) -> etree._Element:
    """The same tree, each `<aside>` inside the page's content that holds prose renamed
    `<div>` (`<p>` when it holds no blocks). Changes `tree` in place."""
    for aside in list(tree.iter("aside")):
        if _inside_content(aside) and _holds_prose(aside):
            # Words written straight into the aside are a paragraph: a <div> of them, on a page
            # of <p>s, is a byline to trafilatura.
            holds_blocks = any(
                isinstance(child.tag, str) and child.tag in _BLOCKS for child in aside
            )
            aside.tag = "div" if holds_blocks else "p"
    return tree


def _inside_content(element: etree._Element) -> bool:
    return any(
        ancestor.tag in _LANDMARKS or (ancestor.get("role") or "").lower() == "main"
        for ancestor in element.iterancestors()
    )


def _holds_prose(aside: etree._Element) -> bool:
    if any(True for _ in aside.iter(*_CHROME_INSIDE)):
        return False
    text = text_of(aside)
    words = len(text.split())
    linked = sum(len(text_of(link).split()) for link in aside.iter("a"))
    if not words or linked > LINK_SHARE_MAX * words:
        return False
    unlinked = _without_links(aside)
    return _introduces_a_list(aside) or any(
        len(sentence.split()) >= SENTENCE_MIN_WORDS for sentence in _SENTENCE.findall(unlinked)
    )


def _introduces_a_list(aside: etree._Element) -> bool:
    """A lead-in ending in a colon over a list of words ("See a GP if:" and its items), which
    says something though its items end with no full stop."""
    for listed in aside.iter("ul", "ol"):
        before = listed.getprevious()
        items = [item for item in listed if item.tag == "li" and text_of(item)]
        if before is None or len(items) < 2 or not text_of(before).endswith(":"):
            continue
        if all(item.find(".//a") is None for item in items):
            return True
    return False


def _without_links(element: etree._Element) -> str:
    """The element's text outside its links."""
    parts: list[str] = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        in_link = any(a.tag == "a" for a in node.iterancestors())  # where its tail sits
        if node.text and not in_link and node.tag != "a":
            parts.append(node.text)
        if node.tail and node is not element and not in_link:
            parts.append(node.tail)
    return " ".join(" ".join(parts).split())


def with_labelled_divs_as_paragraphs(tree: etree._Element) -> etree._Element:
    """The same tree, each `<div>` of prose that opens with an inline element (its label) and
    holds inline elements only, its words held in a `<p>`. Changes `tree` in place."""
    for div in list(tree.iter("div")):
        children = [child for child in div if isinstance(child.tag, str)]
        opens_inline = not (div.text or "").strip() and bool(children)
        if not opens_inline or any(child.tag not in _INLINE for child in children):
            continue
        if not any(len(s.split()) >= SENTENCE_MIN_WORDS for s in _SENTENCE.findall(text_of(div))):
            continue
        paragraph = etree.SubElement(div, "p")
        paragraph.text, div.text = div.text, None
        for child in children:
            paragraph.append(child)  # moves it, its tail with it
        for child in list(div):
            if child is not paragraph:
                paragraph.append(child)  # comments and processing instructions
    return tree
