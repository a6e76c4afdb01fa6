"""A PDF leaflet's byline under its title (whose leaflet, when reviewed), printed smaller and in
italics, is no part of the article; an italic opening paragraph that states no date is."""

from __future__ import annotations

from pathlib import Path

from ingest.pdf import load_pdf
from tests.support.leaflets import heading, new_leaflet, paragraph

BYLINE = "Eastbrook Community Trust - Foot Health Service patient leaflet. Reviewed: May 2025."
OPENING = "Gout is a kind of arthritis that causes sudden, severe pain in a joint."


def _gout_leaflet(path: Path, under_title: str) -> Path:
    pdf = new_leaflet("Gout: easing an attack")
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(0, 5, under_title, new_x="LMARGIN", new_y="NEXT")
    paragraph(pdf, OPENING)
    heading(pdf, "During an attack")
    paragraph(pdf, "Rest the joint and keep it cool. An ice pack wrapped in a towel can help.")
    pdf.output(str(path))
    return path


def test_the_byline_under_the_title_is_not_article_text(tmp_path: Path) -> None:
    article = load_pdf(_gout_leaflet(tmp_path / "gout.pdf", BYLINE))
    assert article.title == "Gout: easing an attack"
    assert article.reviewed == "2025-05"
    assert article.sections[0].text == OPENING
    assert all("Eastbrook" not in s.text for s in article.sections)


def test_an_italic_opening_without_a_date_is_kept(tmp_path: Path) -> None:
    standfirst = "This leaflet explains how to ease a gout attack at home."
    article = load_pdf(_gout_leaflet(tmp_path / "gout.pdf", standfirst))
    assert article.sections[0].text.startswith(standfirst)
