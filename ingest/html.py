"""Saved web pages: the main content only (trafilatura), with title, canonical URL and date.

Each heading inside the main content starts a section, so a page's structure survives chunking.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from healthqa.errors import IngestError
from ingest.encoding import as_utf8
from ingest.heading_paths import Heading, section_groups, with_group_recorded
from ingest.html_callout_labels import with_callout_labels_as_lead_ins
from ingest.html_callouts import with_article_callouts, with_labelled_divs_as_paragraphs
from ingest.html_captions import with_captions_as_text
from ingest.html_controls import without_control_links
from ingest.html_div_blocks import with_div_paragraphs
from ingest.html_furniture import without_site_furniture
from ingest.html_landmark import with_main_landmark
from ingest.html_marks import with_article_marks_kept
from ingest.html_structure import with_kept_structure
from ingest.html_table_headings import with_table_headings
from ingest.html_tree import remove_keeping_tail
from ingest.model import Article, Section
from ingest.review_date import stated_review_date
from ingest.tables import Row, table_text
from ingest.text import looks_binary

_HTML_HINT = re.compile(rb"<\s*(!doctype\s+html|html|head|body|article|main|div|p|h[1-6])\b", re.I)
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}")


# A long encyclopedia article has about 1,500 paragraphs, list items and cells.
MAX_BLOCKS_FOR_FALLBACKS = 5000
_BLOCK_TAGS = ("p", "li", "div", "td", "tr", "dd", "dt", "blockquote", "section", "pre")


def _block_count(tree: etree._Element) -> int:
    return sum(1 for _ in tree.iter(*_BLOCK_TAGS))


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_HINT.search(data[:65536]))


def load_html(path: Path, *, doc_id: str | None = None) -> Article:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path} could not be read ({exc.strerror or exc}).") from None
    data = as_utf8(data, name=str(path))
    if looks_binary(data) or not looks_like_html(data):
        raise IngestError(f"{path} does not contain an HTML page.")
    tree = _parsed(data)
    page: str | bytes = data
    if tree is not None:
        # The page's own paragraphs find its content first; a page that writes its paragraphs
        # as <div>s has none until they are named so.
        kept = with_main_landmark(with_div_paragraphs(with_main_landmark(tree)))
        kept = with_article_callouts(with_callout_labels_as_lead_ins(kept))
        kept = with_labelled_divs_as_paragraphs(kept)
        kept = with_kept_structure(with_captions_as_text(with_table_headings(kept)))
        kept = without_control_links(without_site_furniture(kept))
        page = _without_apparatus(with_article_marks_kept(kept))
    extracted = trafilatura.bare_extraction(
        page,
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        with_metadata=True,
        favor_precision=True,
        # trafilatura's second opinions (jusText) compare every block with its neighbours
        # quadratically: a 1 MB page of 30,000 tiny blocks took 86 s of CPU. A page with more
        # blocks than any article has gets the main extractor alone.
        fast=tree is not None and _block_count(tree) > MAX_BLOCKS_FOR_FALLBACKS,
        # Only dates the page states about itself, not ones guessed from its text or footer.
        date_extraction_params={"extensive_search": False, "original_date": False},
    )
    body = getattr(extracted, "body", None)
    if extracted is None or body is None:
        raise IngestError(f"{path} has no main article text that could be extracted.")
    title = _clean(getattr(extracted, "title", None) or "")
    sections = tuple(s for s in _sections(body, title) if s.text)
    if not sections:
        raise IngestError(f"{path} has no main article text that could be extracted.")
    url = canonical_url(data) or _clean(getattr(extracted, "url", None) or "") or None
    # The page's own statement first: it prefers a reviewed date to an updated one, and reads a
    # numeric date the way round the page writes dates, where trafilatura guesses day first.
    date = stated_review_date(tree, _visible_text(tree)) if tree is not None else None
    if date is None:
        date = getattr(extracted, "date", None)
    site = getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None)
    return Article(
        doc_id=doc_id if doc_id is not None else (url or path.as_posix()),
        title=_without_site_name(title, site) or _first_heading(sections) or path.stem,
        sections=sections,
        url=url,
        source=getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None),
        reviewed=date[:10] if isinstance(date, str) and _ISO_MONTH.match(date) else None,
        path=str(path),
    )


# The apparatus of an encyclopedia or a journal page, not its article: footnote marks
# ("condition.2" once flattened), an infobox of facts that led every answer, edit links in
# headings ("Prevention[edit]"), reference lists and tables of contents.
_APPARATUS_CLASSES = frozenset(
    {"infobox", "navbox", "mw-editsection", "reflist", "references", "reference-list", "toc",
     "citation-list", "footnotes"}
)
_FOOTNOTE_MARK = re.compile(r"^\s*[\[(]?\s*[\d,\s–-]{1,12}\s*[\])]?\s*$")


def _without_apparatus(tree: etree._Element) -> str:
    """The page as markup without footnote marks and the apparatus around an article."""
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        classes = set((element.get("class") or "").lower().split())
        apparatus = bool(classes & _APPARATUS_CLASSES)
        apparatus = apparatus or (element.get("id") or "").lower() in _APPARATUS_CLASSES
        mark = element.tag == "sup" and _is_footnote_mark(element)
        if apparatus or mark:
            doomed.append(element)
    for element in doomed:
        remove_keeping_tail(element)
    return str(lxml.html.tostring(tree, encoding="unicode"))


def _is_footnote_mark(sup: etree._Element) -> bool:
    """A superscript that only numbers a note: a link or brackets, or a number after a word or
    a full stop ("condition.2", "United States1"). Not an exponent: "kg/m2", "10^9/L"."""
    if not _FOOTNOTE_MARK.match(sup.text_content() or ""):
        return False
    if sup.find(".//a") is not None or re.search(r"[\[\]()]", sup.text_content() or ""):
        return True
    previous = sup.getprevious()
    before = (previous.tail if previous is not None else sup.getparent().text) or ""
    if previous is not None and not before:
        before = previous.text_content() or ""
    return bool(re.search(r"([.,;:!?)\]]|[A-Za-z]{4,})\s*$", before))


def _without_site_name(title: str, site: str | None) -> str:
    """"Psoriasis | Skin Health Alliance" -> "Psoriasis" when the tail names the site."""
    if not title or not site:
        return title
    head, separator, tail = max(
        (title.rpartition(sep) for sep in (" | ", " - ", " – ", " — ")), key=lambda p: len(p[0])
    )
    if not separator or not head.strip():
        return title
    letters = re.sub(r"[^a-z0-9]", "", tail.lower())
    return head.strip() if letters and letters in re.sub(r"[^a-z0-9]", "", site.lower()) else title


def _parsed(page: bytes) -> etree._Element | None:
    """The page's tree, decoded as UTF-8 when it is UTF-8: given bytes without a charset
    declaration, lxml reads them as Latin-1 ("CafÃ©")."""
    try:
        page.decode("utf-8")
    except UnicodeDecodeError:
        parser = None  # another encoding: lxml reads the page's own declaration
    else:
        parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        return lxml.html.fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _visible_text(tree: etree._Element) -> str:
    """The page's text as lines, without scripts and styles."""
    hidden = {"script", "style", "noscript", "template"}
    parts: list[str] = []
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag not in hidden and element.text:
            parts.append(element.text)
        if element.tail and element.getparent() is not None:
            parts.append(element.tail)  # text after an element belongs to its parent
    parts = [p for p in parts if p.strip()]
    return "\n".join(" ".join(p.split()) for p in parts)


def canonical_url(page: bytes) -> str | None:
    """The page's own `<link rel="canonical">`, which trafilatura ranks below og:url."""
    try:
        tree = lxml.html.fromstring(page)
    except (etree.ParserError, ValueError):
        return None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href.startswith(("http://", "https://")):
            return href
    return None


# A label over a page's title ("Fact sheet", "Health A to Z"): a few words, no sentence.
_LABEL_MAX_WORDS = 5
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


def _sections(body: etree._Element, title: str) -> list[Section]:
    sections: list[Section] = []
    levels: list[int] = [0]  # the untitled opening section is under no heading
    heading, paragraphs = "", list[str]()
    for element in body:
        text = _element_text(element)
        if not text:
            continue
        if element.tag == "head":
            if not sections and text == title and all(map(_is_label, paragraphs)):
                # The page's own h1 repeats the title; a label above it names the kind of page
                # or its place on the site, and would open the article's first sentence.
                paragraphs = []
                continue
            sections.append(Section(heading=heading, text="\n\n".join(paragraphs)))
            heading, paragraphs = text, []
            levels.append(_level(element))
        else:
            paragraphs.append(text)
    sections.append(Section(heading=heading, text="\n\n".join(paragraphs)))
    return _with_groups(sections, levels, title)


def _level(head: etree._Element) -> int:
    """A heading's level as the page wrote it (trafilatura keeps "h3" in `rend`)."""
    rend = head.get("rend") or ""
    return int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1].isdigit() else 2


def _with_groups(sections: list[Section], levels: list[int], title: str) -> list[Section]:
    """Subsections of a heading without text of its own, with it recorded as their group
    (`ingest.heading_paths`)."""
    headings = [
        Heading(level, s.heading, has_text=bool(s.text))
        for s, level in zip(sections[1:], levels[1:], strict=True)
    ]
    groups = section_groups(headings, title=title)
    return [sections[0], *map(with_group_recorded, sections[1:], groups)]


def _is_label(text: str) -> bool:
    return (
        len(text.split()) <= _LABEL_MAX_WORDS
        and not text.startswith("- ")
        and not _SENTENCE_END.search(text)
    )


def _element_text(element: etree._Element) -> str:
    if element.tag == "list":
        items = [_clean("".join(item.itertext())) for item in element.findall("item")]
        return "\n".join(f"- {item}" for item in items if item)
    if element.tag == "table":
        return table_text([_row(row) for row in element.iter("row")])
    return _clean("".join(element.itertext()))


def _row(row: etree._Element) -> Row:
    cells = list(row.iter("cell"))
    texts = tuple(_clean("".join(cell.itertext())) for cell in cells)
    heads = [cell.get("role") == "head" for cell, text in zip(cells, texts, strict=True) if text]
    return Row(texts, header=bool(heads) and all(heads))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _first_heading(sections: tuple[Section, ...]) -> str | None:
    return next((s.heading for s in sections if s.heading), None)
