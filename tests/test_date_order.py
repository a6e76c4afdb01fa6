"""Numeric dates read the way round the page writes them, from the HTML and text loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.date_order import DateOrder, numeric_date_order
from ingest.html import load_html
from ingest.text import load_text

_ARTICLE = (
    "<h1>Bunions</h1><p>A bunion is a bony bump that forms on the joint at the base of the big "
    "toe. Wearing wide, comfortable shoes and padding the bump can ease the pain.</p>"
)


@pytest.mark.parametrize(
    ("text", "lang", "order"),
    [
        ("Posted 25/01/2024. Last updated: 11/02/2023", None, DateOrder.DAY_FIRST),
        ("Posted 01/25/2024. Last updated: 11/02/2023", "en-GB", DateOrder.MONTH_FIRST),
        ("Last updated: 11/02/2023", "en-GB", DateOrder.DAY_FIRST),
        ("Last updated: 11/02/2023", "en_AU", DateOrder.DAY_FIRST),
        ("Last updated: 11/02/2023", "en-US", DateOrder.MONTH_FIRST),
        ("Last updated: 11/02/2023", "en", DateOrder.MONTH_FIRST),
        ("Last updated: 11/02/2023", None, DateOrder.MONTH_FIRST),
    ],
)
def test_the_pages_own_unambiguous_dates_then_its_language_decide(
    text: str, lang: str | None, order: DateOrder
) -> None:
    assert numeric_date_order(text, lang) is order


def _page(tmp_path: Path, name: str, lang: str | None, footer: str) -> Path:
    path = tmp_path / name
    lang_attr = f' lang="{lang}"' if lang else ""
    path.write_text(
        f"<!doctype html><html{lang_attr}><head><title>Bunions</title></head><body><main>"
        f"{_ARTICLE}<p>{footer}</p></main></body></html>",
        encoding="utf-8",
    )
    return path


def test_pages_of_one_site_read_an_ambiguous_date_as_their_other_dates(tmp_path: Path) -> None:
    # Both pages undecided by their own words: both read month first, not one each way.
    first = load_html(_page(tmp_path, "a.html", None, "Last updated: 11/02/2023"))
    second = load_html(_page(tmp_path, "b.html", None, "Last updated: 03/18/2024"))
    assert (first.reviewed, second.reviewed) == ("2023-11-02", "2024-03-18")


def test_a_british_page_reads_day_first(tmp_path: Path) -> None:
    article = load_html(_page(tmp_path, "uk.html", "en-GB", "Page last reviewed: 11/02/2023"))
    assert article.reviewed == "2023-02-11"


def test_a_text_page_follows_its_unambiguous_dates(tmp_path: Path) -> None:
    path = tmp_path / "bunions.txt"
    path.write_text(
        "Bunions\n\nA bunion is a bony bump at the base of the big toe, and wide shoes help.\n\n"
        "First published 25/01/2019. Last updated: 11/02/2023\n",
        encoding="utf-8",
    )
    assert load_text(path).reviewed == "2023-02-11"
