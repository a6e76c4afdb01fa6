"""Ruled tables in PDF leaflets written with fpdf2: every row kept, in order, as one list item
that names its columns, and no cell taken for a heading."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.pdf import load_pdf
from tests.support.leaflets import (
    add_table,
    heading,
    items,
    new_leaflet,
    paragraph,
    sun_leaflet,
    vaccine_leaflet,
)


def test_each_row_is_one_item_naming_its_columns_in_order(tmp_path: Path) -> None:
    article = load_pdf(sun_leaflet(tmp_path / "sun.pdf"))
    rows = [item for item in items(article) if item.startswith("UV index: ")]
    assert rows == [
        "UV index: 1 to 2; What to do: No protection needed for most people",
        "UV index: 3 to 5; What to do: Seek shade around midday, wear a hat and sunglasses, and "
        "put on sunscreen of at least SPF 30 that also protects against UVA, again every two hours",
        "UV index: 6 to 7 and above on a cloudless summer day by the sea; What to do: Cover up "
        "and stay in the shade",
        "UV index: 8 or more; What to do: Avoid the sun between 11am and 3pm",
    ]


def test_a_table_broken_across_pages_keeps_every_row_in_order(tmp_path: Path) -> None:
    article = load_pdf(vaccine_leaflet(tmp_path / "vaccines.pdf"))
    assert {section.page for section in article.sections} == {1, 2}
    assert items(article) == [f"Vaccine: Vaccine {n}; Age given: {n} months" for n in range(1, 61)]


def test_prose_pages_without_tables_read_as_before(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    paragraph(pdf, "Head lice are tiny insects that live in hair. They are common in children.")
    paragraph(pdf, "Wet combing with a special comb removes them without medicine.")
    pdf.output(str(tmp_path / "lice.pdf"))
    article = load_pdf(tmp_path / "lice.pdf")
    assert [(s.heading, s.page) for s in article.sections] == [("", 1)]
    assert article.sections[0].text == (
        "Head lice are tiny insects that live in hair. They are common in children.\n"
        "Wet combing with a special comb removes them without medicine."
    )


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
_CELL = st.lists(_WORD, min_size=1, max_size=14).map(" ".join)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.lists(st.tuples(_CELL, _CELL), min_size=1, max_size=8))
def test_any_ruled_table_comes_back_row_by_row(
    tmp_path: Path, body: list[tuple[str, str]]
) -> None:
    """Whatever the cells say and however they wrap, each row is one item holding its cells."""
    pdf = new_leaflet("Test results")
    heading(pdf, "Results")
    add_table(pdf, [("Left", "Right"), *body], (40, 80))
    pdf.output(str(tmp_path / "any.pdf"))
    article = load_pdf(tmp_path / "any.pdf")
    assert items(article) == [f"Left: {left}; Right: {right}" for left, right in body]
    assert {section.heading for section in article.sections} == {"Results"}  # no cell is one


def test_rows_carried_onto_the_next_page_without_the_header_keep_its_column_names(
    tmp_path: Path,
) -> None:
    pdf = new_leaflet("Vaccines for your child")
    pdf.set_font("Helvetica", size=10)
    with pdf.table(col_widths=(60, 60), line_height=6, repeat_headings=0) as table:
        for cells in [("Vaccine", "Age given")] + [(f"V{n}", f"{n} months") for n in range(70)]:
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.output(str(tmp_path / "vaccines.pdf"))
    article = load_pdf(tmp_path / "vaccines.pdf")
    assert {section.page for section in article.sections} == {1, 2}
    assert items(article) == [f"Vaccine: V{n}; Age given: {n} months" for n in range(70)]
