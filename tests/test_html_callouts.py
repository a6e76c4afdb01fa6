"""`<aside>` callouts inside an article are the article's (`ingest/html_callouts.py`); asides of
links, adverts and forms, and asides beside the article, stay page chrome."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.cleaning import clean_article
from ingest.html import load_html

_WARNING = "Do not squeeze spots, as this can leave scars on your skin."
_TIP = "Wash your face no more than twice a day with a mild soap."
_BESIDE = "Our clinic has helped thousands of patients with their skin every year."

_RELATED = (
    '<aside class="related"><h2>Related topics</h2><ul><li><a href="/rosacea">Rosacea</a></li>'
    '<li><a href="/eczema">Eczema</a></li><li><a href="/psoriasis">Psoriasis</a></li></ul></aside>'
)
_AD = '<aside class="promo"><div>Advertisement</div></aside>'
_SIGN_UP = (
    '<aside class="newsletter"><p>Get our skin care tips every week by email.</p>'
    '<form><input type="email"><button>Subscribe</button></form></aside>'
)


def _page(wrapper: str) -> str:
    open_tag, close_tag = wrapper.split("|")
    return f"""<!doctype html><html><head><title>Acne</title></head><body>
<nav><a href="/">Home</a> <a href="/a-z">Health A to Z</a></nav>
{open_tag}<h1>Acne</h1>
<p>Acne is a common skin condition that causes spots, mainly on the face, back and chest. It
affects most people at some point, especially teenagers.</p>
<h2>Treatment</h2>
<p>Mild acne can be treated with gels or creams you can buy from a pharmacy. They usually take
several weeks to work.</p>
<aside class="callout callout--warning" role="note"><p class="callout__title">Important</p>
<p>{_WARNING}</p></aside>
<p>See a GP if your acne is moderate or severe, or it is making you feel anxious.</p>
{_RELATED}
<h2>Self-care</h2>
<p>Keep your skin clean and avoid heavy make-up.</p>
<aside class="tip">{_TIP}</aside>
{_AD}
{_SIGN_UP}
{close_tag}
<aside class="about"><p>{_BESIDE}</p></aside>
<footer><p>Copyright 2024 Skin Clinic.</p></footer>
</body></html>"""


@pytest.mark.parametrize(
    "wrapper",
    ["<main>|</main>", "<article>|</article>", '<div role="main">|</div>', "<div>|</div>"],
)
def test_a_callout_inside_the_article_stays_in_its_section(tmp_path: Path, wrapper: str) -> None:
    path = tmp_path / "acne.html"
    path.write_text(_page(wrapper))
    article, _ = clean_article(load_html(path))
    by_heading = {section.heading: section.text for section in article.sections}
    treatment = by_heading["Treatment"]
    assert _WARNING in treatment
    assert treatment.index("several weeks to work") < treatment.index(_WARNING)
    assert treatment.index(_WARNING) < treatment.index("See a GP")
    assert _TIP in by_heading["Self-care"]


@pytest.mark.parametrize(
    "wrapper",
    ["<main>|</main>", "<article>|</article>", '<div role="main">|</div>', "<div>|</div>"],
)
def test_link_advert_and_form_asides_and_asides_beside_the_article_stay_out(
    tmp_path: Path, wrapper: str
) -> None:
    path = tmp_path / "acne.html"
    path.write_text(_page(wrapper))
    article, _ = clean_article(load_html(path))
    text = "\n".join(section.text for section in article.sections)
    for chrome in ("Rosacea", "Related topics", "Advertisement", "every week by email", _BESIDE):
        assert chrome not in text


def test_a_div_callout_keeps_the_space_after_its_bold_label(tmp_path: Path) -> None:
    page = tmp_path / "acne.html"
    page.write_text(
        "<html><head><title>Acne</title></head><body><main><h1>Acne</h1>"
        "<p>Acne is a common skin condition that causes spots, mainly on the face, back and "
        "chest. It affects most people at some point, especially teenagers.</p>"
        '<div class="callout"><strong>See a GP urgently if:</strong> the spots are very painful '
        "and hot, or you feel unwell with a high temperature.</div>"
        "<p>Mild acne can be treated with gels or creams you can buy from a pharmacy.</p>"
        "</main></body></html>"
    )
    text = "\n".join(s.text for s in clean_article(load_html(page))[0].sections)
    assert "See a GP urgently if: the spots are very painful" in text
