"""PDF articles: sections under the headings the pages print, each carrying its 1-based page.

The page's layout is taken back out of its text (`pdf_layout`): running headers and footers, page
numbers and line breaks inside sentences. Where the text sits and how it is printed
(`pdf_page`) give the rest: ruled tables become list items (`pdf_tables`), and lines set
larger or bolder than the body are the headings (`pdf_headings`, `pdf_sections`). The title is
the document's own (its metadata), else the first page's largest letters, else its first
heading or line; the byline printed under it, whose leaflet it is and when, goes
(`pdf_byline`). The date is the one the pages print (`pdf_dates`), often in a footer.

A PDF's streams are compressed, and a small file can inflate to gigabytes ("zip bomb"), so the
loader counts pages and the decoded bytes of each page's content and gives up past the limits.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import LimitReachedError

from healthqa.errors import FileLimitExceeded, IngestError
from ingest.model import Article
from ingest.pdf_byline import byline_lines, without_byline
from ingest.pdf_dates import stated_date
from ingest.pdf_headings import body_size, heading_lines, small_print_lines
from ingest.pdf_indents import lines_after_lists
from ingest.pdf_layout import (
    largest_text,
    without_closing_small_print,
    without_letterhead,
    without_running_lines,
)
from ingest.pdf_page import PageLayout, Piece, read_page
from ingest.pdf_sections import page_sections
from ingest.pdf_tables import PageTables, find_grids

PDF_MAGIC = b"%PDF-"
_TITLE_MAX_CHARS = 200
# Producer defaults that say nothing about the document ("Untitled", "Microsoft Word - x.docx").
_PLACEHOLDER_TITLE = re.compile(
    r"^(untitled|document\d*|microsoft \w+ - .*)$|\.(docx?|pdf|odt|rtf|pages)$", re.IGNORECASE
)


def is_pdf(data: bytes) -> bool:
    return data.lstrip()[: len(PDF_MAGIC)] == PDF_MAGIC


def load_pdf(
    path: Path,
    *,
    doc_id: str | None = None,
    max_pages: int | None = None,
    max_decompressed_bytes: int | None = None,
) -> Article:
    reader = _open(path)
    count = len(reader.pages)
    if max_pages is not None and count > max_pages:
        raise FileLimitExceeded(
            f"{path} has {count:,} pages; PDFs over {max_pages:,} pages are not ingested "
            "(HEALTHQA_MAX_PAGES)."
        )
    if max_decompressed_bytes is not None:  # measured before any text is extracted
        decoded = 0
        for number in range(count):
            decoded += _content_bytes(reader, number, path)
            if decoded > max_decompressed_bytes:
                raise FileLimitExceeded(
                    f"{path} inflates to more than {max_decompressed_bytes / 2**20:,.0f} MB of "
                    f"page content by page {number + 1}; it is not ingested "
                    "(HEALTHQA_MAX_DECOMPRESSED_BYTES)."
                )
    layouts = [_page_layout(reader, number, path) for number in range(count)]
    tables = PageTables()
    pieces = [_pieces_with_tables(layout, tables) for layout in layouts]
    body = body_size(pieces)
    pages = without_running_lines(
        [tidy_page_text("".join(p.text for p in page_pieces)) for page_pieces in pieces]
    )
    first_page = layouts[0].pieces if layouts else ()
    printed_title = largest_text([(piece.size, piece.text) for piece in first_page])
    if pages:
        pages[0] = without_letterhead(pages[0], printed_title)
        pages[0] = without_byline(pages[0], byline_lines(pieces[0], body))
        pages[-1] = without_closing_small_print(pages[-1], small_print_lines(pieces[-1], body))
    sections = page_sections(
        pages,
        [heading_lines(page_pieces, body) for page_pieces in pieces],
        title=printed_title,
        after_lists=[lines_after_lists(page_pieces) for page_pieces in pieces],
    )
    if not sections:
        raise IngestError(
            f"{path} has no extractable text (it may be a scanned image without a text layer)."
        )
    return Article(
        doc_id=doc_id if doc_id is not None else path.as_posix(),
        title=_metadata_title(reader)
        or printed_title
        or sections[0].heading
        or _first_line(sections[0].text),
        sections=sections,
        reviewed=stated_date([layout.text for layout in layouts]),
        path=str(path),
    )


def _open(path: Path) -> PdfReader:
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise IngestError(f"{path} could not be read ({exc.strerror or exc}).") from None
    if not is_pdf(head):
        raise IngestError(f"{path} is not a PDF file (it does not start with %PDF).")
    try:
        reader = PdfReader(path, strict=False)
        encrypted = reader.is_encrypted
    except MemoryError:
        raise  # the loader process's memory limit: reported as such, not as damage
    except LimitReachedError:
        raise FileLimitExceeded(
            f"{path} holds more than the PDF reader's safety limits allow, so it was not ingested."
        ) from None
    except Exception:  # pypdf raises many types for damaged files; the user needs one sentence
        raise IngestError(f"{path} is damaged or truncated and cannot be read as a PDF.") from None
    if encrypted:
        # Many PDFs are "encrypted" only to set permissions and open with the empty password.
        try:
            unlocked = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except Exception:
            unlocked = False
        if not unlocked:
            raise IngestError(
                f"{path} is password-protected; save an unprotected copy to ingest it."
            )
    try:
        len(reader.pages)
    except MemoryError:
        raise
    except LimitReachedError:  # a page list too long to read is a size limit, not damage
        raise FileLimitExceeded(
            f"{path} lists more pages than the PDF reader's safety limit allows, so it was not "
            "ingested."
        ) from None
    except Exception:
        raise IngestError(f"{path} is damaged or truncated and cannot be read as a PDF.") from None
    return reader


def _content_bytes(reader: PdfReader, index: int, path: Path) -> int:
    """Decoded size of the page's content streams (pypdf keeps them for the text extraction)."""
    try:
        contents = reader.pages[index].get_contents()
        return 0 if contents is None else len(contents.get_data())
    except MemoryError:
        raise
    except LimitReachedError:
        raise _bomb(path, index) from None
    except Exception:
        raise IngestError(
            f"{path} is damaged: the content of page {index + 1} cannot be decoded."
        ) from None


def _page_layout(reader: PdfReader, index: int, path: Path) -> PageLayout:
    try:
        return read_page(reader.pages[index])
    except MemoryError:
        raise
    except LimitReachedError:
        raise _bomb(path, index) from None
    except Exception:
        raise IngestError(
            f"{path} is damaged: the text of page {index + 1} cannot be extracted."
        ) from None


def _pieces_with_tables(layout: PageLayout, tables: PageTables) -> tuple[Piece, ...]:
    """The page's pieces of text, its ruled tables turned into list lines; where the pieces are
    not the page's text, the text as one piece."""
    if not layout.pieces_make_text:
        return (Piece(layout.text, 0.0, 0.0, size=0.0, bold=False),)
    return tables.with_tables(layout.pieces, find_grids(layout.boxes))


def _bomb(path: Path, index: int) -> FileLimitExceeded:
    return FileLimitExceeded(
        f"{path} has a stream on page {index + 1} that inflates past the PDF reader's safety "
        "limit; it is not ingested."
    )


def tidy_page_text(raw: str) -> str:
    """Whitespace runs collapsed within lines; blank-line runs reduced to one paragraph break."""
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except Exception:
        return None  # unreadable metadata still leaves the first line as a title
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    if not title or _PLACEHOLDER_TITLE.search(title):
        return None
    return title[:_TITLE_MAX_CHARS]


def _first_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.strip())[:_TITLE_MAX_CHARS]
