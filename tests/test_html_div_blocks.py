"""A page that writes its paragraphs as `<div>`s, with no `<p>` at all, is split into paragraphs
and sections like a `<p>` page: its headings start sections instead of being glued into the
sentences around them, and a label over its title ("Patient guide") does not open the article."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from assistant.understanding.conversation import Conversation
from ingest.html import load_html
from ingest.html_div_blocks import with_div_paragraphs
from tests.support.kb import build_article_assistant

_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Impetigo | Northfield Community Health</title></head>
<body>
<div class="top"><div class="brand">Northfield Community Health</div>
<div class="links"><a href="/">Home</a> | <a href="/guides">Guides</a> | <a href="/clinics">Clinics</a></div></div>
<div class="wrap">
<div class="kicker">Patient guide</div>
<h1>Impetigo</h1>
<div class="lede">Impetigo is a common skin infection caused by bacteria. It is most common in young children but anyone can get it. It is not usually serious and often clears up in 7 to 10 days with treatment.</div>
<h2>What it looks like</h2>
<div class="para">Impetigo starts with red sores or blisters, usually around the nose and mouth or on the hands.</div>
<div class="para">The sores quickly burst and leave crusty, golden-brown patches that look a little like cornflakes stuck to the skin.</div>
<div class="para">The patches can be itchy but are not usually painful.</div>
<h2>How impetigo spreads</h2>
<div class="para">The bacteria spread by touching the sores or things the infected person has used, such as towels, flannels and bedding.</div>
<div class="para">Scratching spreads the infection to other parts of the body.</div>
<h2>Treatment</h2>
<div class="para">A pharmacist or GP may recommend an antiseptic cream for small patches. An antibiotic cream or tablets may be needed if it is more widespread.</div>
<div class="para">Use the cream for as long as you are told to, even if the sores have gone.</div>
<h2>Staying off school or work</h2>
<div class="para">Children should stay off school or nursery until the sores have crusted over and healed, or for 48 hours after starting antibiotic treatment.</div>
<div class="para">Adults should stay off work for the same length of time if they work with food or with young children.</div>
<h2>When to see a GP</h2>
<div class="para">See a GP if the sores keep spreading after a week of treatment, if your child has a high temperature, or if the skin around the sores is red, hot and swollen.</div>
<div class="stamp">Last updated: 3 February 2025</div>
</div>
<div class="bottom">Northfield Community Health is an independent charity. <a href="/privacy">Privacy</a></div>
</body></html>
"""  # noqa: E501 (one block per line, as pages have them)

_HEADINGS = (
    "What it looks like",
    "How impetigo spreads",
    "Treatment",
    "Staying off school or work",
    "When to see a GP",
)


def _page(tmp_path: Path, html: str = _PAGE) -> Path:
    path = tmp_path / "impetigo.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_each_heading_starts_a_section(tmp_path: Path) -> None:
    article = load_html(_page(tmp_path))
    assert article.title == "Impetigo"
    assert [s.heading for s in article.sections] == ["", *_HEADINGS]


def test_no_heading_is_glued_into_the_text(tmp_path: Path) -> None:
    article = load_html(_page(tmp_path))
    for section in article.sections:
        for heading in _HEADINGS:
            assert heading not in section.text, section.text
    sections = {s.heading: s.text for s in article.sections}
    assert sections["How impetigo spreads"].endswith(
        "Scratching spreads the infection to other parts of the body."
    )
    # Each <div> is a paragraph of its own.
    assert len(sections["What it looks like"].split("\n\n")) == 3


def test_a_label_over_the_title_does_not_open_the_article(tmp_path: Path) -> None:
    article = load_html(_page(tmp_path))
    assert article.sections[0].text.startswith("Impetigo is a common skin infection"), (
        article.sections[0].text
    )
    text = "\n".join(s.text for s in article.sections)
    assert "Patient guide" not in text
    for chrome in ("Home", "Clinics", "independent charity"):
        assert chrome not in text


def test_a_label_that_is_a_sentence_stays(tmp_path: Path) -> None:
    """Only a short label goes: a sentence above the title is the article's."""
    html = _PAGE.replace(
        '<div class="kicker">Patient guide</div>',
        '<div class="kicker">This guide is for parents of children with skin sores.</div>',
    )
    text = "\n".join(s.text for s in load_html(_page(tmp_path, html)).sections)
    assert "This guide is for parents of children with skin sores." in text


def test_a_paragraph_page_keeps_its_few_text_divs() -> None:
    """On a page of <p>s a lone text <div> is a subtitle or a byline: it is left to trafilatura."""
    tree = lxml.html.fromstring(
        "<html><body><main><h1>Warts</h1><div class='subtitle'>Checked by the skin team</div>"
        "<h2>What are warts?</h2><p>Warts are small lumps on the skin caused by a virus.</p>"
        "<h2>Treatment</h2><p>A pharmacist can suggest creams, plasters or sprays.</p>"
        "</main></body></html>"
    )
    with_div_paragraphs(tree)
    assert [e.tag for e in tree.iter("div", "p")] == ["div", "p", "p"]


def test_a_div_of_links_is_not_a_paragraph() -> None:
    tree = lxml.html.fromstring(
        "<html><body><div><div class='menu'><a href='/'>Home</a> | <a href='/a'>A to Z</a></div>"
        "<div>Warts are small lumps on the skin caused by a virus.</div></div></body></html>"
    )
    with_div_paragraphs(tree)
    assert [e.get("class") for e in tree.iter("div")] == [None, "menu"]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "impetigo.html", _PAGE)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how long should my child stay off school with impetigo", "until the sores have crusted"),
        ("how does impetigo spread", "spread by touching the sores"),
    ],
)
def test_an_answer_quotes_its_section_without_the_next_heading(assistant, question, expected):
    answer = assistant.answer(Conversation(), question)
    quoted = answer.text.split("Sources:")[0]
    assert expected in quoted, answer.text
    for heading in _HEADINGS:
        assert f"{heading} " not in quoted, answer.text
    assert "Patient guide" not in quoted
