"""A plain-text leaflet laid out as hospitals type them (a tonsillitis leaflet): the hospital's
name above the title, list items wrapped onto indented lines, and a closing block of contact
rows and small print. The title is the leaflet's topic, each item is whole, the contact rows are
a section of their own and the small print is no part of the advice."""

from __future__ import annotations

import pytest

from ingest.cleaning import clean_article
from ingest.model import Article
from ingest.plain_closing import with_closing_block_read
from ingest.plain_items import with_wrapped_items_joined
from ingest.text import load_text

_LEAFLET = """NORTHFIELD GENERAL HOSPITAL
Patient Information

TONSILLITIS IN ADULTS

This leaflet explains what tonsillitis is, how to ease a sore throat at home and when
to get help.

WHAT IS TONSILLITIS?

Tonsillitis is an infection of the tonsils at the back of the throat. It is usually
caused by a virus and gets better on its own within a week. The tonsils are red and
swollen and swallowing hurts.

LOOKING AFTER YOURSELF

  * Take paracetamol or ibuprofen to ease the pain. Always read the packet for the
    right dose and do not take more than it says.
  * Drink plenty of cool drinks and eat soft foods such as yoghurt or soup.
  * Gargle with warm salty water, but do not give this to children, who may
    swallow it.
  * Rest until you feel better.

WHEN TO GET HELP

See a GP if your tonsillitis does not get better after a week or keeps coming back.
Go to hospital straight away if you cannot swallow your own saliva or have trouble
breathing.

CONTACT US

Ear, Nose and Throat Ward: 01632 960 555 (24 hours)
Outpatient Clinic: 01632 960 556 (Monday to Friday, 9am to 5pm)

Leaflet code: ENT-114   Published: June 2025   Review due: June 2028
(c) Northfield General Hospital. This leaflet may be copied for
patient use only.
"""


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Article:
    path = tmp_path_factory.mktemp("leaflet") / "tonsillitis.txt"
    path.write_text(_LEAFLET, encoding="utf-8")
    cleaned, _ = clean_article(load_text(path))
    return cleaned


def test_the_hospitals_name_above_the_title_is_not_the_title(article: Article) -> None:
    assert article.title == "Tonsillitis in adults"
    assert article.sections[0].heading == ""
    assert article.sections[0].text.startswith("This leaflet explains what tonsillitis is")
    assert all(
        "NORTHFIELD" not in s.text and "NORTHFIELD" not in s.heading for s in article.sections
    )


def test_an_item_wrapped_onto_an_indented_line_is_one_item(article: Article) -> None:
    care = next(s.text for s in article.sections if s.heading == "Looking after yourself")
    items = [line for line in care.splitlines() if line.strip()]
    assert items == [
        "* Take paracetamol or ibuprofen to ease the pain. Always read the packet for the "
        "right dose and do not take more than it says.",
        "* Drink plenty of cool drinks and eat soft foods such as yoghurt or soup.",
        "* Gargle with warm salty water, but do not give this to children, who may swallow it.",
        "* Rest until you feel better.",
    ]


def test_the_contact_rows_are_their_own_section_and_the_small_print_goes(
    article: Article,
) -> None:
    assert [s.heading for s in article.sections][-2:] == ["When to get help", "Contact us"]
    help_text = article.sections[-2].text
    assert help_text.endswith("have trouble breathing.")
    contact = article.sections[-1].text
    assert "Ear, Nose and Throat Ward: 01632 960 555 (24 hours)" in contact
    assert "Outpatient Clinic: 01632 960 556" in contact
    text = " ".join(s.text for s in article.sections)
    assert "ENT-114" not in text
    assert "may be copied" not in text
    assert article.reviewed == "2025-06"


def test_a_line_back_at_the_margin_after_an_item_is_not_the_items() -> None:
    text = "- Rest your voice\nSpeak as little as you can.\n  * Sip water\n    often."
    assert with_wrapped_items_joined(text) == (
        "- Rest your voice\nSpeak as little as you can.\n  * Sip water often."
    )


def test_a_nested_item_is_not_its_parents_wrapped_line() -> None:
    text = "- Soft foods:\n    - soup\n    - yoghurt"
    assert with_wrapped_items_joined(text) == text


def test_small_print_is_read_only_at_the_end_and_only_with_a_notice() -> None:
    body = "ADVICE\n\nDrink plenty of water.\n\nReview due: June 2028\nLeaflet code: X-1"
    assert with_closing_block_read(body) == body  # no copyright notice: nothing is small print
    notice = "(c) Example Clinic. All rights reserved."
    assert with_closing_block_read(f"{notice}\n\nADVICE\n\nDrink water.") == (
        f"{notice}\n\nADVICE\n\nDrink water."
    )


def test_field_rows_without_a_telephone_number_are_left_as_written() -> None:
    text = "Dose: 5 ml\nHow often: twice a day"
    assert with_closing_block_read(text) == text


def test_contact_rows_in_the_body_are_left_as_written() -> None:
    text = (
        "HELP\n\nWard 4: 01632 960 100\nClinic: 01632 960 200\n\n"
        "Call the ward if the pain gets worse."
    )
    assert with_closing_block_read(text) == text
