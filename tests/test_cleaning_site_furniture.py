"""Site furniture inside article text (`ingest/cleaning/site_furniture.py`): the rows, prompts,
notices and date stamps a site puts around every article go; health writing that shares their
words stays."""

from __future__ import annotations

import pytest

from ingest.cleaning import clean_article, clean_section_text
from ingest.model import Article, Section

_ADVICE = "Soak the foot in warm water twice a day and keep the nail edge clean."


@pytest.mark.parametrize(
    "furniture",
    [
        "Page updated: 2 February 2022 Next review due: 2 February 2025",
        "Last reviewed: 8 July 2021Next review: 8 July 2024",
        "Date published: April 2021",
        "Share this page: WhatsApp | Facebook | Email",
        "Find us on Pinterest · YouTube · Instagram",
        "See also: Athlete's foot | Verrucas | Corns and calluses",
        "Home › Conditions › Foot health › Bunions",
        "Related topics: Hand eczema · Nail fungus",
        "Sign up for our email newsletter and hear about new research first.",
        "Did you find this information helpful? Yes No",
        "Rate this page",
        "Advertisement",
        "Advertising on this website helps fund our work.",
        "The Trust does not endorse any products or services advertised here.",
        "This field is required. Please enter a valid postcode.",
        "Check the details you entered and submit the form again.",
        "© 2021 Example Health Trust. All rights reserved.",
        "Copyright 2019 Footcare Partners LLP | Terms | Privacy",
        "Ask for this leaflet in another language or format by calling the help desk.",
    ],
)
def test_site_furniture_goes_and_the_advice_stays(furniture: str) -> None:
    cleaned = clean_section_text(f"{_ADVICE}\n\n{furniture}")
    assert cleaned.text == _ADVICE
    assert all(drop.reason == "site furniture" for drop in cleaned.dropped)


def test_furniture_glued_after_a_paragraph_on_its_line_goes() -> None:
    text = f"{_ADVICE} © 2020 Footcare Partners. Registered charity 123456."
    assert clean_section_text(text).text == _ADVICE


@pytest.mark.parametrize(
    "advice",
    [
        "Share your worries with your doctor or a friend.",
        "Do not rely on advice from Facebook or Instagram groups; ask your pharmacist instead.",
        "Related conditions include gout and pseudogout.",
        "Your dentist may review your treatment in March 2024.",
        "Sign up for a stop smoking service: your GP can refer you.",
        "Follow the advice on the packet and see a GP if it does not help.",
        "Advertising of junk food to children is linked to obesity.",
        "The clinic was first published as a research unit in 1998.",
        "Signs: fever | cough | rash",
        "Write down which treatments were useful and which were not helpful.",
        "Mild sprains: 1 to 2 weeks | Severe sprains: 6 to 8 weeks",
        "Blood pressure > 140/90 > 160/100 needs treatment",
    ],
)
def test_health_writing_with_furniture_words_stays(advice: str) -> None:
    cleaned = clean_section_text(f"{_ADVICE}\n\n{advice}")
    assert cleaned.text == f"{_ADVICE}\n\n{advice}"


def test_a_section_of_nothing_but_site_furniture_goes() -> None:
    article = Article(
        doc_id="nails",
        title="Ingrown toenails",
        sections=(
            Section(heading="Book a visit", text="This field is required. Please enter a valid "
                    "email address.\n\nDid this page help? Yes No"),
            Section(heading="Treatment", text=_ADVICE),
        ),
    )
    cleaned, stats = clean_article(article)
    assert [s.heading for s in cleaned.sections] == ["Treatment"]
    assert stats.sections_dropped == 1
