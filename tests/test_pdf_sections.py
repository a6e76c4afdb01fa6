"""PDF sections under the headings the leaflet prints, on leaflets written with fpdf2."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from ingest.pdf import load_pdf
from tests.support.leaflets import (
    heading,
    new_leaflet,
    paragraph,
    sun_leaflet,
    vaccine_leaflet,
)


def test_no_cell_becomes_a_section_and_the_table_stays_under_its_heading(tmp_path: Path) -> None:
    article = load_pdf(sun_leaflet(tmp_path / "sun.pdf"))
    headings = [section.heading for section in article.sections]
    assert headings == ["Sunburn", "Protecting your skin", "Treating sunburn", "Treating sunburn"]
    protecting = article.sections[1].text
    assert protecting.index("Check it in the forecast:") < protecting.index("- UV index: 1 to 2")
    assert protecting.index("- UV index: 8 or more") < protecting.index("Children burn more")


def test_a_section_keeps_its_heading_on_the_next_page(tmp_path: Path) -> None:
    article = load_pdf(sun_leaflet(tmp_path / "sun.pdf"))
    last = article.sections[-1]
    assert last.page == 2
    assert last.heading == "Treating sunburn"
    assert "Painkillers such as paracetamol" in last.text
    assert "- Cool the skin with a cool shower." in article.sections[2].text


def test_a_table_broken_across_pages_stays_under_its_heading(tmp_path: Path) -> None:
    article = load_pdf(vaccine_leaflet(tmp_path / "vaccines.pdf"))
    assert [(s.heading, s.page) for s in article.sections] == [
        ("Childhood vaccines", 1),
        ("Childhood vaccines", 2),
    ]


def test_the_printed_title_heads_no_section(tmp_path: Path) -> None:
    pdf = new_leaflet("Head lice")
    paragraph(pdf, "Head lice are tiny insects that live in hair.")
    heading(pdf, "Treatment")
    paragraph(pdf, "Wet combing removes them without medicine.")
    pdf.output(str(tmp_path / "lice.pdf"))
    article = load_pdf(tmp_path / "lice.pdf")
    assert article.title == "Head lice"
    assert [(s.heading, s.text) for s in article.sections] == [
        ("", "Head lice are tiny insects that live in hair."),
        ("Treatment", "Wet combing removes them without medicine."),
    ]


def test_a_document_without_printed_headings_keeps_a_section_per_page(tmp_path: Path) -> None:
    pdf = FPDF()
    for text in ("Page one says one thing.", "Page two says another."):
        pdf.add_page()
        paragraph(pdf, text)
    pdf.output(str(tmp_path / "plain.pdf"))
    article = load_pdf(tmp_path / "plain.pdf")
    assert [(s.heading, s.page) for s in article.sections] == [("", 1), ("", 2)]


def test_a_heading_wrapped_onto_two_lines_is_one_heading(tmp_path: Path) -> None:
    pdf = new_leaflet("Fever in children")
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(60, 8, "When your child has a high temperature and is not drinking")
    paragraph(pdf, "Call your GP or 111 the same day.")
    heading(pdf, "Medicines")
    paragraph(pdf, "Paracetamol or ibuprofen can help a child who is distressed.")
    pdf.output(str(tmp_path / "fever.pdf"))
    article = load_pdf(tmp_path / "fever.pdf")
    assert [s.heading for s in article.sections] == [
        "When your child has a high temperature and is not drinking",
        "Medicines",
    ]


def test_a_heading_and_one_item_at_a_pages_foot_are_one_section_with_the_rest(
    tmp_path: Path,
) -> None:
    pdf = new_leaflet("Asthma")
    heading(pdf, "Triggers")
    for n in range(36):  # filler that brings the next heading to the foot of the page
        paragraph(pdf, f"Keep a diary of what sets off your symptoms, week {n + 1}.")
    heading(pdf, "When to see a nurse")
    paragraph(pdf, "- you use your reliever inhaler 3 times a week or more")
    pdf.add_page()
    paragraph(pdf, "- your symptoms wake you at night")
    paragraph(pdf, "- you have needed a course of steroid tablets")
    pdf.output(str(tmp_path / "asthma.pdf"))
    article = load_pdf(tmp_path / "asthma.pdf")
    nurse = [s for s in article.sections if s.heading == "When to see a nurse"]
    assert [s.page for s in nurse] == [1]
    assert nurse[0].text.splitlines() == [
        "- you use your reliever inhaler 3 times a week or more",
        "- your symptoms wake you at night",
        "- you have needed a course of steroid tablets",
    ]
