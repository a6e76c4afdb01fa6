"""PDF loader on real PDFs written with fpdf2 (and encrypted with pypdf)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from healthqa.errors import FileLimitExceeded, IngestError
from ingest.pdf import load_pdf

PAGE_ONE = (
    "Caring for a Burn",
    "Cool the burn under cool running water for twenty minutes. Do not use ice.",
)
PAGE_TWO = (
    "When to See a Doctor",
    "Seek care if the burn is larger than your palm or blisters on the face or hands.",
)


def write_pdf(path: Path, pages: list[tuple[str, str]], *, title: str | None = None) -> Path:
    pdf = FPDF()
    if title is not None:
        pdf.set_title(title)
    for heading, body in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=16)
        pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, body)
    pdf.output(str(path))
    return path


def test_two_pages_become_two_sections_with_page_numbers(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "burns.pdf", [PAGE_ONE, PAGE_TWO], title="Burn First Aid")
    article = load_pdf(path, doc_id="leaflets/burns.pdf")
    assert article.doc_id == "leaflets/burns.pdf"
    assert article.title == "Burn First Aid"
    assert article.path == str(path)
    assert [s.page for s in article.sections] == [1, 2]
    assert "Cool the burn under cool running water" in article.sections[0].text
    assert "larger than your palm" in article.sections[1].text
    assert "Cool the burn" not in article.sections[1].text


def test_title_falls_back_to_first_line(tmp_path: Path) -> None:
    article = load_pdf(write_pdf(tmp_path / "x.pdf", [PAGE_ONE]))
    assert article.title == "Caring for a Burn"
    assert article.doc_id == (tmp_path / "x.pdf").as_posix()


def test_blank_pages_are_skipped_but_numbering_is_kept(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, PAGE_TWO[1])
    pdf.output(str(tmp_path / "gap.pdf"))
    article = load_pdf(tmp_path / "gap.pdf")
    assert [s.page for s in article.sections] == [2]


def encrypt(source: Path, target: Path, *, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_encrypted_with_password_is_refused_in_one_sentence(tmp_path: Path) -> None:
    plain = write_pdf(tmp_path / "plain.pdf", [PAGE_ONE])
    locked = encrypt(plain, tmp_path / "locked.pdf", user_password="s3cret")
    with pytest.raises(IngestError, match=r"locked\.pdf is password-protected") as caught:
        load_pdf(locked)
    assert caught.value.__context__ is None  # no pypdf exception chained into the report


def test_encrypted_with_empty_password_opens(tmp_path: Path) -> None:
    plain = write_pdf(tmp_path / "plain.pdf", [PAGE_ONE, PAGE_TWO])
    article = load_pdf(encrypt(plain, tmp_path / "perm.pdf", user_password=""))
    assert [s.page for s in article.sections] == [1, 2]
    assert "Do not use ice." in article.sections[0].text


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_truncated_pdf_is_one_sentence(tmp_path: Path, keep: float) -> None:
    data = write_pdf(tmp_path / "full.pdf", [PAGE_ONE, PAGE_TWO]).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(IngestError, match=r"cut\.pdf is damaged or truncated") as caught:
        load_pdf(cut)
    assert caught.value.__suppress_context__


def test_a_page_list_past_the_readers_limit_is_a_limit_not_damage(tmp_path: Path) -> None:
    """A small file whose page tree lists 120,000 pages: pypdf stops reading the list at its
    safety limit, before the pages could be counted against HEALTHQA_MAX_PAGES."""
    pages = 120_000
    kids = " ".join(["3 0 R"] * pages)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    body, offsets = "%PDF-1.7\n", []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n{content}\nendobj\n"
    xref = "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    path = tmp_path / "many.pdf"
    path.write_text(
        f"{body}xref\n0 4\n0000000000 65535 f \n{xref}trailer\n<< /Size 4 /Root 1 0 R >>\n"
        f"startxref\n{len(body)}\n%%EOF\n",
        encoding="ascii",
    )
    with pytest.raises(FileLimitExceeded, match=r"many\.pdf lists more pages than the PDF reader"):
        load_pdf(path, max_pages=2000)


def test_header_only_pdf_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "stub.pdf"
    path.write_bytes(b"%PDF-1.7\n%garbage that is not a PDF body\n")
    with pytest.raises(IngestError, match=r"stub\.pdf"):
        load_pdf(path)


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("<html><body>not a pdf</body></html>")
    with pytest.raises(IngestError, match=r"fake\.pdf is not a PDF file"):
        load_pdf(path)


def test_pdf_without_text(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(IngestError, match=r"scan\.pdf has no extractable text"):
        load_pdf(tmp_path / "scan.pdf")


LEAFLET_PAGES = (
    "Plantar fasciitis is pain in the thick band of tissue along the bottom of the foot, and it is "
    "usually worst with the first steps in the morning. Most people get better within a year "
    "with rest, stretching and supportive shoes, and very few need an operation.",
    "Stretching the calf and the sole of the foot eases the pull on the heel. Hold each stretch "
    "for thirty seconds and repeat it three times, two or three times a day, and keep going for "
    "several weeks even when the pain has eased.",
    "See your GP if the pain is severe, if it started after an injury, if the foot is numb or "
    "tingling, or if it has not improved after two weeks of looking after it at home as this "
    "leaflet describes.",
)


def write_leaflet(path: Path, pages: int) -> Path:
    """A hospital leaflet as they are printed: a running header and footer on every page, the
    title in large letters (no title in the metadata), paragraphs wrapped across lines."""
    pdf = FPDF()
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.cell(
            0, 5, "Northfield General Hospital Patient information", new_x="LMARGIN", new_y="NEXT"
        )
        if number == 1:
            pdf.set_font("Helvetica", size=20)
            pdf.cell(0, 12, "Heel pain: a guide for patients", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, LEAFLET_PAGES[number - 1])
        pdf.cell(
            0,
            6,
            f"- Stretch your calf muscles {'before you get up' if number == 1 else 'often'}.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("Helvetica", size=8)
        pdf.cell(
            0,
            5,
            f"Ref: ORTH-41 | Review: 2027    Page {number} of {pages}",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.output(str(path))
    return path


def test_running_headers_footers_and_page_numbers_are_not_article_text(tmp_path: Path) -> None:
    article = load_pdf(write_leaflet(tmp_path / "heel.pdf", pages=3))
    text = "\n".join(s.text for s in article.sections)
    assert "Northfield General Hospital" not in text
    assert "Page 2 of 3" not in text
    assert "ORTH" not in text
    assert all(page[:40] in text for page in LEAFLET_PAGES)


def test_a_leaflet_is_titled_by_its_largest_letters_not_its_running_header(
    tmp_path: Path,
) -> None:
    assert load_pdf(write_leaflet(tmp_path / "heel.pdf", pages=2)).title == (
        "Heel pain: a guide for patients"
    )


def test_sentences_wrapped_across_printed_lines_are_one_line_again(tmp_path: Path) -> None:
    article = load_pdf(write_leaflet(tmp_path / "heel.pdf", pages=1))
    lines = article.sections[0].text.splitlines()
    assert any(
        line.startswith("Plantar fasciitis") and line.endswith("need an operation.")
        for line in lines
    )
    assert "- Stretch your calf muscles before you get up." in lines
