"""The date a page says it was reviewed, from its structured data or its own words."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from ingest.html import load_html
from ingest.review_date import stated_review_date


def reviewed(page: str) -> str | None:
    tree = lxml.html.fromstring(page)
    return stated_review_date(tree, tree.text_content())


@pytest.mark.parametrize(
    ("footer", "date"),
    [
        ("<p>Page last reviewed: 05 January 2024<br>Next review due: 05 January 2027</p>",
         "2024-01-05"),
        ("<p>Last Reviewed: September 12, 2024</p>", "2024-09-12"),
        ("<p>Content last updated March 14, 2024</p>", "2024-03-14"),
        ("<p>Last reviewed by a medical professional on 02/20/2024.</p>", "2024-02-20"),
        ("<p>Medically reviewed in May 2023</p>", "2023-05"),
    ],
)
def test_a_date_the_page_states_in_words(footer: str, date: str) -> None:
    assert reviewed(f"<html><body><p>Gout is arthritis.</p>{footer}</body></html>") == date


def test_structured_data_and_meta_tags_count_and_a_review_beats_an_update() -> None:
    page = (
        '<html><head><meta property="article:modified_time" content="2024-06-01T10:00:00Z">'
        '<script type="application/ld+json">{"@type": "MedicalWebPage", '
        '"lastReviewed": "2023-11-02"}</script></head><body><p>Text.</p></body></html>'
    )
    assert reviewed(page) == "2023-11-02"


def test_a_next_review_date_or_an_impossible_one_is_not_a_review() -> None:
    assert reviewed("<html><body><p>Review date: September 2036</p></body></html>") is None
    assert reviewed("<html><body><p>Next review due: 12 July 2026</p></body></html>") is None
    assert reviewed("<html><body><p>Last updated 31/31/2024</p></body></html>") is None


def test_a_saved_page_carries_its_stated_review_date(tmp_path: Path) -> None:
    page = tmp_path / "gout.html"
    page.write_text(
        "<html><head><title>Gout</title></head><body><main><h1>Gout</h1>"
        + "<p>Gout is a kind of arthritis that causes sudden, severe joint pain.</p>" * 5
        + '<p class="review">Page last reviewed: 12 July 2023</p></main></body></html>',
        encoding="utf-8",
    )
    assert load_html(page).reviewed == "2023-07-12"


@pytest.mark.parametrize(
    ("footer", "date"),
    [
        # A leaflet's "Review date" is when it is next due; its publication date is the one.
        ("<p>Leaflet code: ENT-22</p><p>Date published: 3 June 2021</p>"
         "<p>Review date: June 2024</p>", "2021-06-03"),
        ("<p>Published: August 2020 | Next review: August 2023</p>", "2020-08"),
        ("<footer>First published on 12/01/2019</footer>", "2019-12-01"),
        ("<p>Publication date: 9 October 2022</p>", "2022-10-09"),
        # A review the page states beats its publication.
        ("<p>Published: 1 May 2019</p><p>Last reviewed: 2 May 2022</p>", "2022-05-02"),
    ],
)
def test_a_publication_date_the_page_labels_counts(footer: str, date: str) -> None:
    assert reviewed(f"<html><body><p>Tonsils trap germs.</p>{footer}</body></html>") == date


def test_a_publication_told_in_a_sentence_is_not_the_page_date() -> None:
    body = "<p>A trial published in March 2020 found that gargling did not help.</p>"
    assert reviewed(f"<html><body>{body}</body></html>") is None
    body = "<p>The guidance was published on 4 April 2018 by the health ministry.</p>"
    assert reviewed(f"<html><body>{body}</body></html>") is None
