"""A plain-text leaflet's title and headings written in capitals are read in sentence case,
keeping the words that must stay in capitals; its "Produced" date is its date."""

from __future__ import annotations

from pathlib import Path

from ingest.cleaning import clean_article
from ingest.plain_case import own_spellings, sentence_case
from ingest.text import load_text

_LEAFLET = """WESTBROOK HOSPITALS NHS TRUST
Fracture Clinic - Patient Information

TENNIS ELBOW
Advice for patients

WHAT IS TENNIS ELBOW?

Tennis elbow is pain around the outside of the elbow. It often happens after overusing the muscles of the forearm, and usually gets better on its own within 6 months to 2 years.

RICE AND PAIN RELIEF

Follow the RICE steps for the first few days. Paracetamol can ease the pain, and NSAIDs such as ibuprofen gel can help with pain and swelling.

SEE YOUR GP OR GO TO A&E IF

  * the pain is severe or getting worse
  * you cannot move your arm

If you have any questions, call the Fracture Clinic on 01632 960 321.
Leaflet FC-31. Produced March 2024. Review date March 2026.
"""  # noqa: E501 (one paragraph per line, as leaflets have them)


def test_capital_title_and_headings_read_in_sentence_case(tmp_path: Path) -> None:
    path = tmp_path / "tennis-elbow.txt"
    path.write_text(_LEAFLET, encoding="utf-8")
    article, _ = clean_article(load_text(path))
    assert article.title == "Tennis elbow"
    assert [s.heading for s in article.sections] == [
        "What is tennis elbow?",
        "RICE and pain relief",
        "See your GP or go to A&E if",
    ]


def test_a_produced_date_is_the_leaflets_date_and_the_review_date_is_not(tmp_path: Path) -> None:
    path = tmp_path / "tennis-elbow.txt"
    path.write_text(_LEAFLET, encoding="utf-8")
    assert load_text(path).reviewed == "2024-03"


def test_words_the_sentences_spell_their_own_way_keep_it() -> None:
    spellings = own_spellings(
        ["Call the Fracture Clinic if it hurts.", "NSAIDs and an MRI scan may help."]
    )
    assert sentence_case("CALL THE FRACTURE CLINIC", spellings) == "Call the Fracture Clinic"
    assert sentence_case("NSAIDS AND MRI SCANS", spellings) == "NSAIDs and MRI scans"
    assert sentence_case("Mixed Case Heading", spellings) == "Mixed Case Heading"
    assert sentence_case("OPTION | COST", spellings) == "OPTION | COST"
