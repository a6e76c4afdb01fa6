"""A `<main>` landmark for pages that do not mark their content with one.

trafilatura finds an article by its landmark (`<main>`, `<article>`, a known content class).
Without one it falls back to collecting loose paragraphs from the whole page, and that fallback
keeps `<p>` only: every heading and every list is lost (an encyclopedia page whose body is a
`<div id="...-content">` of section blocks came out as seven heading-less chunks). The content
container is found by where the page's prose is: the innermost block that holds nearly all of
it. Naming that block `<main>` sends trafilatura down its normal path, which keeps structure.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from ingest.html_tree import text_of

# The container must hold this share of the page's prose: chrome (menus, banners, footers)
# carries a little prose of its own, while one section of a page of sections holds far less.
CONTENT_SHARE = 0.9
_PROSE_TAGS = frozenset({"p", "li", "dd", "blockquote"})
_CONTAINER_TAGS = frozenset({"div", "section", "td"})
# Prose here is page chrome by the page's own markup, so it does not count as content.
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})


def with_main_landmark(tree: etree._Element) -> etree._Element:
    """`tree`, with its innermost block holding nearly all the prose renamed `<main>` when the
    page has no `<main>`, `<article>` or `role="main"` of its own. Changes `tree` in place."""
    if _has_landmark(tree):
        return tree
    prose = _prose_lengths(tree)
    total = sum(prose.values())
    if total == 0:
        return tree
    holding: Counter[etree._Element] = Counter()
    for element, length in prose.items():
        for ancestor in element.iterancestors():
            holding[ancestor] += length
    containers = [
        element
        for element, length in holding.items()
        if element.tag in _CONTAINER_TAGS and length >= CONTENT_SHARE * total
    ]
    if containers:
        # They nest (two disjoint blocks cannot each hold most of the prose): take the innermost.
        innermost = max(containers, key=lambda element: sum(1 for _ in element.iterancestors()))
        innermost.tag = "main"
    return tree


def _has_landmark(tree: etree._Element) -> bool:
    return any(
        element.tag in ("main", "article") or (element.get("role") or "").lower() == "main"
        for element in tree.iter()
        if isinstance(element.tag, str)
    )


def _prose_lengths(tree: etree._Element) -> dict[etree._Element, int]:
    """Each outermost prose element outside the page's marked chrome, with its text length."""
    lengths: dict[etree._Element, int] = {}
    for element in tree.iter(*_PROSE_TAGS):
        ancestors = {ancestor.tag for ancestor in element.iterancestors()}
        if ancestors & (_CHROME_TAGS | _PROSE_TAGS):
            continue
        lengths[element] = len(text_of(element))
    return lengths
