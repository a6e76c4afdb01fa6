"""A callout's label is the lead-in of its words, not a section of the article.

Pages box their warnings and tips inside a section: `<aside class="callout"><h3>Important</h3>
<p>A pharmacist can help ...</p></aside>`, or `<div class="callout"><strong>Tip:</strong>
<p>Use emollients every day ...</p></div>`. Read as the page writes it, the box's `<h3>` opened
a section named "Important" (an answer cited "Tonsillitis — Important" for advice that belongs
to "How to treat tonsillitis yourself"), and a bold label outside the box's paragraph became a
paragraph of its own ("Tip:"), which quoted as a sentence says nothing.

A box is an `<aside>`, a block with ARIA's `role="note"`, or a block whose class names a callout
("callout", "alert", "warning", "tip", "note", ..., alone or as "warning-box", "info-panel"). When
it opens with a short label (a heading or a bold word of a few words, not a question), the label
stops being a heading and the box's words stay in the section the box sits in. A label that only
names the kind of box ("Important", "Tip", "Good to know") says nothing a quoted sentence needs,
and "Tip: Call 911 if ..." would read oddly as an answer's lead, so it goes; a label that names a
subject ("Pregnancy") becomes the lead-in of the box's first paragraph ("Pregnancy: ..."). Before a
list or a table a label stays as a paragraph of its own ("Call 911 if:"), the list's introducer.
"""

from __future__ import annotations

import re

from lxml import etree

from ingest.html_tree import text_of

# A label names the kind of box ("Important", "Top tip") or leads in to it ("See a GP if"); a
# longer heading names a subject of its own and may head a section.
LABEL_MAX_WORDS = 4
_CALLOUT_CLASS = re.compile(
    r"^(?:callout|alert|admonition|notice|warning|caution|tip|tips|note|important"
    r"|info-?box|highlight|attention)$",
    re.IGNORECASE,
)
# What a class adds to a callout word to name its container: "warning-box", "tip-panel".
_CONTAINER_WORDS = frozenset({"box", "panel", "block", "card", "container", "wrapper", "message"})
# Words that name the kind of box, not what it is about.
_KIND_WORDS = frozenset(
    {"important", "tip", "tips", "top", "note", "notes", "please", "warning", "caution",
     "attention", "remember", "info", "information", "advice", "key", "point", "points",
     "did", "you", "know", "good", "to", "alert", "notice", "reminder", "nb", "hint"}
)
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_INLINE_LABELS = frozenset({"strong", "b", "span", "em"})
_LABEL_END = re.compile(r"[\s:.–—-]+$")


def with_callout_labels_as_lead_ins(tree: etree._Element) -> etree._Element:
    """The same tree, each callout box's opening label made the lead-in of its first paragraph.
    Changes `tree` in place."""
    for box in list(tree.iter()):
        if isinstance(box.tag, str) and _is_box(box):
            _label_as_lead_in(box)
    return tree


def _is_box(element: etree._Element) -> bool:
    if element.tag == "aside":
        return True
    if element.tag not in ("div", "section"):
        return False
    if (element.get("role") or "").strip().lower() == "note":
        return True  # ARIA's name for a box aside from the main text
    tokens = re.split(r"[\s_]+|--", element.get("class") or "")
    return any(_names_a_box(token) for token in tokens if token)


def _names_a_box(token: str) -> bool:
    """"callout", "warning-box", "info-panel": a callout word, alone or with a container's."""
    words = token.split("-")
    if not any(_CALLOUT_CLASS.match(word) for word in words):
        return False
    return all(_CALLOUT_CLASS.match(word) or word.lower() in _CONTAINER_WORDS for word in words)


def _label_as_lead_in(box: etree._Element) -> None:
    children = [child for child in box if isinstance(child.tag, str)]
    if len(children) < 2 or (box.text or "").strip():
        return
    label, following = children[0], children[1]
    is_heading = label.tag in _HEADINGS
    if not (is_heading or label.tag in _INLINE_LABELS) or not _is_label(label):
        return
    if not is_heading and (label.tail or "").strip():
        return  # a bold word that opens a sentence written straight into the box
    words = _LABEL_END.sub("", text_of(label))
    if following.tag == "p":
        if not _names_only_the_kind(words):
            following.text = f"{words}: {following.text or ''}"
        box.remove(label)  # its tail is whitespace
        return
    if is_heading and not _is_link_list(following):
        # Over a list or a table the label introduces it, as "See a GP if:" does; over a list
        # of links it stays a heading, which goes with the list (`html_furniture`).
        tail = label.tail
        label.clear()
        label.tag, label.text, label.tail = "p", f"{words}:", tail


def _is_link_list(element: etree._Element) -> bool:
    items = [item for item in element if item.tag == "li"]
    return bool(items) and all(item.find(".//a") is not None for item in items)


def _names_only_the_kind(label: str) -> bool:
    return all(word in _KIND_WORDS for word in re.findall(r"[a-z]+", label.casefold()))


def _is_label(element: etree._Element) -> bool:
    text = text_of(element)
    return bool(text) and "?" not in text and len(text.split()) <= LABEL_MAX_WORDS
