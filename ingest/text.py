"""Markdown and plain-text articles, with optional YAML front matter (title, url, source, reviewed).

Text with Markdown headings is read as Markdown (`ingest.markdown`). Other text is treated as
possibly scraped: page chrome is removed by `ingest.boilerplate` and short heading lines that head
a paragraph start sections; a title or heading in capitals is read in sentence case
(`ingest.plain_case`). A leaflet's "Q:"/"A:" marks, its list items wrapped onto indented lines,
and its closing contact rows and small print are read first (`ingest.question_answer_marks`,
`ingest.plain_items`, `ingest.plain_closing`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import yaml

from healthqa.errors import IngestError
from ingest.aligned_tables import with_aligned_tables
from ingest.encoding import as_utf8
from ingest.markdown import has_headings, markdown_sections
from ingest.model import Article, Section
from ingest.plain_case import own_spellings, sentence_case
from ingest.plain_closing import with_closing_block_read
from ingest.plain_items import with_wrapped_items_joined
from ingest.question_answer_marks import with_question_answer_marks_read
from ingest.review_date import date_stated_in_text
from ingest.scraped.boilerplate import clean_scraped_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELDS = ("title", "url", "source", "reviewed")
# Share of control characters above which "text" is really binary data.
_BINARY_CONTROL_SHARE = 0.05


def load_text(path: Path, *, doc_id: str | None = None) -> Article:
    text = decode_text(_read(path), name=str(path))
    front, body = split_front_matter(text, name=str(path))
    title, found = markdown_sections(body) if has_headings(body) else _plain_sections(body)
    title = _without_site_name(title, body) if title else title
    sections = tuple(s for s in found if s.text)
    if not sections:
        raise IngestError(f"{path} contains no article text.")
    return Article(
        doc_id=doc_id if doc_id is not None else path.as_posix(),
        title=front.get("title") or title or _title_from_name(path),
        sections=sections,
        url=front.get("url"),
        source=front.get("source"),
        reviewed=front.get("reviewed") or date_stated_in_text(body),
        path=str(path),
        metadata={k: v for k, v in front.items() if k not in _FRONT_MATTER_FIELDS},
    )


def looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f")
    return bool(sample) and controls / len(sample) > _BINARY_CONTROL_SHARE


def decode_text(data: bytes, *, name: str) -> str:
    data = as_utf8(data, name=name)
    if looks_binary(data):
        raise IngestError(f"{name} looks like binary data, not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older saved pages are often Windows-1252; every byte decodes, so nothing is lost silently.
        return data.decode("cp1252", errors="replace")


def split_front_matter(text: str, *, name: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise IngestError(f"{name} has malformed YAML front matter{where}.") from None
    except (ValueError, OverflowError) as exc:  # a value YAML parses but Python refuses: 2023-02-30
        raise IngestError(f"{name} has front matter with an impossible value ({exc}).") from None
    except RecursionError:
        raise IngestError(f"{name} has front matter nested too deeply to read.") from None
    if loaded is None:
        return {}, text[match.end() :]
    if not isinstance(loaded, dict):
        raise IngestError(f"{name} has front matter that is not a set of key: value fields.")
    fields = {
        str(key): _scalar(value)
        for key, value in loaded.items()
        if value is not None and not isinstance(value, dict | list)
    }
    for key, value in fields.items():
        try:
            f"{key}{value}".encode()
        except UnicodeEncodeError:
            raise IngestError(
                f"{name} has front matter field {key!r} with a lone surrogate escape "
                "(such as \\ud800), which is not a character."
            ) from None
    return fields, text[match.end() :]


def _scalar(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path} could not be read ({exc.strerror or exc}).") from None


def _plain_sections(text: str) -> tuple[str | None, list[Section]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = with_closing_block_read(with_wrapped_items_joined(with_question_answer_marks_read(text)))
    cleaned = clean_scraped_text(with_aligned_tables(text))
    sections: list[Section] = []
    heading, paragraphs = "", list[str]()
    for block in cleaned.blocks:
        if block.heading:
            sections.append(Section(heading=heading, text="\n\n".join(paragraphs)))
            heading, paragraphs = block.text, []
        else:
            paragraphs.append(block.text)
    sections.append(Section(heading=heading, text="\n\n".join(paragraphs)))
    spellings = own_spellings(section.text for section in sections)
    title = sentence_case(cleaned.title, spellings) if cleaned.title else cleaned.title
    return title, [replace(s, heading=sentence_case(s.heading, spellings)) for s in sections]


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _without_site_name(title: str, body: str) -> str:
    """ "Bunions | Example Foot Centre" -> "Bunions" when the page also heads its text with
    "Bunions" alone: a saved page keeps its browser title (topic and site) above its own
    heading (the topic), and the site's name is no part of what the article is about."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    lines = {" ".join(line.split()).casefold() for line in body.splitlines()}
    return next((part for part in parts if part.casefold() in lines and part != title), title)


def _title_from_name(path: Path) -> str:
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:] if words else path.name
