"""The date a leaflet states in its pages (most often its running footer)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from ingest.pdf import load_pdf
from ingest.pdf_dates import stated_date


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("Leaflet CARD-12  ·  Published June 2022  ·  Review June 2025", "2022-06"),
        ("Version 2 · Issued 14 February 2021 · Review due February 2024", "2021-02-14"),
        ("Date of publication: Aug 2019", "2019-08"),
        ("Last reviewed: 3rd October 2023. Published 2020-01-02", "2023-10-03"),
        ("Last updated 2024-07-01 | Issued May 2020", "2024-07-01"),
        ("Leaflet PIL-31  |  Date of issue: 09/2024    Page 1 of 2", "2024-09"),
        ("Issued 7.2021 | Ref 4471", "2021-07"),
        # The other date can be read only day first, so the leaflet writes the day first.
        ("Issued 03/04/2024 · Printed 25/03/2024", "2024-04-03"),
    ],
)
def test_the_reviewed_else_updated_else_published_date(printed: str, iso: str) -> None:
    assert stated_date(["Some text of the leaflet.", printed]) == iso


@pytest.mark.parametrize(
    "printed",
    [
        "Next review due: March 2026",
        "Review: March 2026",
        "Ref: ORTH-41 | Review: 2027",
        "Published research in May 2023 showed that rest helps.",
        "Issued 03/04/2024",  # day or month first: the leaflet does not say
        "Date of issue: 13/2025",  # no month 13
        "Published 03/2025/7",  # a reference number, not a month and year
    ],
)
def test_dates_to_come_and_dates_of_other_things_are_not_taken(printed: str) -> None:
    assert stated_date([printed]) is None


class FooterLeaflet(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"Published April 2022 - Review April 2025 - Page {self.page_no()}")


def test_the_date_in_a_running_footer_is_the_articles_though_the_footer_is_not_text(
    tmp_path: Path,
) -> None:
    pdf = FooterLeaflet()
    for text in ("Shingles is a painful rash.", "It is caused by the chickenpox virus."):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(tmp_path / "shingles.pdf"))
    article = load_pdf(tmp_path / "shingles.pdf")
    assert article.reviewed == "2022-04"
    assert all("Published" not in section.text for section in article.sections)


class IssueDateLeaflet(FPDF):
    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 5, f"Leaflet GI-77  |  Date of issue: 06/2023    Page {self.page_no()} of 2")


def test_a_month_and_year_in_figures_in_the_footer_is_the_leaflets_date(tmp_path: Path) -> None:
    pdf = IssueDateLeaflet()
    for text in ("Gallstones are small stones in the gallbladder.", "Most cause no symptoms."):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text)
    pdf.output(str(tmp_path / "gallstones.pdf"))
    article = load_pdf(tmp_path / "gallstones.pdf")
    assert article.reviewed == "2023-06"
    assert all("issue" not in section.text for section in article.sections)
