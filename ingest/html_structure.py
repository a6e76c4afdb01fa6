"""Page markup rewritten into the shapes the main-content extractor keeps.

trafilatura flattens a `<dl>` into alternating items, so an FAQ's question and its answer land
in a list under one heading; a question term (`<dt>` ending in "?") becomes a heading over its
answers, as a `<details>` FAQ's `<summary>` does, and any other term becomes one "term:
definition" paragraph, so a term and what it means stay one unit. (Captions: `html_captions`.)
"""

from __future__ import annotations

from lxml import etree

from ingest.html_tree import text_of

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset({"p", "div", "ul", "ol", "table", "dl", "blockquote", "pre", *_HEADINGS})


def with_kept_structure(tree: etree._Element) -> etree._Element:
    """The same tree, definition lists rewritten in place."""
    level = 2
    for element in list(tree.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS:
            level = int(element.tag[1])
        elif element.tag == "dl":
            _definitions_as_blocks(element, heading=f"h{min(level + 1, 6)}")
    return tree


def _definitions_as_blocks(dl: etree._Element, *, heading: str) -> None:
    dl.tag = "div"
    term: etree._Element | None = None
    for child in list(dl):
        if not isinstance(child.tag, str):
            continue
        if child.tag == "dt":
            term = child
            child.tag = heading if text_of(child).endswith("?") else "p"
        elif child.tag == "dd":
            child.tag = "div" if _has_blocks(child) else "p"
            if term is not None and term.tag == "p" and child.tag == "p":
                _join_term(term, child)
            term = None


def _has_blocks(element: etree._Element) -> bool:
    return any(inner.tag in _BLOCKS for inner in element.iterdescendants())


def _join_term(term: etree._Element, definition: etree._Element) -> None:
    """ "Term" and "what it means" as one paragraph: "Term: what it means"."""
    words = text_of(term).rstrip(":")
    for child in list(term):
        term.remove(child)
    term.text = f"{words}: {text_of(definition)}"
    parent = definition.getparent()
    if parent is not None:
        parent.remove(definition)
