"""A block whose class or id merely contains a furniture word ("antiviral", "menopause",
"treatment-options"), or names one but holds the article's heading and prose, is article text;
blocks whose marks name furniture as a whole word and hold no article text still go."""

from __future__ import annotations

from pathlib import Path

from ingest.html import load_html
from ingest.html_marks import mark_words
from ingest.model import Article

_OPENING = (
    "<h1>Flu</h1><p>Flu is a common infectious illness caused by influenza viruses. It spreads "
    "through coughs and sneezes and usually gets better on its own within a week.</p>"
    "<h2>Symptoms</h2><p>Flu symptoms come on quickly. They include a sudden high temperature, "
    "an aching body, feeling tired or exhausted, a dry cough, a sore throat and a headache. "
    "Some people also have difficulty sleeping, loss of appetite, diarrhoea or tummy pain, "
    "and feeling sick or being sick. Children may also get pain in their ear and seem less "
    "active than usual. The symptoms are very similar for children and adults.</p>"
)


def _page(tmp_path: Path, body: str) -> Article:
    path = tmp_path / "flu.html"
    path.write_text(
        "<!doctype html><html lang='en'><head><title>Flu</title></head><body><main><article>"
        f"{_OPENING}{body}</article></main></body></html>",
        encoding="utf-8",
    )
    return load_html(path)


def _text(article: Article) -> str:
    return "\n\n".join(f"{s.heading}\n{s.text}" for s in article.sections)


def test_a_section_whose_id_names_a_furniture_word_but_holds_a_heading_and_prose_stays(
    tmp_path: Path,
) -> None:
    article = _page(
        tmp_path,
        "<section id='viral-or-bacterial'><h2>Flu or a chest infection?</h2>"
        "<p>Flu comes on suddenly with a fever and aching muscles. A bacterial chest infection "
        "often follows a cold and brings a cough with green or yellow phlegm.</p>"
        "<table><tr><th>Sign</th><th>Flu</th><th>Chest infection</th></tr>"
        "<tr><td>Start</td><td>Sudden</td><td>Gradual</td></tr></table></section>"
        "<section id='prevention'><h2>Prevention</h2><p>The flu vaccine is offered every "
        "autumn to people at higher risk.</p></section>",
    )
    section = next(s for s in article.sections if s.heading == "Flu or a chest infection?")
    assert "comes on suddenly" in section.text
    assert "- Sign: Start; Flu: Sudden; Chest infection: Gradual" in section.text
    assert any(s.heading == "Prevention" for s in article.sections)


def test_a_mark_that_only_contains_a_furniture_word_keeps_its_block(tmp_path: Path) -> None:
    article = _page(
        tmp_path,
        "<section id='antiviral-medicines'><h2>Antiviral medicines</h2><p>A doctor may "
        "prescribe antiviral tablets if you are at higher risk.</p></section>"
        "<div class='treatment-options'><h2>Treatment options</h2><p>Rest, drink plenty of "
        "fluids and take paracetamol for a fever.</p></div>"
        "<p class='menopause-note'>Flu can make hot flushes feel worse for a few days.</p>",
    )
    text = _text(article)
    assert "prescribe antiviral tablets" in text
    assert "drink plenty of fluids" in text
    assert "hot flushes" in text


def test_blocks_whose_marks_name_furniture_and_hold_no_article_text_still_go(
    tmp_path: Path,
) -> None:
    article = _page(
        tmp_path,
        "<h2>Treatment</h2><p>Rest and drink plenty of fluids. Paracetamol or ibuprofen can "
        "ease a fever and aches.</p>"
        "<div class='viral-share'><span>Share this page:</span> <a href='https://x.com/s'>X"
        "</a> <a href='mailto:?s'>Email</a></div>"
        "<div id='newsletter-signup'><h2>Get our newsletter</h2><p>Monthly tips on staying "
        "well, straight to your inbox.</p><form><input type='email'><button>Sign up</button>"
        "</form></div>",
    )
    text = _text(article)
    assert "ease a fever" in text
    assert not any(words in text for words in ("Share this page", "newsletter", "Monthly tips"))


def test_mark_words_are_whole_words_of_a_class_or_id() -> None:
    assert mark_words("share-row siteFooter") == {"share", "row", "site", "footer"}
    assert "viral" not in mark_words("antiviral-medicines")
