"""A table's title, written as a caption or a bold line over it, made the heading it is in effect.

A page often titles a table instead of heading it: `<caption>How serious is it?</caption>`, or
`<p><strong>Doses by age</strong></p>` just above the `<table>`. The title then reads as one
more line of the section above, and a row of the table is cited under that section's heading
("Treatment from a doctor" for a row that says "Call 999"). A title that reads as a heading
(short, no sentence: `ingest.scraped.chrome.is_heading_like`) becomes a heading one level below
the section the table stands in, so the table is a section of its own under its own name.
The title names its table only: text after the table, before the next heading, goes on with the
section the table stands in, whose heading is said again after the table (a copy of it).
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
    section: etree._Element | None = None
    for element in list(tree.iter()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in _HEADINGS:
            section = element
        elif element.tag == "table":
            level = int(section.tag[1]) if section is not None else 1
            if _title_as_heading(element, f"h{min(level + 1, 6)}") and section is not None:
                _section_goes_on_after(element, section)
    return tree


def _title_as_heading(table: etree._Element, heading: str) -> bool:
    caption = table.find("caption")
    if caption is not None and _is_title(text_of(caption)):
        title = etree.Element(heading)
        title.text = text_of(caption)
        table.remove(caption)
        table.addprevious(title)
        return True
    above = _bold_line_above(table)
    if above is not None and _is_title(text_of(above)):
        words = text_of(above)
        for child in list(above):
            above.remove(child)
        above.tag, above.text = heading, words
        above.attrib.clear()
        return True
    return False


def _section_goes_on_after(table: etree._Element, section: etree._Element) -> None:
    """The section's heading said again after the table when text follows it before the next
    heading: "Everyone should have an action plan" after a "Types of inhaler" table is the
    section's, not the table's."""
    holder = table  # or the wrapper it scrolls in: <div class="table-wrap"><table>
    while holder.getnext() is None and holder.getparent() is not None:
        if holder.getparent().tag in ("body", "main", "article", "section"):
            return
        holder = holder.getparent()
    follows = holder.getnext()
    while follows is not None and not isinstance(follows.tag, str):
        follows = follows.getnext()
    if follows is None or follows.tag in _HEADINGS:
        return
    again = etree.Element(section.tag)
    again.text = text_of(section)
    again.tail = holder.tail
    holder.tail = None
    holder.addnext(again)


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
