"""A table's caption heads its table only (`ingest/html_table_headings.py`): the paragraphs
after the table are its section's again, cited under that section's heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.cleaning import clean_article
from ingest.html import load_html

_AFTER = "Take the tablets with food to avoid an upset stomach, and drink plenty of water."


@pytest.mark.parametrize("wrapped", [False, True])
def test_text_after_a_captioned_table_stays_in_its_section(tmp_path: Path, wrapped: bool) -> None:
    table = (
        "<table><caption>Medicines for gout attacks</caption><thead><tr><th>Medicine</th>"
        "<th>How it helps</th></tr></thead><tbody><tr><td>Colchicine</td><td>Reduces swelling"
        "</td></tr><tr><td>Naproxen</td><td>Eases pain and swelling</td></tr></tbody></table>"
    )
    if wrapped:
        table = f'<div class="table-wrap">{table}</div>'
    page = tmp_path / "gout.html"
    page.write_text(
        "<html><head><title>Gout</title></head><body><main><h1>Gout</h1>"
        "<h2>Overview</h2><p>Gout is a type of arthritis that causes sudden attacks of severe "
        "pain in a joint, most often the big toe.</p>"
        "<h2>Treatment</h2><p>An attack is usually treated with medicine that eases the pain and "
        f"swelling within a few days.</p>{table}<p>{_AFTER}</p>"
        "<h2>Prevention</h2><p>Losing weight and drinking less alcohol can prevent attacks.</p>"
        "</main></body></html>"
    )
    article, _ = clean_article(load_html(page))
    texts = [(s.heading, s.text) for s in article.sections]
    table_section = next(text for heading, text in texts if heading == "Medicines for gout attacks")
    assert "Colchicine" in table_section
    assert _AFTER not in table_section
    assert any(heading == "Treatment" and _AFTER in text for heading, text in texts)
