"""Captions of pictures and tables, in the shapes pages write them, kept where the page shows
them; captions that only credit or number a picture are not."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from ingest.html import load_html
from ingest.html_captions import with_captions_as_text
from ingest.model import Article

_OPENING = (
    "<p>Gout is a common form of arthritis that causes sudden, severe pain and swelling in a "
    "joint, most often the joint at the base of the big toe.</p>"
)
_AFTER = "<p>A flare usually settles within one to two weeks, even without treatment.</p>"


def _page(tmp_path: Path, figure: str) -> Article:
    path = tmp_path / "gout.html"
    path.write_text(
        "<!doctype html><html lang='en'><head><title>Gout</title></head><body><main>"
        f"<h1>Gout</h1><h2>Symptoms</h2>{_OPENING}{figure}{_AFTER}</main></body></html>",
        encoding="utf-8",
    )
    return load_html(path)


def _symptoms(article: Article) -> list[str]:
    return next(s for s in article.sections if s.heading == "Symptoms").text.split("\n\n")


def test_a_figcaption_under_a_picture_stays_in_place(tmp_path: Path) -> None:
    caption = "Tophi are lumps of uric acid crystals that can form under the skin."
    figure = f"<figure><img src='tophi.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
    article = _page(tmp_path, figure)
    assert _symptoms(article)[1] == caption
    assert _symptoms(article)[2].startswith("A flare usually settles")


def test_captions_in_other_shapes_are_kept(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<div class='wp-caption'><img src='toe.jpg'><p class='wp-caption-text'>A swollen, red big "
        "toe joint is the classic sign of a flare.</p></div>"
        "<p><img src='knee.jpg'></p><p class='caption'>Gout can also affect the knee.</p>"
        "<div class='media'><img src='ankle.jpg'><div class='image-caption'>The ankle may swell "
        "and feel hot.</div></div>",
    )
    assert _symptoms(article)[1:4] == [
        "A swollen, red big toe joint is the classic sign of a flare.",
        "Gout can also affect the knee.",
        "The ankle may swell and feel hot.",
    ]


def test_credits_and_figure_numbers_are_not_kept(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<figure><img src='a.jpg'><figcaption>Figure 2</figcaption></figure>"
        "<div class='wp-caption'><img src='b.jpg'><p class='wp-caption-text'>Photo: A. Person / "
        "Example Images</p></div>"
        "<figure><img src='c.jpg'><figcaption>© Example Health Trust 2024</figcaption></figure>"
        "<figure><img src='d.jpg'><figcaption>Ice wrapped in a towel can ease the swelling. "
        "<span class='credit'>Example Images</span></figcaption></figure>",
    )
    assert _symptoms(article) == [
        _OPENING[3:-4],
        "Ice wrapped in a towel can ease the swelling.",
        _AFTER[3:-4],
    ]


def test_a_tables_figcaption_introduces_the_table(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<figure><table><tr><th>Food</th><th>Purines</th></tr><tr><td>Liver</td><td>High</td></tr>"
        "</table><figcaption>Purines in common foods</figcaption></figure>",
    )
    paragraphs = _symptoms(article)
    at = paragraphs.index("Purines in common foods")
    assert paragraphs[at + 1] == "- Food: Liver; Purines: High"



def test_a_section_whose_class_names_a_caption_is_not_taken_for_one() -> None:
    block = (
        '<div class="captioned-block"><h3>At night</h3><ul><li>Pain often starts at night.</li>'
        "</ul></div>"
    )
    tree = lxml.html.fromstring(f'<div><p><img src="x.jpg"></p>{block}</div>')
    kept = with_captions_as_text(tree)
    assert lxml.html.tostring(kept, encoding="unicode").endswith(f"{block}</div>")
