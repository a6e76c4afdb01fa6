"""A `<main>` landmark for pages that do not mark their content with one.

trafilatura finds an article by its landmark (`<main>`, `<article>`, a known content class).
Without one it falls back to collecting loose paragraphs from the whole page, and that fallback
keeps `<p>` only: every heading and every list is lost (an encyclopedia page whose body is a
`<div id="...-content">` of section blocks came out as seven heading-less chunks). The content
container is found by where the page's prose is: the innermost block that holds nearly all of
it. Naming that block `<main>` sends trafilatura down its normal path, which keeps structure.

"Nearly all" alone is fragile on a page of full chrome: a cookie notice, a newsletter box, a
reference list and a "Was this page helpful?" block outside the content column add up to more
than a tenth of a short article's prose (a 650-word page came out as four heading-less chunks,
its lists and callout gone). Two more readings of the page settle it:

- prose whose words are all inside links (a "Related articles" list) is navigation, not prose;
- the page's own title, its one `<h1>`, sits in its content: the innermost block holding the
  `<h1>` and most of the prose is the content, whatever the chrome around it holds.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from ingest.html_tree import text_of

# The container must hold this share of the page's prose: chrome (menus, banners, footers)
# carries a little prose of its own, while one section of a page of sections holds far less.
CONTENT_SHARE = 0.9
# The block that holds the page's one <h1> needs only most of the prose: the title marks it.
TITLED_CONTENT_SHARE = 0.6
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
    title = _page_title(tree)
    titled = [] if title is None else list(title.iterancestors())
    containers = [
        element
        for element, length in holding.items()
        if element.tag in _CONTAINER_TAGS
        and (
            length >= CONTENT_SHARE * total
            or (length >= TITLED_CONTENT_SHARE * total and element in titled)
        )
    ]
    if containers:
        # They nest (two disjoint blocks cannot each hold most of the prose, and a block holding
        # the title and more than half cannot sit beside one holding nine tenths): the innermost.
        innermost = max(containers, key=lambda element: sum(1 for _ in element.iterancestors()))
        innermost.tag = "main"
    return tree


def _has_landmark(tree: etree._Element) -> bool:
    return any(
        element.tag in ("main", "article") or (element.get("role") or "").lower() == "main"
        for element in tree.iter()
        if isinstance(element.tag, str)
    )


def _page_title(tree: etree._Element) -> etree._Element | None:
    """The page's one `<h1>` outside its marked chrome; None when it has none or several."""
    titles = [
        h1
        for h1 in tree.iter("h1")
        if not any(ancestor.tag in _CHROME_TAGS for ancestor in h1.iterancestors())
    ]
    return titles[0] if len(titles) == 1 else None


def _prose_lengths(tree: etree._Element) -> dict[etree._Element, int]:
    """Each outermost prose element outside the page's marked chrome, with the length of its
    text outside links (an item that is only a link is a menu's, not prose)."""
    lengths: dict[etree._Element, int] = {}
    for element in tree.iter(*_PROSE_TAGS):
        ancestors = {ancestor.tag for ancestor in element.iterancestors()}
        if ancestors & (_CHROME_TAGS | _PROSE_TAGS):
            continue
        linked = sum(len(text_of(link)) for link in element.iter("a"))
        lengths[element] = max(0, len(text_of(element)) - linked)
    return lengths
