"""Find article files under ingest roots, check what each really is, and load it with stable ids.

Ids: a format's own id when it has one (MedQuAD, BEIR), an HTML page's canonical URL, otherwise
the file's resolved absolute path: re-ingesting the same file updates it, and two files with the
same name in different folders stay two documents. Every article records that absolute path, so
`--prune` can tell which documents live under a folder whatever the working directory.
(Plain files used to be named by their path relative to the ingest root; the pipeline moves such
older documents to their new id the first time their file is seen again.)
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from healthqa.errors import FileLimitExceeded, IngestError, UnsupportedFormat
from healthqa.settings import Settings
from ingest.beir import load_beir, looks_like_beir
from ingest.encoding import as_utf8
from ingest.html import load_html, looks_like_html
from ingest.html_lost_structure import lost_structure_warnings
from ingest.medquad import load_medquad, looks_like_medquad
from ingest.model import Article
from ingest.pdf import is_pdf, load_pdf
from ingest.text import load_text, looks_binary


class Format(StrEnum):
    HTML = "html"
    PDF = "pdf"
    TEXT = "text"  # Markdown or plain text
    MEDQUAD = "medquad"
    BEIR = "beir"


EXTENSIONS: dict[str, Format] = {
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".pdf": Format.PDF,
    ".md": Format.TEXT,
    ".markdown": Format.TEXT,
    ".txt": Format.TEXT,
    ".xml": Format.MEDQUAD,
    ".jsonl": Format.BEIR,
}
# Files shipped beside articles that are about the collection, not part of it.
_NOT_ARTICLES = re.compile(r"^(licen[cs]e|copying|readme|notice|changelog)", re.IGNORECASE)


@dataclass(frozen=True)
class SourceFile:
    path: Path  # as found under the root, not resolved, so it matches what the user passed
    root: Path
    relative: str  # posix path from the root, for display
    walked: bool = False  # found inside a folder given to ingest, not named itself

    @property
    def resolved(self) -> Path:
        """The absolute file, symlinks followed: its identity, whatever the working directory."""
        return Path(os.path.realpath(self.path))

    def check_inside_root(self) -> None:
        """A file found in a folder must really be in it: a link out of the folder (to
        /etc/passwd, to another user's notes) is refused. A file named itself may be a link."""
        if not self.walked:
            return
        root = Path(os.path.realpath(self.root))
        if not self.resolved.is_relative_to(root):
            raise IngestError(
                f"{self.path} is a link to {self.resolved}, outside the folder {self.root}, so "
                "it was not read (name that path itself to ingest it)."
            )


@dataclass(frozen=True)
class LoadLimits:
    """What one file may cost to load; beyond it the file fails alone (see ingest.isolation for
    the time and memory limits, which only a separate process can enforce)."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_html_bytes: int = 5 * 1024 * 1024
    max_text_bytes: int = 1024 * 1024
    max_decompressed_bytes: int = 200 * 1024 * 1024
    max_pages: int = 2000

    @classmethod
    def from_settings(cls, settings: Settings) -> LoadLimits:
        return cls(
            max_file_bytes=settings.max_file_bytes,
            max_html_bytes=settings.max_html_bytes,
            max_text_bytes=settings.max_text_bytes,
            max_decompressed_bytes=settings.max_decompressed_bytes,
            max_pages=settings.max_pages,
        )


@dataclass(frozen=True)
class FileContents:
    """What one file holds: its articles, and a sentence for each part of it that was skipped
    (a corpus's broken lines) so the report can name them while the rest is ingested."""

    articles: tuple[Article, ...]
    warnings: tuple[str, ...] = ()


def discover(roots: Sequence[Path]) -> Iterator[SourceFile]:
    """Every candidate article file under the roots, in a deterministic order."""
    for root in roots:
        if root.is_file():
            if _wanted(root.name):
                yield SourceFile(path=root, root=root.parent, relative=root.name)
        elif root.is_dir():
            yield from _walk(root)
        else:
            raise IngestError(f"{root} does not exist or is not a file or folder.")


def _walk(root: Path) -> Iterator[SourceFile]:
    """Links are followed only while they stay inside the root: a file or folder linked from
    outside comes back as one source that `load_source` refuses, so the run reports it."""
    visited: set[tuple[int, int]] = set()
    real_root = Path(os.path.realpath(root))
    for current, dirnames, filenames in os.walk(root, followlinks=True):
        stat = Path(current).stat()
        if (stat.st_dev, stat.st_ino) in visited:
            dirnames.clear()  # a symlink led back to a folder already walked
            continue
        visited.add((stat.st_dev, stat.st_ino))
        inside: list[str] = []
        for name in sorted(d for d in dirnames if not d.startswith(".")):
            if Path(os.path.realpath(Path(current) / name)).is_relative_to(real_root):
                inside.append(name)
            else:
                yield _walked(root, Path(current) / name)
        dirnames[:] = inside
        for name in sorted(filenames):
            if _wanted(name):
                yield _walked(root, Path(current) / name)


def _walked(root: Path, path: Path) -> SourceFile:
    return SourceFile(path=path, root=root, relative=path.relative_to(root).as_posix(), walked=True)


def _wanted(name: str) -> bool:
    return not name.startswith(".") and not _NOT_ARTICLES.match(name)


def sniff_format(data: bytes, filename: str) -> Format:
    """The format of a file judged by its content; the name only chooses among text formats."""
    extension = Path(filename).suffix.lower()
    claimed = EXTENSIONS.get(extension)
    if is_pdf(data):
        if claimed not in {None, Format.PDF}:
            raise IngestError(f"{filename} is a PDF file despite its {extension} extension.")
        return Format.PDF
    if claimed is None:
        kinds = ", ".join(sorted(EXTENSIONS))
        raise UnsupportedFormat(
            f"{filename} is not a supported article type ({extension or 'no extension'}); "
            f"HealthQA reads {kinds}."
        )
    if claimed is Format.PDF:
        raise IngestError(f"{filename} is named .pdf but is not a PDF file.")
    # MedQuAD XML keeps its own bytes (the XML parser reads a byte-order mark itself); the other
    # text formats are read through ingest.encoding too.
    data = as_utf8(data, name=filename)
    if looks_binary(data):
        raise IngestError(f"{filename} contains binary data, not {extension[1:]} text.")
    if claimed is Format.HTML and not looks_like_html(data):
        raise IngestError(f"{filename} is named {extension} but contains no HTML markup.")
    if claimed is Format.MEDQUAD and not looks_like_medquad(data):
        raise UnsupportedFormat(f"{filename} is XML but not a MedQuAD document.")
    if claimed is Format.BEIR and not looks_like_beir(data):
        raise UnsupportedFormat(
            f"{filename} is not a BEIR corpus (each line must be a JSON object with _id and title)."
        )
    return claimed


def load_source(source: SourceFile, limits: LoadLimits | None = None) -> FileContents:
    limits = limits or LoadLimits()
    source.check_inside_root()
    try:
        size = source.path.stat().st_size
        if size > limits.max_file_bytes:
            raise FileLimitExceeded(
                f"{source.path} is {_size(size)}; files over {_size(limits.max_file_bytes)} "
                "are not ingested (HEALTHQA_MAX_FILE_BYTES)."
            )
        _check_format_size(source.path, size, limits)
        data = source.path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{source.path} could not be read ({exc.strerror or exc}).") from None
    kind = sniff_format(data, str(source.path))
    identity = source.resolved.as_posix()
    articles: list[Article] | tuple[Article, ...]
    warnings: tuple[str, ...] = ()
    if kind is Format.BEIR:
        corpus = load_beir(source.path)
        articles, warnings = corpus.articles, corpus.warnings(source.path.name)
    elif kind is Format.MEDQUAD:
        articles = [load_medquad(source.path)]
    elif kind is Format.PDF:
        articles = [
            load_pdf(
                source.path,
                doc_id=identity,
                max_pages=limits.max_pages,
                max_decompressed_bytes=limits.max_decompressed_bytes,
            )
        ]
    elif kind is Format.TEXT:
        articles = [load_text(source.path, doc_id=identity)]
    else:
        page = load_html(source.path, doc_id=identity)
        warnings = lost_structure_warnings(data, page, name=source.path.name)
        url_id = url_doc_id(page.url)
        articles = [dataclasses.replace(page, doc_id=url_id) if url_id else page]
    return FileContents(
        tuple(dataclasses.replace(a, path=identity) for a in articles), warnings
    )


def _check_format_size(path: Path, size: int, limits: LoadLimits) -> None:
    """Told by the name, before reading: a file named .html that is not HTML is refused anyway
    (sniff_format), and past these sizes loading would hit the loader's time or memory limit,
    whose message does not say the file is simply too big. Corpora (BEIR, MedQuAD) hold many
    small documents and keep only max_file_bytes."""
    claimed = EXTENSIONS.get(path.suffix.lower())
    if claimed is Format.HTML and size > limits.max_html_bytes:
        raise FileLimitExceeded(
            f"{path} is {_size(size)}; HTML pages over {_size(limits.max_html_bytes)} "
            "are not ingested (HEALTHQA_MAX_HTML_BYTES)."
        )
    if claimed is Format.TEXT and size > limits.max_text_bytes:
        raise FileLimitExceeded(
            f"{path} is {_size(size)}; Markdown and text articles over "
            f"{_size(limits.max_text_bytes)} are not ingested (HEALTHQA_MAX_TEXT_BYTES)."
        )


def _size(count: int) -> str:
    return f"{count / 2**20:,.1f} MB" if count >= 2**20 else f"{count / 1024:,.1f} KB"


def url_doc_id(url: str | None) -> str | None:
    """A page URL is a stable id only when it names a page: a bare site root, which careless
    templates put in og:url on every page, would merge unrelated articles into one."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path in {"", "/"}:
        return None
    return parts._replace(fragment="").geturl()
