"""MedQuAD XML: one article per file, one section per question/answer pair.

Two schemas exist: `<Document id source url><Focus><QAPairs><QAPair pid><Question qid qtype>
<Answer>` and the older NINDS one `<doc docid corpus url><doctitle-focus><qaPairs><pair pid>
<question qid qtype><answer>`. Parsing is defused: no DTDs, entities or external references.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from healthqa.errors import IngestError
from ingest.medquad_lists import split_run_in_lists
from ingest.model import Article, Section

_ROOT_TAG = re.compile(rb"<(Document|doc|DiseaseFile)[\s>]")
# What may come before the root: the XML declaration, comments, and a DOCTYPE (which the loader
# then refuses, saying so, rather than the file being passed over as some other XML).
_PROLOGUE = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.DOTALL)
_BULLET_START = re.compile(r"(?:^|\n|[ \t]{2,})[ \t]*-[ \t]+")
# A long space run after a sentence closes a run-in list item and starts a new paragraph.
_LIST_END = re.compile(r"(?<=[.!?:;])[ \t]{4,}")
# Markup some answers carry inside their text; these end a line, any other element is inline.
_LINE_BREAKING = frozenset({"br", "p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4"})


@dataclass(frozen=True)
class _Schema:
    id_attr: str
    source_attr: str
    focus: str
    pairs: str
    pair: str
    question: str
    answer: str


_SCHEMAS = {
    "Document": _Schema("id", "source", "Focus", "QAPairs", "QAPair", "Question", "Answer"),
    "doc": _Schema("docid", "corpus", "doctitle-focus", "qaPairs", "pair", "question", "answer"),
    # One CDC file uses this root with the Document layout inside.
    "DiseaseFile": _Schema("fid", "source", "Focus", "QAPairs", "QAPair", "Question", "Answer"),
}


def looks_like_medquad(data: bytes) -> bool:
    """The first element is a MedQuAD document (after any XML declaration, comments and
    DOCTYPE)."""
    head = _PROLOGUE.sub(b"", data[:65536]).lstrip()
    return bool(_ROOT_TAG.match(head))


def load_medquad(path: Path, *, doc_id: str | None = None) -> Article:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path} could not be read ({exc.strerror or exc}).") from None
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise IngestError(
            f"{path} uses XML entities or a DTD (<!DOCTYPE>), which are refused for safety."
        ) from None
    except ET.ParseError as exc:
        raise IngestError(f"{path} is not well-formed XML ({exc}).") from None
    except LookupError as exc:  # <?xml encoding="..."?> names an encoding Python does not know
        raise IngestError(f"{path} declares an encoding that cannot be read ({exc}).") from None
    except (ValueError, UnicodeError) as exc:
        raise IngestError(f"{path} cannot be decoded as XML ({exc}).") from None
    schema = _SCHEMAS.get(root.tag)
    if schema is None:
        raise IngestError(f"{path} is XML but not a MedQuAD document (root <{root.tag}>).")
    document_id = (root.get(schema.id_attr) or "").strip()
    source = (root.get(schema.source_attr) or "").strip()
    if not document_id or not source:
        raise IngestError(
            f"{path} is a MedQuAD document without its {schema.id_attr} or "
            f"{schema.source_attr} attribute."
        )
    focus = " ".join(element_text(root.find(schema.focus)).split())
    sections = tuple(_sections(root, schema, keep_unanswered=False))
    metadata = {
        "source": source,
        "document_id": document_id,
        "focus": focus,
        "collection": path.parent.name,
    }
    if not sections:
        # A few files carry questions whose answers were never filled in, or no pairs at all.
        # Every file still yields its article (the question, else the focus, as text), marked so
        # callers can leave it out of answers.
        sections = tuple(_sections(root, schema, keep_unanswered=True))
        metadata["unanswered"] = "true"
    if not sections and focus:
        sections = (Section(heading=focus, text=focus),)
    if not sections:
        raise IngestError(f"{path} is a MedQuAD document without a focus, question or answer.")
    return Article(
        doc_id=doc_id if doc_id is not None else medquad_doc_id(path, source, document_id),
        title=focus or sections[0].heading,
        sections=sections,
        url=(root.get("url") or "").strip() or None,
        source=source,
        path=str(path),
        metadata=metadata,
    )


def medquad_doc_id(path: Path, source: str, document_id: str) -> str:
    """`medquad/<source>/<id>`; CancerGov splits one id over files `<id>_1.xml`, `<id>_2.xml`
    with different foci, so a file name that extends the id names the document instead."""
    key = path.stem if path.stem.startswith(f"{document_id}_") else document_id
    return f"medquad/{source}/{key}"


def _sections(root: ET.Element, schema: _Schema, *, keep_unanswered: bool) -> list[Section]:
    sections = []
    for pair in root.iterfind(f"{schema.pairs}/{schema.pair}"):
        question = pair.find(schema.question)
        if question is None:
            continue
        heading = tidy_question(element_text(question))
        answer = normalise_answer(element_text(pair.find(schema.answer)))
        if not answer and keep_unanswered:
            answer = heading
        if not answer:
            continue
        sections.append(
            Section(
                heading=heading,
                text=answer,
                metadata={
                    "pair_id": pair.get("pid", ""),
                    "qid": question.get("qid", ""),
                    "qtype": question.get("qtype", ""),
                },
            )
        )
    return sections


def element_text(element: ET.Element | None) -> str:
    """All the text inside an element, its children's included (`findtext` stops at the first
    child, so an answer with a `<br/>` lost everything after it). A `<br/>` becomes a line
    break, a block such as `<p>` or `<li>` its own lines, any other child is read inline."""
    if element is None:
        return ""
    parts: list[str] = []
    # Depth first without recursion: a hostile file may nest thousands of elements deep.
    stack: list[ET.Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = item.tag.lower() if isinstance(item.tag, str) else ""
        breaks = tag in _LINE_BREAKING and item is not element
        parts.append(("\n" if breaks else "") + (item.text or ""))
        if item is not element:
            stack.append(("\n" if breaks and tag != "br" else "") + (item.tail or ""))
        stack.extend(reversed(list(item)))
    return "".join(parts)


def tidy_question(question: str) -> str:
    """'what is holmes-adie syndrome ?' reads as 'What is holmes-adie syndrome?', and 'What is
    (are) Shingles ?' as 'What is Shingles?'."""
    text = re.sub(r"\s+([?.!,])", r"\1", " ".join(question.split()))
    # MedQuAD's template questions: "What is (are) Shingles ?", "Who is at risk for X? ?"
    text = re.sub(r"\b(is|are) \((is|are)\)", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"\?[?\s]*$", "?", text)
    return text[:1].upper() + text[1:]


def normalise_answer(answer: str) -> str:
    """Whitespace collapsed; run-in "  - item" bullets become one "- item" line each (and a
    list's first item after a single-spaced dash, see medquad_lists.py); blank lines separate
    paragraphs."""
    text = _LIST_END.sub("\n", split_run_in_lists(answer.replace("\r", "")))
    text = _BULLET_START.sub("\n- ", text)
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line in {"", "-"}:
            if current:
                paragraphs.append("\n".join(current))
            current = []
        elif current and line[0].islower() and not re.search(r"[.!?:;]$", current[-1]):
            current[-1] = f"{current[-1]} {line}"  # a sentence wrapped across source lines
        else:
            current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)
