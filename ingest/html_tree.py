"""Two operations every HTML clean-up pass needs on an lxml tree."""

from __future__ import annotations

from lxml import etree


def text_of(element: etree._Element) -> str:
    """The element's text, whitespace runs made single spaces."""
    return " ".join("".join(element.itertext()).split())


def remove_keeping_tail(element: etree._Element) -> None:
    """Take `element` out of the tree; the text after it belongs to its parent and stays."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
