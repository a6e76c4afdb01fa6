"""What surrounds an article on an encyclopedia or journal page is not article text: footnote
marks, infoboxes, edit links, reference lists; a title ending in the site's name loses it."""

from __future__ import annotations

from pathlib import Path

from ingest.html import load_html

BODY = "<p>" + "Lyme disease is an infection spread by the bite of an infected tick. " * 3 + "</p>"


def write(tmp_path: Path, html: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    return page


def test_footnote_marks_infoboxes_edit_links_and_references_are_not_text(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "<html><head><title>Lyme disease</title></head><body><main><h1>Lyme disease</h1>"
        '<table class="infobox"><tr><th>Specialty</th><td>Infectious disease</td></tr>'
        "<tr><th>Frequency</th><td>476,000 a year</td></tr></table>"
        + BODY
        + "<p>The rash is neither itchy nor painful.<sup>2</sup> About 70% get a rash."
        '<sup class="reference"><a href="#c3">[3]</a></sup> Treatment is antibiotics.</p>'
        '<h2>Prevention<span class="mw-editsection">[edit]</span></h2>'
        + BODY
        + '<h2>References</h2><ol class="references"><li>Smith J. Ticks. 2020.</li></ol>'
        "</main></body></html>",
    )
    article = load_html(page)
    text = "\n".join(s.text for s in article.sections)
    assert "Specialty" not in text
    assert "Infectious disease" not in text
    assert "painful. About 70% get a rash. Treatment is antibiotics." in text
    assert "Smith J." not in text
    assert "Prevention" in [s.heading for s in article.sections]


def test_a_title_ending_in_the_sites_name_loses_it(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        '<html><head><title>Psoriasis | Skin Health Alliance</title>'
        '<meta property="og:site_name" content="Skin Health Alliance"></head>'
        "<body><main><h2>What is psoriasis?</h2>" + BODY + "</main></body></html>",
    )
    assert load_html(page).title == "Psoriasis"


def test_a_utf8_page_without_a_charset_keeps_its_accents(tmp_path: Path) -> None:
    # Parsed as bytes with no declaration, lxml read UTF-8 as Latin-1 ("CafÃ©").
    page = tmp_path / "spots.html"
    page.write_bytes(
        (
            "<html><head><title>Café au lait spots</title></head><body><main>"
            "<h2>What are café au lait spots?</h2>" + BODY + "</main></body></html>"
        ).encode("utf-8")
    )
    article = load_html(page)
    assert article.title == "Café au lait spots"
    assert "Ã" not in article.title + " ".join(s.heading for s in article.sections)


def test_an_exponent_is_not_a_footnote_mark(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "<html><head><title>Obesity</title></head><body><main><h2>Measuring weight</h2>"
        + BODY
        + "<p>A body mass index of 30 kg/m<sup>2</sup> or more is obesity. A platelet count "
        "under 150 x 10<sup>9</sup>/L is low.<sup>4</sup></p></main></body></html>",
    )
    text = " ".join(s.text for s in load_html(page).sections)
    assert "30 kg/m2 or more" in text
    assert "10 9/L" in text or "109/L" in text
    assert "low.4" not in text
