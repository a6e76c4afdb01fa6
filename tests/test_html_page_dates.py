"""A page's review-date line ("Page last reviewed: ... Next review due: 2026.") is the page's
furniture wherever it sits: after the last FAQ answer, outside any section, it was quoted as
that answer's last sentence. The reviewed date stays, as the article's metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.cleaning import clean_article, clean_section_text
from ingest.html import load_html

_PAGE = """<!doctype html><html><head><title>Migraine</title></head><body>
<article><h1>Migraine</h1>
<section><h2>Symptoms</h2><p>A migraine is a moderate or severe headache felt as a throbbing
pain on one side of the head. Many people also feel sick.</p></section>
<section class="faq"><h2>Frequently asked questions</h2>
<details><summary>Can children get migraines?</summary><p>Yes. Children can get migraines, and
their attacks are often shorter than an adult's.</p></details>
<details><summary>Is a migraine dangerous?</summary><p>No. Most migraines are not a sign of
anything serious.</p></details></section>
<p class="page-dates">{dates}</p>
</article></body></html>"""


@pytest.mark.parametrize(
    "dates",
    [
        "Page last reviewed: 2024-06-11. Next review due: 2027.",
        "Page last reviewed: 11 June 2024 | Next review due: June 2027",
        "Last updated: June 11, 2024. Next review: 2027.",
    ],
)
def test_the_review_date_line_is_no_answers_sentence(tmp_path: Path, dates: str) -> None:
    path = tmp_path / "migraine.html"
    path.write_text(_PAGE.format(dates=dates))
    article, _ = clean_article(load_html(path))
    text = "\n".join(section.text for section in article.sections)
    assert "review" not in text.lower()
    assert "2027" not in text
    assert text.rstrip().endswith("Most migraines are not a sign of anything serious.")
    assert article.reviewed is not None
    assert article.reviewed.startswith("2024-06")


@pytest.mark.parametrize(
    "sentence",
    [
        "The first triptan was published in 1991.",
        "Guidance on migraine in pregnancy was updated in 2023.",
        "A new review is due in 2026 and may change this advice.",
    ],
)
def test_a_sentence_giving_a_year_stays(sentence: str) -> None:
    """Invariant: a year alone dates a stamp only after a label's colon; a sentence that names
    a year is the article's."""
    text = f"Triptans can stop a migraine attack.\n{sentence}"
    assert sentence in clean_section_text(text).text
