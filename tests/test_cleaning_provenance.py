"""A document's provenance lines (`ingest/cleaning/provenance.py`): its reviewed date beside its
content source, its leaflet number, its "for information only" notice. They are facts about the
document, read as metadata, and not sentences of the article; advice that shares their words
stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.understanding.conversation import Conversation
from ingest.cleaning import clean_article, clean_section_text
from ingest.html import load_html
from ingest.model import Article, Section
from tests.support.kb import build_article_assistant

_ADVICE = "Put a few drops of olive oil in the ear twice a day for 3 to 5 days."


@pytest.mark.parametrize(
    "provenance",
    [
        "Page last reviewed: March 3, 2025. Content source: State Department of Health, Hearing"
        " Services Unit.",
        "This leaflet is for general information only. Westbrook Hospital Patient Information"
        " Group. Leaflet number AUD-014.",
        "Patient information leaflet AUD-PIL-031. Last reviewed: 12 March 2025.",
        "Information sheet 22. Reviewed January 2025.",
        "Medically reviewed by the Ear Care editorial team. Last reviewed: 8 May 2025.",
        "Patient information from the Audiology Department, Westbrook Hospital. Date of last"
        " review: 1 April 2025.",
        "The information on this page is not a substitute for advice from your doctor.",
        "Source: National Hearing Institute.",
        "Leaflet produced by the Ear Health Information Service. Reviewed January 2025.",
        "This leaflet was written by the Audiology Department. Last reviewed: 5 May 2025.",
    ],
)
def test_a_provenance_line_goes_and_the_advice_stays(provenance: str) -> None:
    cleaned = clean_section_text(f"{_ADVICE}\n\n{provenance}")
    assert cleaned.text == _ADVICE, cleaned.text


def test_provenance_closing_a_paragraph_goes_with_nothing_before_it() -> None:
    cleaned = clean_section_text(f"{_ADVICE} Leaflet number AUD-014. Reviewed: May 2025.")
    assert cleaned.text == _ADVICE, cleaned.text


@pytest.mark.parametrize(
    "advice",
    [
        "Do not use cotton buds. This advice is not a substitute for seeing your GP if it hurts.",
        "Ear drops are not a substitute for syringing when the wax is hard.",
        "Your hearing test results will be reviewed by the audiologist. Bring your letter.",
        "Ask for leaflet number 4 at reception. It explains the procedure.",
        "The main source of earwax is glands in the ear canal.",
        "Source: your GP can refer you to an ear clinic if drops do not work.",
        "Wax softening drops are sold in pharmacies. Use them for 5 days.",
        "Westbrook Hospital Audiology Clinic.",
        "Earwax is produced by glands in the ear canal. Reviewed by a nurse, it can be removed.",
    ],
)
def test_health_writing_with_provenance_words_stays(advice: str) -> None:
    assert clean_section_text(advice).text == advice


def test_a_section_of_nothing_but_provenance_goes() -> None:
    article = Article(
        doc_id="earwax",
        title="Earwax build-up",
        sections=(
            Section(heading="", text="Information sheet 22. Reviewed January 2025."),
            Section(heading="Treatment", text=_ADVICE),
        ),
    )
    cleaned, _ = clean_article(article)
    assert [s.heading for s in cleaned.sections] == ["Treatment"]


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Earwax build-up</title></head>
<body><main>
<h1>Earwax build-up</h1>
<p>Earwax is made naturally to protect the ear canal. It usually falls out on its own, but sometimes it builds up and blocks the ear.</p>
<h2>Symptoms</h2>
<p>A blocked ear can cause hearing loss, earache, a feeling that the ear is full, ringing in the ear (tinnitus) or dizziness.</p>
<h2>What you can do</h2>
<p>Put 2 or 3 drops of olive oil or almond oil in the ear 3 or 4 times a day for 3 to 5 days. The wax should then fall out on its own, mostly at night while you sleep.</p>
<p>Do not use cotton buds or your fingers to remove earwax. This pushes it further in.</p>
<h2>Where can I get my ears cleaned?</h2>
<p>A GP practice nurse or a private hearing clinic can remove earwax by microsuction or ear irrigation.</p>
<p><small>Page last reviewed: March 3, 2025. Content source: State Department of Health, Hearing Services Unit.</small></p>
</main></body></html>
"""  # noqa: E501 (one block per line, as pages have them)


def test_a_pages_review_line_is_its_date_not_its_text(tmp_path: Path) -> None:
    path = tmp_path / "earwax.html"
    path.write_text(_PAGE, encoding="utf-8")
    article, _ = clean_article(load_html(path))
    assert article.reviewed == "2025-03-03"
    text = "\n".join(s.text for s in article.sections)
    assert "Page last reviewed" not in text
    assert "Content source" not in text
    assert text.endswith("ear irrigation."), text


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "earwax.html", _PAGE)


def test_an_answer_does_not_quote_the_review_line(assistant) -> None:
    answer = assistant.answer(Conversation(), "where can i get my ears cleaned out?")
    assert "microsuction" in answer.text, answer.text
    assert "Page last reviewed" not in answer.text
    assert "Content source" not in answer.text
