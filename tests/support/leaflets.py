"""PDF leaflets for the loader tests, written with fpdf2 the way hospital leaflets are laid out:
a title larger than any heading, bold headings, paragraphs, "- " items and ruled tables."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from ingest.model import Article

SUN_TABLE = (
    ("UV index", "What to do"),
    ("1 to 2", "No protection needed for most people"),
    (
        "3 to 5",
        "Seek shade around midday, wear a hat and sunglasses, and put on sunscreen of at least "
        "SPF 30 that also protects against UVA, again every two hours",
    ),
    ("6 to 7 and above on a cloudless summer day by the sea", "Cover up and stay in the shade"),
    ("8 or more", "Avoid the sun between 11am and 3pm"),
)


def add_table(pdf: FPDF, rows: Sequence[Sequence[str]], widths: tuple[int, int]) -> None:
    pdf.set_font("Helvetica", size=10)
    with pdf.table(
        col_widths=widths, headings_style=FontFace(emphasis="BOLD"), line_height=6
    ) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)


def new_leaflet(title: str) -> FPDF:
    """A page headed by the leaflet's title, printed larger than any heading."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    return pdf


def heading(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")


def paragraph(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


def sun_leaflet(path: Path) -> Path:
    """Headings, a bulleted list, a table whose cells wrap, and a section running onto page 2."""
    pdf = new_leaflet("Sun safety")
    heading(pdf, "Sunburn")
    paragraph(pdf, "Sunburn is skin damage caused by ultraviolet light from the sun.")
    heading(pdf, "Protecting your skin")
    paragraph(pdf, "The UV index says how strong the sun is today. Check it in the forecast:")
    add_table(pdf, SUN_TABLE, (50, 130))
    paragraph(pdf, "Children burn more easily than adults.")
    heading(pdf, "Treating sunburn")
    for item in ("Cool the skin with a cool shower.", "Drink plenty of water.", "Use aloe gel."):
        paragraph(pdf, f"- {item}")
    # Filler that pushes the section's last paragraph onto the next page.
    for n in range(30):
        paragraph(pdf, f"Keep out of the sun until the redness has gone, day {n + 1}.")
    paragraph(pdf, "Painkillers such as paracetamol ease the soreness.")
    pdf.output(str(path))
    return path


def vaccine_leaflet(path: Path) -> Path:
    """One heading over a 60-row table that runs onto page 2 without repeating its header."""
    rows = [("Vaccine", "Age given")] + [(f"Vaccine {n}", f"{n} months") for n in range(1, 61)]
    pdf = new_leaflet("Vaccines for your child")
    heading(pdf, "Childhood vaccines")
    add_table(pdf, rows, (60, 60))
    pdf.output(str(path))
    return path


def all_text(article: Article) -> str:
    return "\n".join(section.text for section in article.sections)


def items(article: Article) -> list[str]:
    return [line[2:] for line in all_text(article).splitlines() if line.startswith("- ")]
