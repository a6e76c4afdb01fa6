"""A warning when a page's headings did not become sections: its text was read as loose
paragraphs.

A page whose content the extractor does not find falls back to its loose `<p>`s, and every
heading, list and callout under them is lost without a word (audit 11: a page of nine headed
sections became four heading-less chunks, and only the answers showed it). The ingest still
keeps the page, whose sentences are the article's, but says so, so whoever runs it can look.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from ingest.model import Article

# A page with this many headings in its content is written in sections.
MIN_HEADINGS = 3
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_CHROME = frozenset({"nav", "header", "footer", "aside", "form"})


def lost_structure_warnings(page: bytes, article: Article, *, name: str) -> tuple[str, ...]:
    """A sentence saying the page's headings were lost, or none when they were kept."""
    try:
        tree = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return ()
    warning = _warning(tree, article, name=name)
    return (warning,) if warning else ()


def _warning(tree: etree._Element, article: Article, *, name: str) -> str | None:
    headings = [
        h
        for h in tree.iter(*_HEADINGS)
        if not any(a.tag in _CHROME for a in h.iterancestors()) and "".join(h.itertext()).strip()
    ]
    if len(headings) < MIN_HEADINGS or any(s.heading for s in article.sections):
        return None
    return (
        f"{name}: none of its {len(headings)} headings became a section (the article text was "
        "read as loose paragraphs, so its lists and headings may be missing); check the page."
    )
