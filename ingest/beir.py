"""BEIR corpus files: one JSON object per line, `{_id, title, text, metadata: {url, ...}}`.

The `_id` is kept exactly as the document id so benchmark judgements (qrels) point at it. A
broken line (not JSON, no `_id`, no text, ...) is skipped and named with its number and what is
wrong, and the rest of the corpus is loaded: one typo must not cost an editor thousands of good
documents, and the report says which line to repair. A line repeating an earlier `_id` is
skipped the same way; the first record with that id is kept. A file that is mostly broken is
refused whole (`_MAX_BROKEN_SHARE`): it is not a corpus with typos but something else.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from healthqa.errors import IngestError
from ingest.encoding import as_utf8
from ingest.model import Article, Section

_TITLE_FROM_TEXT_CHARS = 100
# More broken records than this share of the file's records, and the file is refused. Judged
# over the whole file, not its head: a damaged stretch near the top of a long good corpus must
# not cost the rest of it. Past half, the file is not a corpus with typos but another kind of
# file (queries, another JSON format, a truncated or binary copy), and its "good" lines would
# put fragments in the index. Duplicate ids do not count: those lines are good records.
_MAX_BROKEN_SHARE = 0.5
# Broken lines named one by one in the report; the rest are counted, so a report stays readable.
MAX_LINES_NAMED = 10
# The first lines the sniff reads for a record: a typo on line 1 must not hide the corpus.
_SNIFF_LINES = 10


@dataclass(frozen=True)
class BrokenLine:
    number: int  # 1-based line number in the file
    problem: str  # what is wrong, a phrase: "not JSON (Expecting ',' delimiter at column 30)"
    duplicate: bool = False  # a good record whose _id an earlier line already used


@dataclass(frozen=True)
class BeirCorpus:
    """The records of a corpus file that could be read, and the lines that were skipped."""

    articles: tuple[Article, ...]
    broken: tuple[BrokenLine, ...] = ()

    def warnings(self, name: str) -> tuple[str, ...]:
        """One sentence per skipped line, the first `MAX_LINES_NAMED` of them, then a count."""
        said = tuple(
            f"{name} line {line.number:,}: {line.problem}; skipped."
            for line in self.broken[:MAX_LINES_NAMED]
        )
        more = len(self.broken) - MAX_LINES_NAMED
        if more > 0:
            said += (f"{name}: and {more:,} more broken lines; skipped.",)
        return said


class _Broken(Exception):
    """A line that is not a usable record; its message says why."""


def looks_like_beir(data: bytes) -> bool:
    """The first line that is JSON is an object with an `_id` and a `title` (queries have none).

    Lines that are not JSON are passed over, a few of them, so a typo on the first line is
    reported by the loader as that line, not as the whole file being of another kind.
    """
    tried = 0
    for raw in data.splitlines():
        if not raw.strip():
            continue
        try:
            first = json.loads(raw)
        except RecursionError:
            return True  # too deeply nested to tell: the loader names the line
        except ValueError:
            tried += 1
            if tried >= _SNIFF_LINES:
                return False
            continue
        return isinstance(first, dict) and "_id" in first and "title" in first
    return False


def load_beir(path: Path) -> BeirCorpus:
    try:
        lines = as_utf8(path.read_bytes(), name=str(path)).decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(f"{path} could not be read as UTF-8 text ({exc}).") from None
    articles: list[Article] = []
    broken: list[BrokenLine] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            article = _record(line, path=path)
        except _Broken as problem:
            broken.append(BrokenLine(number, str(problem)))
            continue
        if article.doc_id in seen:
            broken.append(
                BrokenLine(
                    number,
                    f"repeats the _id {article.doc_id!r} of line {seen[article.doc_id]:,}, "
                    "whose record is kept",
                    duplicate=True,
                )
            )
            continue
        seen[article.doc_id] = number
        articles.append(article)
    _check_mostly_records(path, len(articles), broken)
    return BeirCorpus(tuple(articles), tuple(broken))


def _check_mostly_records(path: Path, good: int, broken: list[BrokenLine]) -> None:
    malformed = [line for line in broken if not line.duplicate]
    records = good + len(malformed)
    if good and len(malformed) <= _MAX_BROKEN_SHARE * records:
        return
    if not records:
        raise IngestError(f"{path} contains no corpus records.")
    first = malformed[0]
    if not good:
        raise IngestError(
            f"{path} was not ingested: none of its {records:,} lines is a BEIR corpus record "
            f"(line {first.number:,}: {first.problem})."
        )
    raise IngestError(
        f"{path} was not ingested: {len(malformed):,} of the {records:,} lines read are broken "
        f"(line {first.number:,}: {first.problem}), more than half, so it is not a BEIR corpus "
        "with a few broken lines."
    )


def _record(line: str, *, path: Path) -> Article:
    try:
        record = json.loads(line)
    except RecursionError:
        raise _Broken("nests JSON too deeply to read") from None
    except json.JSONDecodeError as error:
        raise _Broken(f"not JSON ({error.msg} at column {error.colno})") from None
    except ValueError:
        raise _Broken("not JSON") from None
    if not isinstance(record, dict):
        raise _Broken("not a JSON object")
    doc_id, title, text = record.get("_id"), record.get("title", ""), record.get("text")
    if not isinstance(doc_id, str) or not doc_id:
        raise _Broken("a record without a string _id")
    if text is None:
        raise _Broken(f"record {doc_id!r} has no text field")
    if not isinstance(title, str) or not isinstance(text, str):
        raise _Broken(f"record {doc_id!r} needs string title and text fields")
    # Whitespace inside the text is the cleaning's to normalise (ingest.cleaning), which keeps
    # blank lines as paragraph breaks.
    text = text.strip()
    title = " ".join(title.split())
    if not text:
        raise _Broken(f"record {doc_id!r} has an empty text")
    raw_metadata = record.get("metadata") or {}
    if not isinstance(raw_metadata, dict):
        raise _Broken(f"record {doc_id!r} has a metadata field that is not an object")
    metadata = {str(k): str(v) for k, v in raw_metadata.items() if isinstance(v, str | int | float)}
    if not all(_encodable(s) for s in (doc_id, title, text, *metadata, *metadata.values())):
        raise _Broken(
            f"record {doc_id!r} contains a lone surrogate escape such as \\ud800, which is "
            "not a character"
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
