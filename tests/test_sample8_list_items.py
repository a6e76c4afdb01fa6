"""List items kept whole: a MedQuAD list whose first item runs over sentences, an item with a
bracket or a one-word phrase that only looks like a glued sentence, and a list introduction
that ends with a comma. Fixtures are about colds and allergies, written for these tests."""

from __future__ import annotations

from ingest.cleaning import clean_section_text
from ingest.medquad import normalise_answer


def test_a_first_item_of_several_sentences_after_a_heading_starts_the_list() -> None:
    messy = (
        "Home Care - Drink plenty of fluids such as water and broth. Fluids thin the mucus.   "
        "-  Rest as much as you can. Sleep helps the body fight the virus.  -  Use a humidifier."
    )
    assert normalise_answer(messy) == (
        "Home Care\n- Drink plenty of fluids such as water and broth. Fluids thin the mucus.\n"
        "- Rest as much as you can. Sleep helps the body fight the virus.\n- Use a humidifier."
    )


def test_spaces_after_the_first_dash_and_a_copy_spaced_otherwise() -> None:
    messy = (
        "Colds often cause -  a sore throat  -  a runny nose  -  sneezing.  "
        "a sore throat  a runny nose sneezing. Most colds clear up in a week."
    )
    assert normalise_answer(messy) == (
        "Colds often cause\n- a sore throat\n- a runny nose\n- sneezing.\n"
        "Most colds clear up in a week."
    )


def test_a_dash_in_prose_far_from_a_list_is_not_a_first_item() -> None:
    prose = "A cold - unlike the flu - rarely causes a high fever. It lasts a week.   - Rest"
    assert normalise_answer(prose).startswith("A cold - unlike the flu - rarely causes")


def test_an_item_is_not_cut_inside_its_own_bracket() -> None:
    text = (
        "Allergy medicines include these.\n"
        "- Antihistamines (allergy or hay fever Tablets) dry a runny nose and ease sneezing "
        "for most adults.\n"
        "- Decongestant sprays open a blocked nose for a few days."
    )
    cleaned = clean_section_text(text).text
    assert "- Antihistamines (allergy or hay fever Tablets) dry a runny nose" in cleaned


def test_an_item_is_not_cut_before_a_word_that_ends_its_phrase() -> None:
    text = (
        "Allergy medicines include these.\n"
        "- Leukotriene Receptor (LTR) Antagonists. Leukotrienes are chemicals that swell the "
        "airways of the nose.\n"
        "- Nasal steroid sprays calm swelling in the nose."
    )
    cleaned = clean_section_text(text).text
    assert "- Leukotriene Receptor (LTR) Antagonists. Leukotrienes are" in cleaned


def test_a_list_introduction_ending_with_a_comma_gets_a_colon() -> None:
    text = "If you have a cold,\n- wash your hands often\n- cover your coughs and sneezes"
    cleaned = clean_section_text(text).text
    assert cleaned.split("\n")[0] == "If you have a cold:"
    assert clean_section_text("Rest helps,\nand so do fluids.").text.startswith("Rest helps,")
