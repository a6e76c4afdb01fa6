"""What a one-page leaflet prints around its article: letterhead, a numbered footer, small print."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from ingest.pdf import load_pdf
from ingest.pdf_layout import reflowed

BODY = (
    "Shingles is a painful rash caused by the virus that causes chickenpox. It usually appears "
    "as a band of blisters on one side of the body, and most people get better in a few weeks."
)


def write_one_page_leaflet(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.cell(0, 5, "Westbrook Hospital - Skin Service", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=20)
    pdf.cell(0, 12, "Shingles", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, BODY, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "Common symptoms include:", new_x="LMARGIN", new_y="NEXT")
    for line in (
        "- a tingling or burning feeling on the skin",
        "- a headache",
        "- a rash that",
        "blisters (vesicles)",
        "- feeling generally unwell",
    ):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(
        0,
        6,
        "Antiviral medicine works best when it is started within three days.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", size=8)
    pdf.multi_cell(
        0,
        4,
        "Westbrook Hospital, 12 Mill Road, Westbrook. Skin Service: 0300 555 "
        "0199. This leaflet is for general information only.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_y(-14)
    pdf.cell(0, 4, "Leaflet SK-12 - Reviewed March 2024   |   Page 1 of 1")
    pdf.output(str(path))
    return path


def test_a_one_page_leaflet_keeps_only_its_article(tmp_path: Path) -> None:
    article = load_pdf(write_one_page_leaflet(tmp_path / "shingles.pdf"))
    text = "\n".join(s.text for s in article.sections)
    assert article.title == "Shingles"
    assert text.startswith("Shingles is a painful rash")  # no letterhead before it
    assert "Westbrook" not in text  # neither the letterhead nor the closing address
    assert "Page 1" not in text
    assert "SK-12" not in text
    assert "- a rash that blisters (vesicles)" in text.splitlines()
    assert text.endswith("started within three days.")


def test_a_wrapped_item_goes_on_at_a_bracket_and_a_wide_line_is_not_the_width() -> None:
    # One column of a two-column page, under a title printed across both columns.
    text = (
        "Heartburn and acid reflux: a guide for patients and families\n"
        "• an unpleasant sour or bitter taste at the\n"
        "back of the mouth\n"
        "• bringing food or liquid back up\n"
        "(regurgitation)\n"
        "• a hoarse voice or sore throat\n"
        "Reflux is more likely if you are overweight,\n"
        "pregnant, smoke, or have a hiatus hernia\n"
        "(when part of the stomach pushes up into the\n"
        "chest). Large meals can also trigger it."
    )
    assert reflowed(text).splitlines()[1:] == [
        "- an unpleasant sour or bitter taste at the back of the mouth",
        "- bringing food or liquid back up (regurgitation)",
        "- a hoarse voice or sore throat",
        "Reflux is more likely if you are overweight, pregnant, smoke, or have a hiatus hernia "
        "(when part of the stomach pushes up into the chest). Large meals can also trigger it.",
    ]
