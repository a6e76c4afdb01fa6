"""Captions and definition lists, which the main-content extractor loses, kept as the page says."""

from __future__ import annotations

from pathlib import Path

from ingest.html import load_html
from ingest.model import Article

_PROSE = (
    "<p>Iron deficiency anaemia happens when the body does not have enough iron to make the "
    "haemoglobin that red blood cells need to carry oxygen around the body.</p>"
)


def _page(tmp_path: Path, body: str) -> Article:
    path = tmp_path / "page.html"
    path.write_text(
        "<!doctype html><html lang='en'><head><title>Iron deficiency anaemia</title></head>"
        f"<body><main><h1>Iron deficiency anaemia</h1>{_PROSE}{body}</main></body></html>",
        encoding="utf-8",
    )
    return load_html(path)


def _text(article: Article) -> str:
    return "\n\n".join(f"{s.heading}\n{s.text}" for s in article.sections)


def test_table_caption_and_figure_caption_stay_with_the_table(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<h2>Blood tests</h2><p>A blood test measures your haemoglobin and ferritin levels.</p>"
        "<figure><table><caption>Ferritin is read against the lab's own normal range.</caption>"
        "<tr><th>Result</th><th>Meaning</th></tr>"
        "<tr><td>Low ferritin</td><td>Iron stores are used up</td></tr></table>"
        "<figcaption>A typical ferritin range for adults is about 30 to 300 ng/mL.</figcaption>"
        "</figure>",
    )
    tests = next(s for s in article.sections if s.heading == "Blood tests").text
    assert "Ferritin is read against the lab's own normal range." in tests
    assert "- Result: Low ferritin; Meaning: Iron stores are used up" in tests
    assert "A typical ferritin range for adults is about 30 to 300 ng/mL." in tests


def test_a_definition_list_faq_gives_each_question_its_answer(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<h2>Questions</h2><dl>"
        "<dt>Can I take iron with tea?</dt><dd>Tea makes iron harder to absorb; wait an hour.</dd>"
        "<dt>How long does treatment take?</dt><dd>Usually about 3 months.</dd>"
        "<dd>Your levels are checked again after that.</dd>"
        "</dl><h2>Words used</h2><dl><dt>Ferritin</dt><dd>a protein that stores iron</dd></dl>",
    )
    sections = {s.heading: s.text for s in article.sections}
    assert sections["Can I take iron with tea?"] == "Tea makes iron harder to absorb; wait an hour."
    assert sections["How long does treatment take?"] == (
        "Usually about 3 months.\n\nYour levels are checked again after that."
    )
    assert sections["Words used"] == "Ferritin: a protein that stores iron"
    assert "- " not in _text(article)
