"""A table's title, written as a caption or a bold line over it, made the heading it is in effect.

A page often titles a table instead of heading it: `<caption>How serious is it?</caption>`, or
`<p><strong>Doses by age</strong></p>` just above the `<table>`. The title then reads as one
more line of the section above, and a row of the table is cited under that section's heading
("Treatment from a doctor" for a row that says "Call 999"). A title that reads as a heading
(short, no sentence: `ingest.scraped.chrome.is_heading_like`) becomes a heading one level below
the section the table stands in, so the table is a section of its own under its own name.
"""

from __future__ import annotations

import re

from lxml import etree

from ingest.html_tree import text_of
from ingest.scraped.chrome import is_heading_like

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BOLD = frozenset({"strong", "b"})
# "Table 2", "Figure 1": a number, not a name.
_NUMBER_ONLY = re.compile(r"^(?:table|figure|fig\.?)\s*\d+[.:]?$", re.IGNORECASE)


def with_table_headings(tree: etree._Element) -> etree._Element:
    """The same tree, each table's heading-like title a heading right before the table."""
    level = 1
    for element in list(tree.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS:
            level = int(element.tag[1])
        elif element.tag == "table":
            _title_as_heading(element, f"h{min(level + 1, 6)}")
    return tree


def _title_as_heading(table: etree._Element, heading: str) -> None:
    caption = table.find("caption")
    if caption is not None and _is_title(text_of(caption)):
        title = etree.Element(heading)
        title.text = text_of(caption)
        table.remove(caption)
        table.addprevious(title)
        return
    above = _bold_line_above(table)
    if above is not None and _is_title(text_of(above)):
        words = text_of(above)
        for child in list(above):
            above.remove(child)
        above.tag, above.text = heading, words
        above.attrib.clear()


def _bold_line_above(table: etree._Element) -> etree._Element | None:
    """The paragraph right before the table (or its wrapper) whose words are all bold."""
    holder = table
    while holder.getprevious() is None and holder.getparent() is not None:
        if (holder.getparent().text or "").strip():
            return None
        holder = holder.getparent()
        if holder.tag in ("body", "main", "article", "section"):
            return None
    previous = holder.getprevious()
    if previous is None or previous.tag != "p" or (previous.tail or "").strip():
        return None
    children = [c for c in previous if isinstance(c.tag, str)]
    bold = len(children) == 1 and children[0].tag in _BOLD
    outside = (previous.text or "").strip() or (children[0].tail or "").strip() if bold else True
    return previous if bold and not outside else None


def _is_title(text: str) -> bool:
    return len(text.split()) >= 2 and is_heading_like(text) and not _NUMBER_ONLY.match(text)
