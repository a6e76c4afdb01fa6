"""Links that are controls, not writing: their words left out when they stand as a sentence.

A link whose target is not a page does something on the page instead: runs a script
(`javascript:...`, or `href="#"` with a handler), downloads a file (a `download` attribute, a
PDF or Word file), or shares the page (a network's share address, an e-mail with a subject).
Its words are a button's label ("Download our diet sheet", "Print this page", "Share"), and
once the page is flattened to text an answer quoted them as a sentence of the article.

Only a control that stands as a sentence of its own goes: nothing but the end of a sentence
before it in its block, and nothing but punctuation between it and the end of the block or the
next sentence. A control inside a sentence ("You can <a href="javascript:print()">print this
page</a> for your records") keeps its words, which the sentence needs.

A block that only leads in to controls ("Find a pharmacy near you: <a href="javascript:...">open
the pharmacy finder</a>.") is a call to action, the page's and not the article's: without its
control it is a lead-in to nothing, and with it an answer quoted it after an article's last FAQ.
So does a block made mostly of controls' labels, with a few words around them ("Check the
<a href="javascript:...">forecast for your area</a> or <a ...>sign up for alerts</a>."): the
widget it offers is not in the text, so neither is the offer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ingest.html_tree import remove_keeping_tail

_SCRIPT = re.compile(r"^\s*(?:javascript|vbscript):", re.IGNORECASE)
_FILE = re.compile(r"\.(?:pdf|docx?|rtf|odt|xlsx?|pptx?|zip|epub)(?:[?#].*)?$", re.IGNORECASE)
# Share addresses of networks and mail: "facebook.com/sharer", "twitter.com/intent/tweet",
# "linkedin.com/shareArticle", "api.whatsapp.com/send", "mailto:?subject=...".
_SHARE = re.compile(
    r"/shar(?:er|e|earticle)(?:\.php)?(?:[/?]|$)|/intent/(?:tweet|post)|whatsapp\.com/send"
    r"|^mailto:[^@]*\?(?:subject|body)=",
    re.IGNORECASE,
)
_BLOCKS = frozenset(
    {"p", "li", "div", "td", "th", "dd", "dt", "blockquote", "section", "article", "main", "body"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption"}
)
_LANDMARKS = frozenset({"section", "article", "main", "body"})
# Before a control that stands alone: nothing, or the end of a sentence.
_SENTENCE_ENDED = re.compile(r"(?:^|[.!?][\"'”’)\]]*)\s*$")
# Enough of the text on either side of a link to see where its sentence ends.
_CONTEXT_CHARS = 40
_CONTEXT_PIECES = 50
# A lead-in to a control: a few words ending in a colon.
LEAD_IN_MAX_WORDS = 12
# After it: its own full stop at most, then nothing or the next sentence.
_OWN_STOP = re.compile(r"^\s*[.!?]?(?=\s*(?:$|[A-Z0-9\"“]))")


def without_control_links(tree: etree._Element) -> etree._Element:
    """The same tree without control links that stand as sentences. Changes `tree` in place."""
    blocks: dict[etree._Element, list[etree._Element]] = {}
    for link in tree.iter("a"):
        block = _block_of(link) if is_control(link) else None
        if block is not None:
            blocks.setdefault(block, []).append(link)
    for block, links in blocks.items():
        if block.tag not in _LANDMARKS and (
            _only_leads_in(block, links) or _mostly_controls(block, links)
        ):
            remove_keeping_tail(block)
            continue
        for link in _standing_alone(block, links):
            link.tail = (link.tail or "")[len(_leading_stop(link.tail or "")) :]
            remove_keeping_tail(link)
    return tree


def is_control(link: etree._Element) -> bool:
    """A link that does something on the page rather than lead to another page."""
    href = (link.get("href") or "").strip()
    if link.get("download") is not None or (link.get("role") or "").lower() == "button":
        return True
    if _SCRIPT.match(href) or _SHARE.search(href):
        return True
    if href in ("", "#") and any(name.startswith("on") for name in link.attrib):
        return True
    return bool(_FILE.search(href))


def _only_leads_in(block: etree._Element, links: list[etree._Element]) -> bool:
    """The block's words outside `links` are a short lead-in ending in a colon, and nothing
    follows the last link but its stop."""
    words = "".join(p for p in _pieces(block, frozenset(links)) if isinstance(p, str))
    words = " ".join(words.split()).rstrip(" .!?")
    return words.endswith(":") and len(words.split()) <= LEAD_IN_MAX_WORDS


def _mostly_controls(block: etree._Element, links: list[etree._Element]) -> bool:
    """Most of the block's words are its controls' labels, with a few words around them ("Check
    the <a>forecast for your area</a> or <a>sign up for alerts</a>.")."""
    outside = "".join(p for p in _pieces(block, frozenset(links)) if isinstance(p, str))
    around = len(re.findall(r"\w+", outside))
    labels = sum(len(re.findall(r"\w+", "".join(link.itertext()))) for link in links)
    return around <= LEAD_IN_MAX_WORDS and labels > around


def _leading_stop(tail: str) -> str:
    match = re.match(r"^\s*[.!?]?", tail)
    return match.group(0) if match else ""


def _block_of(link: etree._Element) -> etree._Element | None:
    return next((a for a in link.iterancestors() if a.tag in _BLOCKS), None)


def _standing_alone(block: etree._Element, links: list[etree._Element]) -> list[etree._Element]:
    """Those of `links` that stand as sentences of `block`, in one pass over its text however
    many links it holds. A control already found is no part of the text before the next one
    ("Share on Facebook Email a friend")."""
    pieces = list(_pieces(block, frozenset(links)))
    alone: list[etree._Element] = []
    before = ""
    for at, piece in enumerate(pieces):
        if isinstance(piece, str):
            before = (before + piece)[-_CONTEXT_CHARS:]
            continue
        after = ""
        for later in pieces[at + 1 : at + 1 + _CONTEXT_PIECES]:
            after += later if isinstance(later, str) else "".join(later.itertext())
            if len(after.strip()) >= _CONTEXT_CHARS:
                break
        if _SENTENCE_ENDED.search(" ".join(before.split())) and _OWN_STOP.match(after):
            alone.append(piece)
        else:
            before = (before + "".join(piece.itertext()))[-_CONTEXT_CHARS:]
    return alone


def _pieces(
    element: etree._Element, links: frozenset[etree._Element]
) -> Iterator[str | etree._Element]:
    """The element's visible text in reading order, each of `links` as itself."""
    if element in links:
        yield element
        return
    if isinstance(element.tag, str) and element.tag not in ("script", "style", "template"):
        yield element.text or ""
        for child in element:
            yield from _pieces(child, links)
            yield child.tail or ""
