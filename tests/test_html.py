"""HTML loader on a page with the usual chrome around one article."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthqa.errors import IngestError
from ingest.html import MAX_BLOCKS_FOR_FALLBACKS, canonical_url, load_html


@pytest.fixture(scope="module")
def page(fixtures_dir: Path) -> Path:
    return fixtures_dir / "articles" / "asthma-page.html"


def test_metadata(page: Path) -> None:
    article = load_html(page)
    assert article.title == "Living With Asthma"
    # the canonical link wins over og:url
    assert article.url == "https://health.example.org/conditions/asthma/living-with-asthma"
    assert article.doc_id == article.url
    assert article.reviewed == "2023-04-18"
    assert article.path == str(page)


def test_headings_start_sections(page: Path) -> None:
    article = load_html(page, doc_id="asthma")
    assert article.doc_id == "asthma"
    assert [s.heading for s in article.sections] == [
        "",
        "Know Your Triggers",
        "Use Your Inhalers Correctly",
        "When to Seek Emergency Care",
    ]
    assert article.sections[0].text.startswith("Asthma is a long-term condition")
    assert "- Wash bedding weekly in hot water to reduce dust mites." in (
        article.sections[1].text.splitlines()
    )


def test_only_main_content(page: Path) -> None:
    text = "\n".join(f"{s.heading}\n{s.text}" for s in load_html(page).sections)
    for chrome in ("Conditions A-Z", "Subscribe", "Popular right now", "Celebrity diets",
                   "Privacy Policy", "All rights reserved", "Example Health Library"):
        assert chrome not in text
    for markup in ("<", ">", "window.analytics", "font-family"):
        assert markup not in text
    assert "These are signs of a severe attack." in text


def test_og_url_when_no_canonical_and_no_date(tmp_path: Path, page: Path) -> None:
    html = page.read_text()
    html = html.replace('<link rel="canonical"', '<link rel="alternate"')
    html = html.replace("2023-04-18T09:30:00Z", "").replace("2023-04-18", "")
    html = html.replace("April 18, 2023", "")
    path = tmp_path / "copy.html"
    path.write_text(html)
    article = load_html(path)
    assert article.url == "https://health.example.org/og/asthma"
    assert article.reviewed is None


def test_canonical_url_ignores_relative_links() -> None:
    assert canonical_url(b'<html><head><link rel="canonical" href="/x"></head></html>') is None
    page = b'<html><head><link rel="alternate canonical" href="https://a.org/b"></head></html>'
    assert canonical_url(page) == "https://a.org/b"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no main article text"),
        (b"just some words, no markup", "does not contain an HTML page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "does not contain an HTML page"),
    ],
)
def test_bad_pages(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message):
        load_html(path)


def test_a_page_of_more_blocks_than_any_article_is_still_read(tmp_path: Path) -> None:
    # jusText, trafilatura's second opinion, compares blocks with their neighbours
    # quadratically; such a page gets the main extractor alone (bench figure in bench/QUALITY.md).
    items = "".join(
        f"<li>Step {i}: rinse the eye with clean water for a minute.</li>"
        for i in range(MAX_BLOCKS_FOR_FALLBACKS + 500)
    )
    page = tmp_path / "long.html"
    page.write_text(
        f"<html><head><title>Eye care steps</title></head><body><main><h1>Eye care steps</h1>"
        f"<h2>Rinsing</h2><ul>{items}</ul></main></body></html>",
        encoding="utf-8",
    )
    article = load_html(page)
    text = " ".join(s.text for s in article.sections)
    assert "Step 0: rinse the eye" in text
    assert f"Step {MAX_BLOCKS_FOR_FALLBACKS + 499}: rinse" in text
