"""Text written in `<div>`s read as paragraphs.

Some sites write every paragraph as a `<div class="text">` and never use `<p>`. trafilatura keeps
the paragraphs of a `<p>` page, but on a page with no `<p>` at all it found no paragraphs and
fell back to the page's whole text run together: every heading was glued into the sentences
around it ("... speak to your midwife or GP. When to get help Contact your GP ...") and the
sections were lost. A `<div>` that holds words and no block of its own (no paragraph, list,
table, heading or inner `<div>`) is a paragraph by what it holds. When a page's content has more
such `<div>`s than `<p>`s, they are named `<p>`, and the page is read as a `<p>` page is,
trafilatura's own rules for paragraphs (link density, boilerplate) applying to them.
A page of `<p>`s keeps its few such `<div>`s as they are: there they are a byline or a
subtitle ("Reviewed by the ... team"), which trafilatura leaves out. A `<div>` whose words are
all inside links (a menu, a row of buttons) is never a paragraph.
"""

from __future__ import annotations

import re

from lxml import etree

from ingest.html_tree import text_of

# What a paragraph cannot hold: a block of its own.
_TEXT_BLOCKS = frozenset({"p", "div", "pre", "blockquote", "address", "hr"})
_GROUPS = frozenset({"ul", "ol", "li", "dl", "table", "form", "figure", "details", "fieldset"})
_SECTIONS = frozenset({"section", "article", "main", "nav", "header", "footer", "aside"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = _TEXT_BLOCKS | _GROUPS | _SECTIONS | _HEADINGS
_HIDDEN = ("script", "style", "noscript", "template")


def with_div_paragraphs(tree: etree._Element) -> etree._Element:
    """The same tree; when its content (its landmark, else the whole page) writes its paragraphs
    as `<div>`s, each `<div>` that is a paragraph by what it holds renamed `<p>`. Changes `tree`
    in place."""
    content = _landmark(tree)
    divs = [div for div in content.iter("div") if _is_paragraph(div)]
    paragraphs = [p for p in content.iter("p") if re.search(r"[^\W\d_]", text_of(p))]
    if len(divs) > len(paragraphs):
        for div in divs:
            div.tag = "p"
    return tree


def _landmark(tree: etree._Element) -> etree._Element:
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("main", "article") or (element.get("role") or "").lower() == "main":
            return element
    return tree


def _is_paragraph(div: etree._Element) -> bool:
    if any(isinstance(inner.tag, str) and inner.tag in _BLOCKS for inner in div.iterdescendants()):
        return False
    # Letters, not just the bars and dots between links.
    return bool(re.search(r"[^\W\d_]", _words_outside_links(div)))


def _words_outside_links(element: etree._Element) -> str:
    """The element's own words that no link or script holds."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in ("a", *_HIDDEN):
            parts.append(_words_outside_links(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())
