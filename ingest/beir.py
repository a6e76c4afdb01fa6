"""BEIR corpus files: one JSON object per line, `{_id, title, text, metadata: {url, ...}}`.

The `_id` is kept exactly as the document id so benchmark judgements (qrels) point at it. A bad
line fails the whole file with its line number: a corpus loaded with holes would silently score
lower, and the fix is always to repair the file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from healthqa.errors import IngestError
from ingest.encoding import as_utf8
from ingest.model import Article, Section

_TITLE_FROM_TEXT_CHARS = 100


def looks_like_beir(data: bytes) -> bool:
    """The first non-blank line is a JSON object with an `_id` and a `title` (queries have none)."""
    for raw in data.splitlines():
        if raw.strip():
            try:
                first = json.loads(raw)
            except RecursionError:
                return True  # too deeply nested to tell: the loader names the line
            except ValueError:
                return False
            return isinstance(first, dict) and "_id" in first and "title" in first
    return False


def load_beir(path: Path) -> list[Article]:
    try:
        lines = as_utf8(path.read_bytes(), name=str(path)).decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"{path} could not be read as UTF-8 text ({exc}).") from None
    articles: list[Article] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        article = _record(line, path=path, number=number)
        if article.doc_id in seen:
            raise IngestError(
                f"{path} line {number} repeats the _id {article.doc_id!r} "
                f"first used on line {seen[article.doc_id]}."
            )
        seen[article.doc_id] = number
        articles.append(article)
    if not articles:
        raise IngestError(f"{path} contains no corpus records.")
    return articles


def _record(line: str, *, path: Path, number: int) -> Article:
    where = f"{path} line {number}"
    try:
        record = json.loads(line)
    except RecursionError:
        raise IngestError(f"{where} nests JSON too deeply to read.") from None
    except ValueError:
        raise IngestError(f"{where} is not valid JSON.") from None
    if not isinstance(record, dict):
        raise IngestError(f"{where} is not a JSON object.")
    doc_id, title, text = record.get("_id"), record.get("title", ""), record.get("text")
    if not isinstance(doc_id, str) or not doc_id:
        raise IngestError(f"{where} has no string _id.")
    if not isinstance(title, str) or not isinstance(text, str):
        raise IngestError(f"{where} needs string title and text fields.")
    # Whitespace inside the text is the cleaning's to normalise (ingest.cleaning), which keeps
    # blank lines as paragraph breaks.
    text = text.strip()
    title = " ".join(title.split())
    if not text:
        raise IngestError(f"{where} ({doc_id}) has an empty text.")
    raw_metadata = record.get("metadata") or {}
    if not isinstance(raw_metadata, dict):
        raise IngestError(f"{where} has a metadata field that is not an object.")
    metadata = {str(k): str(v) for k, v in raw_metadata.items() if isinstance(v, str | int | float)}
    if not all(_encodable(s) for s in (doc_id, title, text, *metadata, *metadata.values())):
        raise IngestError(
            f"{where} ({doc_id!r}) contains a lone surrogate escape such as \\ud800, "
            "which is not a character; repair the line."
        )
    url = metadata.pop("url", None) or None
    source = metadata.pop("source", None) or None
    return Article(
        doc_id=doc_id,
        title=title or _title_from_text(text),
        sections=(Section(heading="", text=text),),
        url=url,
        source=source,
        path=str(path),
        metadata=metadata,
    )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _title_from_text(text: str) -> str:
    """Untitled passages (a few in MEDIQA) are named by their first sentence, cut short."""
    first = " ".join(re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].split())
    if len(first) <= _TITLE_FROM_TEXT_CHARS:
        return first
    return first[:_TITLE_FROM_TEXT_CHARS].rsplit(" ", 1)[0] + "…"
