"""A page saved as plain text keeps its article and its tables, and loses the site around them:
the date stamp under the title, rows of links and social networks, the copyright footer, and the
site's name after the title."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import Article
from ingest.text import load_text

_PAGE = """Ingrown toenails - Harbour Foot Clinic

Home   Treatments   Prices   Find us   Book
You are here: Home > Treatments > Ingrown toenails

Ingrown toenails

Updated: 3 May 2023   Checked by: Harbour Foot Clinic podiatry team

An ingrown toenail happens when the side of the nail grows into the skin around it. It is
most common on the big toe. The skin becomes red, swollen and painful, and may become infected.

Treating it at home

Soak your foot in warm, salty water for 10 to 20 minutes three times a day. Keep the foot dry
for the rest of the day and wear wide, comfortable shoes. Do not cut the nail yourself if it is
infected.

Treatment options

OPTION | WHAT HAPPENS | HEALING TIME
Partial nail removal | The edge of the nail is removed under local anaesthetic | 2 to 4 weeks
Total nail removal | The whole nail is removed | 6 to 8 weeks

A chemical can be applied to stop the edge of the nail growing back.

Call us on 01632 960 111 to book an assessment with a podiatrist.
See also: Fungal nails | Corns and calluses | Verrucas
Find us on YouTube | TikTok | Facebook
© 2023 Harbour Foot Clinic LLP. Company number 01234567. Privacy | Accessibility | Cookie settings
"""


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "ingrown-toenails.txt"
    path.write_text(_PAGE, encoding="utf-8")
    return load_text(path)


def _text(article: Article) -> str:
    return "\n".join(f"{s.heading}\n{s.text}" for s in article.sections)


def test_the_site_name_after_the_title_goes(article: Article) -> None:
    assert article.title == "Ingrown toenails"


def test_a_date_stamp_is_no_section_heading_but_the_page_date(article: Article) -> None:
    assert article.reviewed == "2023-05-03"
    assert all("Updated" not in s.heading for s in article.sections)
    assert article.sections[0].text.startswith("An ingrown toenail happens")


def test_footer_rows_go_and_the_table_rows_stay_apart(article: Article) -> None:
    text = _text(article)
    for furniture in ("See also", "YouTube", "TikTok", "©", "Company number", "Cookie settings"):
        assert furniture not in text
    lines = text.splitlines()
    assert "OPTION | WHAT HAPPENS | HEALING TIME" in lines
    assert any(line.startswith("Partial nail removal |") for line in lines)
    assert any(line.startswith("Total nail removal |") for line in lines)
    assert "A chemical can be applied to stop the edge of the nail growing back." in text
