"""Ingest says so when a page's headings did not become sections
(`ingest/html_lost_structure.py`), and stays quiet when they did."""

from __future__ import annotations

from ingest.html_lost_structure import lost_structure_warnings
from ingest.model import Article, Section

_PAGE = b"""<html><body><nav><h2>Menu</h2></nav>
<div><h1>Shingles</h1><p>Shingles is a painful rash.</p>
<h2>Symptoms</h2><p>A tingling feeling, then a rash.</p>
<h2>Treatment</h2><p>Antiviral medicine can help if started early.</p>
<h2>Who can get it</h2><p>Anyone who has had chickenpox.</p></div></body></html>"""


def _article(*headings: str) -> Article:
    sections = tuple(Section(heading=h, text="Some text about shingles.") for h in headings)
    return Article(doc_id="shingles", title="Shingles", sections=sections)


def test_a_page_of_headings_read_as_loose_paragraphs_is_warned_about() -> None:
    warnings = lost_structure_warnings(_PAGE, _article("", ""), name="shingles.html")
    assert len(warnings) == 1
    assert warnings[0].startswith("shingles.html: none of its 3 headings became a section")


def test_a_page_whose_headings_became_sections_is_not() -> None:
    article = _article("", "Symptoms", "Treatment", "Who can get it")
    assert lost_structure_warnings(_PAGE, article, name="shingles.html") == ()


def test_a_page_of_few_headings_is_not() -> None:
    page = b"<html><body><h1>Shingles</h1><h2>Symptoms</h2><p>A rash.</p></body></html>"
    assert lost_structure_warnings(page, _article(""), name="shingles.html") == ()
