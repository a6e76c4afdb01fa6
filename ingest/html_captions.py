"""Picture and table captions kept as paragraphs where the page shows them.

trafilatura deletes a `<figure>` that holds a picture with everything in it, and any element
whose class names a caption ("wp-caption-text", "image-caption"), so a caption that says what
a picture shows ("Not all rashes look like a bull's-eye") is lost. A caption is written in
several shapes: a `<figcaption>`, or an element with a caption class inside or next to the
element that holds the `<img>`. Each becomes a plain paragraph in place of its picture; a table's
caption goes before its table, as its introduction. A caption that only credits the picture
("Photo: Getty Images", "© NHS") or only numbers it ("Figure 2") is not text of the article.
"""

from __future__ import annotations

import re

from lxml import etree

from ingest.html_tree import remove_keeping_tail, text_of

_PICTURES = ("img", "picture", "svg", "video")
# A caption shorter than this says nothing of its own: "Figure 2", "Left foot".
MIN_CAPTION_WORDS = 3
# Longer, or holding headings, lists or tables, an element is a part of the page, not a caption.
CAPTION_MAX_WORDS = 80
_SECTION_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "dl")
_CREDIT = re.compile(
    r"^\(?\s*(?:(?:photo(?:graph)?|image|picture|illustration|video)\s*(?:credit|courtesy)?"
    r"|credit|courtesy|source)\s*(?::|by\b)|©|\(c\)\s|copyright\b",
    re.IGNORECASE,
)
# The credit at the end of a caption: "... on one side of the body. Photo: Jane Doe".
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?])\s*\(?\s*(?:(?:photo(?:graph)?|image|picture|illustration)\s*(?:credit)?"
    r"|credit|courtesy|source)\s*(?::|by\b)[^.]*\)?\s*$|\s*©.*$",
    re.IGNORECASE,
)
# Inside a caption, the parts that credit the picture or repeat its licence.
_CREDIT_CLASSES = ("credit", "copyright", "attribution", "licence", "license")


def with_captions_as_text(tree: etree._Element) -> etree._Element:
    """The same tree, each caption a plain paragraph where its picture or table stood."""
    root = tree.getroottree().getroot()
    for caption in [c for c in tree.iter() if isinstance(c.tag, str) and _is_caption(c)]:
        if caption.getroottree().getroot() is not root or _inside_caption(caption):
            continue  # gone with a figure already replaced by its first caption
        text = _caption_text(caption)
        paragraph = etree.Element("p")
        paragraph.text = text
        holder = _holder(caption)
        table = holder.find(".//table") if holder is not None else None
        if table is not None:
            table.addprevious(paragraph)
            remove_keeping_tail(caption)
        else:
            _replace(holder if holder is not None else caption, paragraph)
        if not _is_content(text):
            remove_keeping_tail(paragraph)
    return tree


def _replace(old: etree._Element, new: etree._Element) -> None:
    parent = old.getparent()
    if parent is not None:
        new.tail = old.tail
        parent.replace(old, new)


def _is_caption(element: etree._Element) -> bool:
    if element.tag == "figcaption":
        return True
    if element.tag == "caption" or not _has_caption_class(element):
        return False
    if any(True for _ in element.iter(*_PICTURES)):
        return False  # the frame around picture and caption ("wp-caption"), not the caption
    if any(True for _ in element.iter(*_SECTION_BLOCKS)) or len(text_of(element).split()) > (
        CAPTION_MAX_WORDS
    ):
        return False  # a section of the page whose class happens to name a caption
    return _holder(element) is not None or _beside_picture(element)


def _has_caption_class(element: etree._Element) -> bool:
    return "caption" in (element.get("class") or "").lower()


def _inside_caption(element: etree._Element) -> bool:
    return any(isinstance(a.tag, str) and _is_caption(a) for a in element.iterancestors())


def _holder(caption: etree._Element) -> etree._Element | None:
    """The figure (or captioned frame) that holds the caption and its picture or table."""
    for ancestor in caption.iterancestors():
        if not isinstance(ancestor.tag, str) or ancestor.tag in ("body", "main", "article"):
            return None
        if ancestor.tag == "figure" or (
            _has_caption_class(ancestor) and any(True for _ in ancestor.iter(*_PICTURES))
        ):
            return ancestor
    return None


def _beside_picture(caption: etree._Element) -> bool:
    """A caption class on an element next to the one that shows the picture."""
    for sibling in (caption.getprevious(), caption.getnext()):
        if sibling is not None and isinstance(sibling.tag, str) and _shows_picture(sibling):
            return True
    parent = caption.getparent()
    return parent is not None and any(child.tag in _PICTURES for child in parent)


def _shows_picture(element: etree._Element) -> bool:
    return element.tag in _PICTURES or any(True for _ in element.iter(*_PICTURES))


def _caption_text(caption: etree._Element) -> str:
    for part in list(caption.iter()):
        classes = (part.get("class") or "").lower() if isinstance(part.tag, str) else ""
        if part is not caption and any(name in classes for name in _CREDIT_CLASSES):
            remove_keeping_tail(part)
    text = text_of(caption)
    return _TRAILING_CREDIT.sub("", text).strip()


def _is_content(text: str) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", text)
    return len(words) >= MIN_CAPTION_WORDS and not _CREDIT.match(text)
