"""Broken and hostile article files for the loader-isolation tests, made from real fixtures.

Everything is seeded: the same cases every run. `fuzz_cases` gives, for every fixture of every
format, truncated copies, bit-flipped copies and format-specific hostile variants.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@dataclass(frozen=True)
class Case:
    name: str  # the file name to write, extension included
    data: bytes


def pdf_document(
    page_streams: Sequence[bytes], *, compress: bool = True, kids: str | None = None
) -> bytes:
    """A hand-built PDF: one page per content stream (Flate-compressed unless told otherwise).

    `kids` replaces the page tree's /Kids array, e.g. "[2 0 R]" for a tree that contains itself.
    """
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b""]
    objects[2] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    page_numbers = []
    for stream in page_streams:
        data = zlib.compress(stream, 9) if compress else stream
        flate = b" /Filter /FlateDecode" if compress else b""
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(data), flate, data))
        content_number = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_number
        )
        page_numbers.append(len(objects))
    kid_list = kids or "[" + " ".join(f"{n} 0 R" for n in page_numbers) + "]"
    objects[1] = b"<< /Type /Pages /Kids %s /Count %d >>" % (
        kid_list.encode(),
        len(page_numbers),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def text_stream(words: str) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % words.encode("latin-1")


def bomb_stream(inflated_bytes: int) -> bytes:
    """A content stream of mostly spaces: compresses about a thousandfold."""
    head = text_stream("Bomb page.")
    return head + b" " * max(0, inflated_bytes - len(head))


def real_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_title("Burn care leaflet")
    for paragraph in (
        "Cool a burn under cool running water for 20 minutes. Do not use ice.",
        "Cover the burn loosely with cling film. See a doctor if it is larger than your hand.",
    ):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, paragraph)
    return bytes(pdf.output())


def fixtures() -> dict[str, bytes]:
    """One real file of every format, by the name it is ingested under."""
    articles = FIXTURES / "articles"
    return {
        "page.html": (articles / "asthma-page.html").read_bytes(),
        "flu.md": (articles / "flu-vaccine.md").read_bytes(),
        "sleep.txt": (articles / "scraped-sleep-apnea.txt").read_bytes(),
        "medquad.xml": (articles / "medquad-document.xml").read_bytes(),
        "ninds.xml": (articles / "medquad-old-ninds.xml").read_bytes(),
        "corpus.jsonl": (articles / "corpus.jsonl").read_bytes(),
        "leaflet.pdf": real_pdf(),
    }


def truncations(name: str, data: bytes) -> Iterator[Case]:
    for fraction in (0.0, 0.1, 0.5, 0.9, 0.99):
        cut = int(len(data) * fraction)
        yield Case(f"cut{int(fraction * 100)}-{name}", data[:cut])
    yield Case(f"cut1-{name}", data[:1])


def bit_flips(name: str, data: bytes, *, copies: int = 4, seed: int = 7) -> Iterator[Case]:
    rng = random.Random(f"{seed}/{name}")
    for copy in range(copies):
        flipped = bytearray(data)
        for _ in range(1 + copy * 8):
            position = rng.randrange(len(flipped))
            flipped[position] ^= 1 << rng.randrange(8)
        yield Case(f"flip{copy}-{name}", bytes(flipped))


def hostile(fixture: dict[str, bytes]) -> Iterator[Case]:
    """Inputs written to break a loader rather than by accident."""
    markdown = fixture["flu.md"].decode()
    medquad = fixture["medquad.xml"].decode()
    # Two records with different ids, so two corpora that each keep their good line can both
    # be ingested in one run.
    records = [line for line in fixture["corpus.jsonl"].decode().splitlines() if line.strip()]
    beir_line, other_beir_line = records[0], records[1]
    # Markdown and text.
    yield Case("bad-date.md", b"---\ntitle: Flu\nreviewed: 2023-02-30\n---\n\n# Flu\n\nRest.\n")
    yield Case("surrogate.md", b'---\ntitle: "Flu \\ud800"\n---\n\n# Flu\n\nRest and fluids.\n')
    yield Case(
        "alias-bomb.md",
        b"---\n"
        + b"".join(
            b"l%d: &l%d [%s]\n" % (n, n, b",".join([b"*l%d" % (n - 1)] * 9) if n else b'"x"')
            for n in range(9)
        )
        + b"title: Bomb\n---\n\nText.\n",
    )
    yield Case("deep-quote.md", b"> " * 5000 + b"deep\n")
    yield Case("deep-list.md", "".join("  " * n + "- item\n" for n in range(3000)).encode())
    yield Case("long-word.txt", b"x" * 200_000)
    yield Case("nul.md", markdown.encode()[:200] + b"\x00" * 100)
    yield Case("cp1252.txt", "Caf\xe9 au lait. Fi\xe8vre.".encode("cp1252") + b"\x81\x8d")
    yield Case("only-front-matter.md", b"---\ntitle: Nothing\n---\n")
    # HTML.
    yield Case("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"<p>deep</p></body></html>")
    yield Case(
        "charset.html",
        b'<html><head><meta charset="x-no-such-charset"></head>'
        b"<body><p>Hi there.</p></body></html>",
    )
    yield Case("surrogate-entity.html", b"<html><body><p>A &#xD800; B &#0; C</p></body></html>")
    yield Case("script-only.html", b"<html><body><script>alert(1)</script></body></html>")
    # MedQuAD XML.
    yield Case("encoding.xml", medquad.replace('encoding="UTF-8"', 'encoding="x-bogus"').encode())
    yield Case(
        "declared-bogus.xml",
        b'<?xml version="1.0" encoding="x-bogus"?>\n' + medquad.split("?>", 1)[-1].encode(),
    )
    yield Case(
        "entities.xml",
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<Document id="1" source="s"><Focus>&b;</Focus></Document>',
    )
    yield Case(
        "deep.xml",
        b'<Document id="1" source="s">' + b"<x>" * 50_000 + b"</x>" * 50_000 + b"</Document>",
    )
    yield Case("surrogate-ref.xml", medquad.replace("</Focus>", "&#xD800;</Focus>").encode())
    # BEIR.
    deep = "[" * 100_000 + "]" * 100_000
    yield Case("deep.jsonl", f"{beir_line}\n{{\"_id\": \"d\", \"title\": {deep}}}\n".encode())
    yield Case("deep-first.jsonl", (deep + "\n" + beir_line + "\n").encode())
    lone = '{"_id": "s1", "title": "x", "text": "A \\ud800 B"}'  # JSON text with a lone \ud800
    yield Case("surrogate.jsonl", f"{other_beir_line}\n{lone}\n".encode())
    big = b"9" * 6000  # past Python's 4300-digit limit for int()
    yield Case("bigint.jsonl", b'{"_id": "n", "title": "t", "text": "x", "v": ' + big + b"}\n")
    yield Case("not-objects.jsonl", b'{"_id": "a", "title": "t"}\n[1, 2]\n"x"\nnull\n')
    # PDF.
    yield Case("bomb.pdf", pdf_document([bomb_stream(70_000_000)] * 4))  # 280 MB inflated
    yield Case("self-kids.pdf", pdf_document([text_stream("Loop.")], kids="[2 0 R]"))
    yield Case("huge-count.pdf", pdf_document([text_stream("One page.")]).replace(
        b"/Count 1", b"/Count 999999999"
    ))
    yield Case("empty-stream.pdf", pdf_document([b""]))
    yield Case("no-xref.pdf", pdf_document([text_stream("Hello.")]).split(b"xref")[0])


def fuzz_cases() -> list[Case]:
    fixture = fixtures()
    cases: list[Case] = []
    for name, data in fixture.items():
        cases += truncations(name, data)
        cases += bit_flips(name, data)
    cases += hostile(fixture)
    return cases
