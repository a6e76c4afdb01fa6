"""A link that is a control (a script, a download, a share button), standing as a sentence of
its own, is not a sentence of the article; an ordinary link, or a control inside a sentence,
keeps its words."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from assistant.understanding.conversation import Conversation
from ingest.html import load_html
from ingest.html_controls import is_control
from tests.support.kb import build_article_assistant

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Athlete's foot</title></head>
<body><main>
<h1>Athlete's foot</h1>
<p>Athlete's foot is a common fungal infection that affects the skin between the toes. It causes itchy, white, cracked or scaly skin.</p>
<h2>Treatment</h2>
<p>Use an <a href="/medicines/antifungal-creams">antifungal cream</a>, spray or powder from a pharmacy. Keep using it for 1 to 2 weeks after the rash has gone, or it may come back. <a href="javascript:void(0)" onclick="printSection()">Print this advice</a>.</p>
<p>You can <a href="javascript:window.print()">print this page</a> to show your pharmacist.</p>
<h2>Stopping it coming back</h2>
<p>Dry your feet well after washing, especially between the toes. Wear clean cotton socks every day and change shoes often so they can dry out. <a href="/leaflets/foot-care.pdf">Download our foot care leaflet</a></p>
<p>Do not walk barefoot in changing rooms or communal showers. <a href="https://www.facebook.com/sharer/sharer.php?u=https://example.org/af" class="share">Share on Facebook</a> <a href="#" onclick="share('mail')">Email a friend</a></p>
<ul>
<li>Do not share towels.</li>
<li><a href="/leaflets/feet.docx" download>Foot health checklist</a></li>
</ul>
<h2>When to see a GP</h2>
<p>See a GP if the treatment from a pharmacist does not work, if you have diabetes, or if the infection spreads to your nails. Read more about <a href="/conditions/fungal-nail-infection">fungal nail infection</a>.</p>
</main></body></html>
"""  # noqa: E501 (one block per line, as pages have them)

_CONTROLS = (
    "Print this advice",
    "Download our foot care leaflet",
    "Share on Facebook",
    "Email a friend",
    "Foot health checklist",
)


def _text(tmp_path: Path) -> str:
    path = tmp_path / "athletes-foot.html"
    path.write_text(_PAGE, encoding="utf-8")
    return "\n".join(s.text for s in load_html(path).sections)


def test_controls_that_stand_as_sentences_go(tmp_path: Path) -> None:
    text = _text(tmp_path)
    for control in _CONTROLS:
        assert control not in text, text
    assert "or it may come back.\n" in f"{text}\n"
    assert "change shoes often so they can dry out.\n" in f"{text}\n"
    assert "- Do not share towels." in text.splitlines()


def test_ordinary_links_and_controls_inside_sentences_keep_their_words(tmp_path: Path) -> None:
    text = _text(tmp_path)
    assert "Use an antifungal cream, spray or powder from a pharmacy." in text
    assert "You can print this page to show your pharmacist." in text
    assert "Read more about fungal nail infection." in text


@pytest.mark.parametrize(
    ("markup", "control"),
    [
        ('<a href="javascript:void(0)">Print</a>', True),
        ('<a href="JavaScript:openMenu()">More</a>', True),
        ('<a href="#" onclick="go()">Share</a>', True),
        ('<a href="/x.pdf?v=2">Leaflet</a>', True),
        ('<a href="/x" download>Leaflet</a>', True),
        ('<a href="https://twitter.com/intent/tweet?url=x">Post</a>', True),
        ('<a href="mailto:?subject=Read%20this">Email</a>', True),
        ('<a href="mailto:clinic@example.org">clinic@example.org</a>', False),
        ('<a href="#symptoms">Symptoms</a>', False),
        ('<a href="/conditions/sharing-needles">Sharing needles</a>', False),
        ('<a href="https://example.org/pdf-guide">Guide</a>', False),
    ],
)
def test_what_is_a_control(markup: str, control: bool) -> None:
    assert is_control(lxml.html.fragment_fromstring(markup)) is control


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "athletes-foot.html", _PAGE)


def test_an_answer_does_not_quote_a_control(assistant) -> None:
    answer = assistant.answer(Conversation(), "how do i stop athlete's foot coming back?")
    assert "change shoes often" in answer.text, answer.text
    for control in _CONTROLS:
        assert control not in answer.text, answer.text


def test_a_lead_in_to_a_control_goes_with_it(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Warts</title></head><body><main>
<h1>Warts</h1><p>Warts are small lumps on the skin. Most go away on their own.</p>
<h2>Treatment</h2><p>A pharmacist can suggest creams, plasters and sprays.</p>
<p>Find a clinic near you: <a href="javascript:openFinder()">open the clinic finder</a>.</p>
<p>Ask a pharmacist: <a href="/pharmacy">they can advise on wart treatments</a> and plasters.</p>
</main></body></html>"""
    path = tmp_path / "warts.html"
    path.write_text(page, encoding="utf-8")
    text = "\n".join(s.text for s in load_html(path).sections)
    assert "Find a clinic near you" not in text
    assert "clinic finder" not in text
    assert "A pharmacist can suggest creams, plasters and sprays." in text
    assert "they can advise on wart treatments and plasters" in text


def test_a_sentence_made_of_controls_goes_after_an_faq(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Sunburn</title></head><body><main><article>
<h1>Sunburn</h1><p>Sunburn is skin damage caused by too much ultraviolet light.</p>
<h2>Frequently asked questions</h2><h3>Does aloe vera help sunburn?</h3>
<p>Aloe vera gel can soothe the skin, but it does not heal a burn any faster.</p>
<p>See the <a href="javascript:openUvWidget()">UV index for your area</a> or
<a href="javascript:void(0)" onclick="subscribe()">get daily sun alerts</a>.</p>
<p>Use the <a href="javascript:openCalc()">calculator</a> on this page to work out how long you
can stay in the sun safely on a clear day.</p>
</article></main></body></html>"""
    path = tmp_path / "sunburn.html"
    path.write_text(page, encoding="utf-8")
    article = load_html(path)
    answer = next(s for s in article.sections if s.heading == "Does aloe vera help sunburn?")
    assert answer.text.startswith("Aloe vera gel can soothe the skin")
    assert "UV index" not in answer.text
    assert "sun alerts" not in answer.text
    assert "how long you can stay in the sun safely" in answer.text
