"""A PDF list's last item ends where the page prints the next paragraph back at the margin, even
when the item has no full stop and its line was full (fpdf2 leaflets, bullets as hospital
leaflets print them: a bullet indented from the margin, the item's text indented from that)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader

from ingest.pdf import load_pdf
from ingest.pdf_indents import lines_after_lists
from ingest.pdf_page import read_page
from tests.support.leaflets import heading, new_leaflet, paragraph

INHALER_ITEMS = (
    "Shake the inhaler and breathe out gently, away from the mouthpiece",
    "Breathe in slowly and deeply through the mouthpiece while you press the canister down once",
    "Rinse your mouth with water after using a steroid inhaler, and spit the water out rather than"
    " swallowing it",
)
AFTER = "Ask your pharmacist to check how you use it. A spacer can help children."


def _bullets(pdf: FPDF, items: tuple[str, ...]) -> None:
    pdf.set_font("Helvetica", size=11)
    for item in items:
        pdf.set_x(pdf.l_margin + 4)
        pdf.cell(5, 6, chr(149))
        pdf.multi_cell(0, 6, item, new_x="LMARGIN", new_y="NEXT")


def _inhaler_leaflet(path: Path, *, after: str = AFTER) -> Path:
    pdf = new_leaflet("Using your inhaler")
    heading(pdf, "How to use it")
    paragraph(pdf, "Each time you use it:")
    _bullets(pdf, INHALER_ITEMS)
    paragraph(pdf, after)
    heading(pdf, "Side effects")
    paragraph(pdf, "A sore throat or a hoarse voice is common.")
    pdf.output(str(path))
    return path


def test_the_paragraph_after_a_list_is_not_the_last_items_tail(tmp_path: Path) -> None:
    article = load_pdf(_inhaler_leaflet(tmp_path / "inhaler.pdf"))
    lines = article.sections[0].text.splitlines()
    assert lines[-2] == f"- {INHALER_ITEMS[-1]}"
    assert lines[-1] == AFTER


def test_an_items_wrapped_lines_stay_the_items(tmp_path: Path) -> None:
    article = load_pdf(_inhaler_leaflet(tmp_path / "inhaler.pdf"))
    items = [line for line in article.sections[0].text.splitlines() if line.startswith("- ")]
    assert items == [f"- {item}" for item in INHALER_ITEMS]


def test_a_sentence_going_on_at_the_margin_in_lower_case_is_still_apart(tmp_path: Path) -> None:
    """Where the page starts it back at the margin, what follows is not the item's, whatever its
    case: a wrapped item line would sit under the item's text."""
    after = "then put the cap back on. Keep it somewhere cool."
    article = load_pdf(_inhaler_leaflet(tmp_path / "inhaler.pdf", after=after))
    assert article.sections[0].text.splitlines()[-1] == after


def test_only_lines_left_of_a_bullet_end_its_list(tmp_path: Path) -> None:
    """Invariant: no line found is an item or an item's wrapped line, and the paragraphs that do
    not follow a list are never found."""
    path = _inhaler_leaflet(tmp_path / "inhaler.pdf")
    found = lines_after_lists(read_page(PdfReader(path).pages[0]).pieces)
    assert found == {AFTER}


ITEMS = (
    "exercises to strengthen the muscles around the shin and the ankle",
    "a change of running shoes, for lasting pain",
)


def test_a_paragraph_set_apart_by_space_ends_a_list_printed_at_one_margin(
    tmp_path: Path,
) -> None:
    """A column set without hanging indents starts an item's wrapped lines, and the paragraph
    after the list, at the bullet's margin: the space above the paragraph ends the list."""
    # The last item fills its line, so only the space above tells the paragraph from its tail.
    pdf = new_leaflet("Shin splints")
    heading(pdf, "Treatments")
    paragraph(pdf, "A physiotherapist may suggest:")
    pdf.set_font("Helvetica", size=11)
    for item in ITEMS:
        pdf.multi_cell(80, 5, f"{chr(149)} {item}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.ln(5)
    pdf.multi_cell(
        80, 5, "Ice packs can ease the pain after exercise.", new_x="LMARGIN", new_y="NEXT"
    )
    path = tmp_path / "shins.pdf"
    pdf.output(str(path))
    lines = load_pdf(path).sections[0].text.splitlines()
    assert lines[-3:] == [
        "- exercises to strengthen the muscles around the shin and the ankle",
        "- a change of running shoes, for lasting pain",
        "Ice packs can ease the pain after exercise.",
    ]
