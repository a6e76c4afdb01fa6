"""Ingest cleaning: each rule on passages shaped like the artifacts (in several wordings), the
invariants every cleaning keeps, and the shared MedQuAD and MEDIQA collections."""

from __future__ import annotations

import html
import json
import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthqa.text.sentences import is_list_item, split_sentences
from healthqa.text.words import words
from ingest.beir import load_beir
from ingest.cleaning import (
    DEFAULT_WORDS,
    CleanedText,
    CleaningWords,
    clean_article,
    clean_section_text,
)
from ingest.cleaning.apparatus_sections import is_apparatus_heading
from ingest.cleaning.credits import is_credit
from ingest.cleaning.furniture import URL
from ingest.cleaning.site_furniture import is_site_furniture
from ingest.medquad import load_medquad
from ingest.model import Article, Section


def clean(text: str, heading: str = "") -> str:
    return clean_section_text(text, heading=heading).text


def lines(text: str, heading: str = "") -> list[str]:
    return clean(text, heading).split("\n")


# --- lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The episodes may: - Occur many times a day - Occur for weeks to months before "
            "being noticed - Interfere with school",
            [
                "The episodes may:",
                "- Occur many times a day",
                "- Occur for weeks to months before being noticed",
                "- Interfere with school",
            ],
        ),
        (
            "Call the clinic if your child has any of these signs: - a fever over 39 degrees "
            "- a stiff neck - a rash that does not fade",
            [
                "Call the clinic if your child has any of these signs:",
                "- a fever over 39 degrees",
                "- a stiff neck",
                "- a rash that does not fade",
            ],
        ),
        (
            "Wash your hands often. - Before cooking - After using the toilet",
            ["Wash your hands often.", "- Before cooking", "- After using the toilet"],
        ),
        (
            "Flu symptoms may include - Body aches - Chills - Cough - Sore throat",
            [
                "Flu symptoms may include",
                "- Body aches",
                "- Chills",
                "- Cough",
                "- Sore throat",
            ],
        ),
    ],
)
def test_run_in_bullets_become_one_item_a_line_after_their_introduction(
    text: str, expected: list[str]
) -> None:
    assert lines(text) == expected


def test_a_dash_that_starts_a_definition_stays_inside_its_item() -> None:
    text = "Common skin problems: - Plantar warts - warts on the soles - Acne - blocked pores"
    assert lines(text) == [
        "Common skin problems:",
        "- Plantar warts - warts on the soles",
        "- Acne - blocked pores",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The H1N1 strain - popularly known as swine flu - was first seen in 2009.",
        "Children aged 2 - 5 need a smaller dose than adults.",
        "A dwarf is a person of short stature - under 4 feet 10 inches as an adult.",
        "Rest helps - but only if you also drink water - so plan for both.",
    ],
)
def test_dashes_inside_prose_are_not_bullets(text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(
    ("text", "items", "after"),
    [
        (
            "When choosing a program, ask about: the share of people who finish it. the "
            "average weight loss. possible side effects. Your doctor can help you decide.",
            [
                "- the share of people who finish it.",
                "- the average weight loss.",
                "- possible side effects.",
            ],
            "Your doctor can help you decide.",
        ),
        (
            "Other symptoms may include the following: fever and chills. joint aches. "
            "In many cases the rash fades.",
            ["- fever and chills.", "- joint aches."],
            "In many cases the rash fades.",
        ),
    ],
)
def test_lost_bullets_after_a_colon_come_back(text: str, items: list[str], after: str) -> None:
    cleaned = lines(text)
    assert cleaned[0].endswith(":")
    assert cleaned[1:-1] == items
    assert cleaned[-1] == after


def test_one_lower_case_sentence_after_a_colon_is_not_a_list() -> None:
    text = "Control rests on two things: finding the sick early. Treatment follows at once."
    assert clean(text) == text


@pytest.mark.parametrize(
    ("text", "last_item", "prose"),
    [
        (
            "You are at greater risk if you: - Are over 65 - Smoke - Have had radiation to "
            "your neck You should see a doctor if you find a lump.",
            "- Have had radiation to your neck",
            "You should see a doctor if you find a lump.",
        ),
        (
            "Watch for: - Cough - Fever - Runny nose HOW IS THE FLU TREATED? Most children "
            "get better with rest.",
            "- Runny nose",
            "HOW IS THE FLU TREATED?",
        ),
        (
            "Resources: - Testing Registry: Factor V - Encyclopedia: Blood Clots These pages "
            "explain how the condition is managed.",
            "- Encyclopedia: Blood Clots",
            "These pages explain how the condition is managed.",
        ),
        (
            "Findings include - Short stature - Scoliosis - Seizures - The frequency of each "
            "sign is an estimate from published case reports of affected people and families.",
            "- Seizures",
            "The frequency of each sign is an estimate from published case reports of affected "
            "people and families.",
        ),
        (
            "Warning signs include: - Wheezing - Chest tightness Doctors use breathing tests "
            "and imaging to find the cause.",
            "- Chest tightness",
            "Doctors use breathing tests and imaging to find the cause.",
        ),
        (
            "Ways to stay safe: - Wear a helmet - Keeping up with checkups Regular visits help "
            "your doctor catch problems early.",
            "- Keeping up with checkups",
            "Regular visits help your doctor catch problems early.",
        ),
    ],
)
def test_prose_glued_to_a_list_item_becomes_a_paragraph(
    text: str, last_item: str, prose: str
) -> None:
    cleaned = lines(text)
    position = cleaned.index(last_item)
    assert cleaned[position + 1] == ""
    assert cleaned[position + 2] == prose


@pytest.mark.parametrize(
    "item",
    [
        "- A trip to Africa or Asia during the rainy season.",
        "- Infection caused by Lyme disease bacteria carried by deer ticks.",
        "- People whose parents came from Northern Europe are at higher risk.",
    ],
)
def test_a_name_inside_a_list_item_is_not_a_glued_sentence(item: str) -> None:
    text = f"Risk factors include:\n- Smoking\n{item}"
    assert clean(text) == text


@pytest.mark.parametrize(
    ("others", "item"),
    [
        # A bracket after a word names it (a brand, an abbreviation): no sentence starts there.
        (
            "- Rest the ankle for a day or two.",
            "- Take ibuprofen (Advil, Motrin) for pain and swelling. Do not take more than the "
            "label says.",
        ),
        (
            "- Drink plenty of fluids.",
            "- Try a decongestant such as oxymetazoline (Afrin) for a blocked nose. Use it for no "
            "more than 3 days.",
        ),
        # A note in brackets is the item's, whatever sentences it holds.
        (
            "- Weight\n- Blood pressure",
            "- Fasting glucose test (This shows your blood sugar after a night without food. It "
            "does not show your average level.)",
        ),
    ],
)
def test_a_bracket_inside_a_list_item_stays_in_the_item(others: str, item: str) -> None:
    text = f"Your doctor may suggest:\n{others}\n{item}\n{others}"
    assert clean(text) == text


@pytest.mark.parametrize(
    ("text", "item", "introduction", "next_item"),
    [
        (
            "Call your doctor if: - The rash spreads. - You have a fever. Some steps ease the "
            "itch at home: - Take cool baths. - Keep nails short.",
            "- You have a fever.",
            "Some steps ease the itch at home:",
            "- Take cool baths.",
        ),
        (
            "Signs in adults include: - Feeling tired all the time and losing interest in "
            "things you used to enjoy. Signs in teenagers are often different and may include: "
            "- Trouble at school - Anger",
            "- Feeling tired all the time and losing interest in things you used to enjoy.",
            "Signs in teenagers are often different and may include:",
            "- Trouble at school",
        ),
    ],
)
def test_the_next_lists_introduction_glued_to_an_item_gets_its_own_line(
    text: str, item: str, introduction: str, next_item: str
) -> None:
    cleaned = lines(text)
    position = cleaned.index(item)
    assert cleaned[position + 1 : position + 4] == ["", introduction, next_item]


def test_an_item_introducing_its_own_indented_sub_list_keeps_its_introduction() -> None:
    text = (
        "Treatment has two steps:\n- First, the infection is treated. This may include:\n"
        "  - antibiotics\n  - rest\n- Then the cause is found."
    )
    assert clean(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "The forms differ. - Is the most common form\n- appears as raised red patches\n- can "
        "itch or crack and bleed. Is the most common form appears as raised red patches can "
        "itch or crack and bleed. - is the rarest form\n- affects most of the body. is the "
        "rarest form affects most of the body.",
        "The forms differ. - is the most common form - appears as raised red patches - can "
        "itch or crack and bleed. is the most common form appears as raised red patches can "
        "itch or crack and bleed. - is the rarest form - affects most of the body. is the "
        "rarest form affects most of the body.",
    ],
)
def test_a_list_repeated_as_run_in_text_is_dropped(text: str) -> None:
    result = clean_section_text(text)
    assert [line.lower() for line in result.text.split("\n")] == [
        "the forms differ.",
        "- is the most common form",
        "- appears as raised red patches",
        "- can itch or crack and bleed.",
        "- is the rarest form",
        "- affects most of the body.",
    ]
    assert {d.reason for d in result.dropped} == {"duplicate"}


def test_a_run_in_copy_between_sentences_of_the_last_item_is_dropped() -> None:
    # The copy comes after a sentence the item adds, and the list's first item is still in
    # its introduction's line.
    text = (
        "Heartburn can be brought on by - large meals\n"
        "- lying down after eating\n"
        "- spicy food\n"
        "- tight belts, which press on the stomach. Losing weight can help too. large meals "
        "lying down after eating spicy food tight belts, which press on the stomach. See your "
        "doctor if it happens often."
    )
    assert lines(text) == [
        "Heartburn can be brought on by - large meals",
        "- lying down after eating",
        "- spicy food",
        "- tight belts, which press on the stomach.",
        "",
        "Losing weight can help too. See your doctor if it happens often.",
    ]


def test_a_run_in_list_inside_its_first_item_and_its_unpunctuated_copy_are_repaired() -> None:
    # The list went into one bullet, then its items again as run-in text with no periods.
    text = (
        "A kidney stone can cause:\n- sharp pain in the side - blood in the urine - nausea and "
        "vomiting - a constant urge to urinate sharp pain in the side blood in the urine nausea "
        "and vomiting a constant urge to urinate"
    )
    result = clean_section_text(text)
    assert result.text.split("\n") == [
        "A kidney stone can cause:",
        "- sharp pain in the side",
        "- blood in the urine",
        "- nausea and vomiting",
        "- a constant urge to urinate",
    ]
    assert {d.reason for d in result.dropped} == {"duplicate"}


@pytest.mark.parametrize(
    "text",
    [
        "- Plantar warts - warts on the soles of your feet",
        "- Type 1 diabetes - the body makes no insulin - usually starts in childhood",
        "- Take 2 - 3 tablets with food",
        "Stay active:\n- walk - swim or cycle",
    ],
)
def test_dashes_inside_an_item_that_are_not_a_list_stay(text: str) -> None:
    assert clean(text) == text


def test_a_doubled_bullet_keeps_one() -> None:
    assert lines("Treatment may include:\n- - Surgery\n- - Radiation therapy") == [
        "Treatment may include:",
        "- Surgery",
        "- Radiation therapy",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- Late menopause. Going through menopause after age 55. Late menopause. Going "
            "through menopause after age 55.\n- Dense breast tissue.",
            "- Late menopause. Going through menopause after age 55.\n- Dense breast tissue.",
        ),
        (
            "Quitlines are free. You can call the helpline between 9 a.m. and 5 p.m. Central "
            "Time. You can call the helpline between 9 a.m. and 5 p.m. Central Time. Ask for a "
            "counselor.",
            "Quitlines are free. You can call the helpline between 9 a.m. and 5 p.m. Central "
            "Time. Ask for a counselor.",
        ),
        (
            "Respite care gives caregivers a break for a few hours. Respite care gives "
            "caregivers a break for a few hours. Respite care gives caregivers a break for a "
            "few hours.",
            "Respite care gives caregivers a break for a few hours.",
        ),
    ],
)
def test_sentences_said_twice_in_a_row_keep_one_copy(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Call 911. Call 911.",  # short: may be meant
        # The same sentence further on, or with other words, is not a pasted copy.
        "Wash your hands often. Use soap. Wash your hands often.",
        "The rash may itch at first. The rash may itch at night.",
        "Drink water.\nDrink water.",
    ],
)
def test_a_sentence_repeated_apart_or_short_is_kept(text: str) -> None:
    assert clean(text) == text


def test_a_run_in_list_told_apart_only_by_capitals_gets_its_bullets() -> None:
    text = (
        "Warning signs of dehydration include: Dark yellow urine Dizziness when standing "
        "(in adults) Dry mouth and lips Sunken eyes Signs in infants include: Few wet "
        "diapers (fewer than six a day) Crying without tears Drowsiness or fussiness Soft "
        "spot that looks sunken You should call your doctor if these signs appear."
    )
    assert lines(text) == [
        "Warning signs of dehydration include:",
        "- Dark yellow urine",
        "- Dizziness when standing (in adults)",
        "- Dry mouth and lips",
        "- Sunken eyes",
        "",
        "Signs in infants include:",
        "- Few wet diapers (fewer than six a day)",
        "- Crying without tears",
        "- Drowsiness or fussiness",
        "- Soft spot that looks sunken",
        "",
        "You should call your doctor if these signs appear.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Names keep a function word or a capital before their capitals.
        "For questions, contact: National Institute of Arthritis and Musculoskeletal and "
        "Skin Diseases, Bethesda, Maryland.",
        "Two tests are used: Western blot and ELISA. Both look for antibodies.",
        # Prose after a colon, with a name or two inside.
        "Here is what we know: Lyme disease is spread by ticks that live in the Northeast "
        "and Upper Midwest, and the rash often looks like a bull's-eye.",
        # Three pieces are too few to tell a list from a sentence with names.
        "The clinic offers: Physical therapy Massage Yoga classes for seniors.",
    ],
)
def test_a_colon_before_capitalised_words_is_not_always_a_list(text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It is inherited in an autosomal dominant pattern.[2] [5] Most cases are new "
            "mutations.[1]",
            "It is inherited in an autosomal dominant pattern. Most cases are new mutations.",
        ),
        (
            "Symptoms start in childhood. [3] [4] They include seizures[1,2] and tremor.[2-4]",
            "Symptoms start in childhood. They include seizures and tremor.",
        ),
    ],
)
def test_footnote_marks_of_the_source_page_are_dropped(text: str, expected: str) -> None:
    # Left in, they would read as the answer's own citation marks.
    assert clean(text) == expected


def test_a_bracketed_number_inside_a_sentence_is_not_a_footnote() -> None:
    text = "Tumours of grade [2] grow slowly."
    assert clean(text) == text


# --- headings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "heading", "rest"),
    [
        (
            "Surgery If you have a chronic anal fissure that does not heal, surgery may help.",
            "Surgery",
            "If you have a chronic anal fissure that does not heal, surgery may help.",
        ),
        (
            "Other possible causes Most cases follow an infection of the upper airways.",
            "Other possible causes",
            "Most cases follow an infection of the upper airways.",
        ),
        (
            "FLU SYMPTOMS IN TODDLERS The flu is an infection of the nose and throat.",
            "FLU SYMPTOMS IN TODDLERS",
            "The flu is an infection of the nose and throat.",
        ),
        (
            "Types of Psoriasis Psoriasis occurs in five different forms.",
            "Types of Psoriasis",
            "Psoriasis occurs in five different forms.",
        ),
        (
            "Living With Asthma You can take steps to control your symptoms.",
            "Living With Asthma",
            "You can take steps to control your symptoms.",
        ),
        (
            "Ways to lower your risk Ways to lower your risk include staying active.",
            "Ways to lower your risk",
            "Ways to lower your risk include staying active.",
        ),
    ],
)
def test_a_glued_heading_gets_its_own_line(text: str, heading: str, rest: str) -> None:
    assert lines(text) == [heading, rest]


@pytest.mark.parametrize(
    "text", ["Very very cold hands are common in winter.", "Gout is common. Gout is painful."]
)
def test_a_word_or_sentence_said_twice_is_not_a_heading(text: str) -> None:
    assert lines(text) == [text]


def test_a_heading_after_other_sentences_starts_a_paragraph() -> None:
    text = (
        "It forms thick, scaly patches. Treatment Options Your doctor may suggest creams or "
        "light therapy."
    )
    assert lines(text) == [
        "It forms thick, scaly patches.",
        "",
        "Treatment Options",
        "Your doctor may suggest creams or light therapy.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hepatitis A is spread through food or water that contains the virus.",
        "Triple A syndrome is caused by mutations in the AAAS gene.",
        "The study was published in The Lancet last year.",
        "Mutations in the GUSB gene cause MPS VII. This gene makes an enzyme.",
        "People with HIV AIDS need regular care from a doctor.",
        "Hodgkin Lymphoma During the Second Half of Pregnancy",
        "Vitamins A, D, E, and K dissolve in fat. They are stored in the liver.",
    ],
)
def test_capitals_inside_a_sentence_are_not_headings(text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(
    ("heading", "text", "rest"),
    [
        (
            "What causes Partington syndrome?",
            "What causes Partington syndrome? Partington syndrome is caused by mutations.",
            "Partington syndrome is caused by mutations.",
        ),
        (
            "What are the symptoms of Alport syndrome?",
            "What are the signs and symptoms of Alport syndrome? Kidney disease is common.",
            "Kidney disease is common.",
        ),
        (
            "What are the treatments for FG syndrome?",
            "How might FG syndrome be treated? Treatment is aimed at each symptom.",
            "Treatment is aimed at each symptom.",
        ),
        (
            "Is plasminogen deficiency inherited?",
            "Is plasminogen deficiency inherited? If so, in what manner? It is recessive.",
            "It is recessive.",
        ),
    ],
)
def test_the_section_question_repeated_at_the_start_is_dropped(
    heading: str, text: str, rest: str
) -> None:
    result = clean_section_text(text, heading=heading)
    assert result.text == rest
    assert [d.reason for d in result.dropped] == ["repeated heading"]


def test_a_different_opening_question_stays_as_a_heading_line() -> None:
    text = "What treatment is available? No one treatment works for everyone."
    assert lines(text, heading="What are the treatments for Menetrier disease?") == [
        "What treatment is available?",
        "No one treatment works for everyone.",
    ]


def test_a_first_sentence_sharing_the_headings_words_is_kept() -> None:
    text = "Asthma causes wheezing.\nIt can be treated."
    assert clean(text, heading="What causes asthma wheezing?") == text


def test_a_question_that_is_the_whole_answer_is_kept() -> None:
    text = "What is (are) Foot care?"
    assert clean(text, heading="What is (are) Foot care?") == text


# --- Title Case headings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (  # the sentence says a word of the heading again
            "Treating Dry Eyes Dry eyes often improve with artificial tears.",
            ["Treating Dry Eyes", "Dry eyes often improve with artificial tears."],
        ),
        (
            "Sprains Usually Heal Well People with a sprain often recover in weeks.",
            ["Sprains Usually Heal Well", "People with a sprain often recover in weeks."],
        ),
        (  # a function word opens the sentence, after another sentence on the same line
            "Ice helps at first. Getting Back to Running A slow return keeps the tendon safe.",
            [
                "Ice helps at first.",
                "Getting Back to Running",
                "A slow return keeps the tendon safe.",
            ],
        ),
        (  # an acronym opens it
            "Tests for Sleep Problems CPAP trials are run in a sleep lab overnight.",
            ["Tests for Sleep Problems", "CPAP trials are run in a sleep lab overnight."],
        ),
        (  # a heading may open with an article
            "A Common Joint Disease Gout is a common joint disease caused by uric acid.",
            ["A Common Joint Disease", "Gout is a common joint disease caused by uric acid."],
        ),
        (  # a subordinating word before the cut belongs to the sentence
            "Asthma Can Be Managed Well When PEF drops, follow the action plan.",
            ["Asthma Can Be Managed Well", "When PEF drops, follow the action plan."],
        ),
    ],
)
def test_a_title_case_heading_glued_to_its_sentence_gets_its_own_line(
    text: str, units: list[str]
) -> None:
    cleaned = clean(text)
    assert [cleaned[start:end] for start, end in split_sentences(cleaned)] == units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Radiation therapy Radiation therapy uses high-energy rays to kill cancer cells.",
            ["Radiation therapy", "Radiation therapy uses high-energy rays to kill cancer cells."],
        ),
        (
            "It starts slowly. Asthma Can Be Controlled Asthma can be controlled with medicines.",
            [
                "It starts slowly.",
                "",
                "Asthma Can Be Controlled",
                "Asthma can be controlled with medicines.",
            ],
        ),
    ],
)
def test_a_heading_whose_sentence_opens_with_its_words_gets_its_own_line(
    text: str, expected: list[str]
) -> None:
    assert lines(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The words said again inside brackets: a list of the name's forms.
        "Kaposi sarcoma (Kaposi sarcoma, Kaposi's sarcoma) is a rare cancer.",
        "Hay fever (Hay fever, allergic rhinitis) is common in spring.",
        "Iron helps. Iron is in red meat.",
        # Said again at the end of the sentence, or after a colon inside it: no heading.
        "Autosomal recessive: Only a few conditions are inherited as autosomal recessive.",
        "Few disorders are X-linked dominant. Most are X-linked recessive.",
        "Cold sores come back. Cold sores are caused by a virus.",
    ],
)
def test_a_sentence_repeating_an_opening_after_its_end_or_in_brackets_is_kept(text: str) -> None:
    assert clean(text) == text


def test_a_title_case_heading_before_a_starter_and_its_comma_gets_its_own_line() -> None:
    text = "Smoking slows healing. Wounds Heal Slowly Usually, a cut closes within a week."
    assert lines(text) == [
        "Smoking slows healing.",
        "",
        "Wounds Heal Slowly",
        "Usually, a cut closes within a week.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a name opening the sentence, ending in a noun that ends names
        "The Regional Poison Control Center staff answer calls all night.",
        # the same two words written together elsewhere: a name
        "Our Bone Density Scan Program finds early loss. The Bone Density Scan Program is free.",
        # an abbreviation explaining the name
        "The National Sleep Foundation (NSF) suggests seven hours for adults.",
        # a name's last word alone repeats the run
        "Pacific Islanders and Native Hawaiians are at higher risk of gout.",
        "There is no cure for familial Mediterranean fever, but colchicine helps.",
        "Mayo Clinic doctors treat many people with the condition.",
        # after an article, an acronym is the name's own
        "The IgG-capture ELISA is used later in the illness.",
        "The NIH-funded PREDICT-HD study follows people for years.",
    ],
)
def test_names_opening_a_sentence_are_not_title_case_headings(text: str) -> None:
    assert clean(text) == text


# --- glued words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (  # an item running into the paragraph after its list
            "Warning signs can include:\n- Trouble hearing on the phone\n- Ringing in one "
            "earAudiologists can test hearing in a quiet booth.",
            [
                "Warning signs can include:",
                "- Trouble hearing on the phone",
                "- Ringing in one ear",
                "Audiologists can test hearing in a quiet booth.",
            ],
        ),
        (  # prose running into the next paragraph: a blank line, or it would read as wrapping
            "Rinse the wound with clean water for several minutes to wash out the dirt and "
            "gritAntibiotic ointment may lower the chance of infection.",
            [
                "Rinse the wound with clean water for several minutes to wash out the dirt and "
                "grit",
                "Antibiotic ointment may lower the chance of infection.",
            ],
        ),
        (  # a heading running into the function word that starts its text
            "Rest helps most sprains. BracesThese hold the joint still while it heals.",
            ["Rest helps most sprains.", "Braces", "These hold the joint still while it heals."],
        ),
        (  # an introduction running into its first bullet
            "Call your doctor if you notice any of these:- A fever over 102 F\n- A stiff neck",
            [
                "Call your doctor if you notice any of these:",
                "- A fever over 102 F",
                "- A stiff neck",
            ],
        ),
    ],
)
def test_words_glued_by_a_lost_line_break_are_taken_apart(text: str, units: list[str]) -> None:
    cleaned = clean(text)
    assert [cleaned[start:end] for start, end in split_sentences(cleaned)] == units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shingles is common amongAmericans over 60.",
            "Shingles is common among Americans over 60.",
        ),
        (
            "Ask for the leaflet fromThe Lung Association.",
            "Ask for the leaflet from The Lung Association.",
        ),
        ("For more, seeCaring for a Parent at Home.", "For more, see Caring for a Parent at Home."),
    ],
)
def test_a_word_glued_after_a_function_word_gets_a_space(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Check the label on the EpiPen and read MedlinePlus or GeneReviews.",
        "Normal pressure is below 120 mmHg; an iPhone or eBay listing is not a source.",
        "Ask McDonald or DiGeorge, or the YouTube channel of PubMed.",
        "Write to nurse.helpLine@clinic.example.org for a reply.",
        "The ratio was 3:-1 in the trial.",
    ],
)
def test_names_written_in_camel_case_are_not_glued_words(text: str) -> None:
    assert clean(text) == text


# --- glued sentences -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Most sprains heal in a few weeks.Rest and ice help the swelling go down.",
            "Most sprains heal in a few weeks. Rest and ice help the swelling go down.",
        ),
        (
            "He may not say so himself. Does he seem confused?Ask when it started.",
            "He may not say so himself. Does he seem confused? Ask when it started.",
        ),
        (
            "A blood test can rule out anemia (low iron).Stool test. A sample is checked.",
            "A blood test can rule out anemia (low iron). Stool test. A sample is checked.",
        ),
        (
            "About 10% of adults snore loudly at night, or 1 in 10%.Weight loss may help.",
            "About 10% of adults snore loudly at night, or 1 in 10%. Weight loss may help.",
        ),
    ],
)
def test_sentences_glued_by_a_lost_line_break_get_their_space_back(
    text: str, expected: str
) -> None:
    assert clean(text) == expected
    assert len(split_sentences(clean(text))) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "The study ran in the U.S.A. and in Canada.",
        "Some foods, e.g. beans, cause gas.",
        "The p.Gly12Val change alters the protein.",
        "Dr. Ruiz and Ph.D. students ran the trial.",
        "Send questions to help@clinic.Example.org for a reply.",
        "It is pH-balanced. Values near 7.4 are normal.",
    ],
)
def test_initials_abbreviations_and_addresses_are_not_glued_sentences(text: str) -> None:
    assert clean(text) == text


# --- furniture -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Registration is free. http://example.org/article/335559-treatment#showall Kidney "
            "transplant is an option.",
            "Registration is free. Kidney transplant is an option.",
        ),
        (
            "See the disposal guide (http://goo.gl/c4Rm4p) for more about take-back programs.",
            "See the disposal guide for more about take-back programs.",
        ),
        (
            "Support groups:\n- Trisomy 18 Foundation: www.trisomy18.org\n- Cancer Society -- "
            "www.cancer.org/colon",
            "Support groups:\n- Trisomy 18 Foundation\n- Cancer Society",
        ),
        (
            "Exercise helps. For more about exercise, visit www.nia.nih.gov/Go4Life.If you "
            "had a stroke, ask first.",
            "Exercise helps. If you had a stroke, ask first.",
        ),
        (
            "The ALS Association -- www.alsa.org The Parkinson Foundation -- www.pf.org",
            "The ALS Association The Parkinson Foundation",
        ),
        (
            "The clinic lists experts through their Web site at: http://www.example.org/clinics"
            "\nAsk your doctor.",
            "Ask your doctor.",
        ),
    ],
)
def test_urls_never_stay_inside_a_sentence(text: str, expected: str) -> None:
    assert clean(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Call the doctor if: - The rash spreads. - The child has not had a wet diaper in 8 "
            "hours. Updated by: Maria T. Lopez, MD, Pediatrics, Austin, TX. Also reviewed by "
            "the Editorial team.",
            "Call the doctor if:\n- The rash spreads.\n- The child has not had a wet diaper in 8 "
            "hours.",
        ),
        (
            "Watch for: - A cough that gets worse Reviewed by: Sam Okafor, RN, BSN",
            "Watch for:\n- A cough that gets worse",
        ),
        (
            "Medically reviewed by Jane Roe, MD\nEczema makes skin dry and itchy.",
            "Eczema makes skin dry and itchy.",
        ),
        (
            "Eczema is common in babies.\n\nWritten by Ana Ruiz. Last reviewed on March 2, 2024.",
            "Eczema is common in babies.",
        ),
        (
            "Eczema is common in babies.\n\nDeveloped by The Example Hospital Dermatology "
            "department. We thank the families who helped.",
            "Eczema is common in babies.",
        ),
        (
            "Eczema is common in babies. Produced by Example Skin Charity, 2024.",
            "Eczema is common in babies.",
        ),
    ],
)
def test_reviewer_and_author_credits_are_dropped(text: str, expected: str) -> None:
    result = clean_section_text(text)
    assert result.text == expected
    assert all(is_credit(drop.text) for drop in result.dropped)


def test_a_section_of_nothing_but_credits_goes_whole() -> None:
    # Written for this test: an encyclopedia page signs itself in a block of its own.
    text = ("Updated by: Ana Ortiz, MD, Department of Medicine, Example University. Review "
            "provided by Example Health Network.\nAlso reviewed by Sam Lee, MD, Medical Director.")
    result = clean_section_text(text, heading="Review Date 2/3/2025")
    assert result.text.strip() == ""
    assert all(drop.reason == "site furniture" for drop in result.dropped)


@pytest.mark.parametrize("heading", ["References", "Bibliography:", "Images", "Works cited"])
def test_a_reference_list_or_gallery_under_its_own_heading_goes_whole(heading: str) -> None:
    text = ("Roe J, Doe A. Tension headache in adults. In: Smith K, ed. Clinical Neurology. "
            "3rd ed. Example Press; 2021:chap 7.")  # written for this test
    result = clean_section_text(text, heading=heading)
    assert result.text == ""
    assert [d.reason for d in result.dropped] == ["site furniture"]


@pytest.mark.parametrize("heading", ["Food sources of iron", "Sources", "Why references matter"])
def test_an_articles_own_section_named_like_apparatus_stays(heading: str) -> None:
    text = "Red meat, beans and fortified cereals are good sources of iron."
    assert clean_section_text(text, heading=heading).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Your care plan should be reviewed by your doctor every year.",
        "The scans are reviewed by a radiologist. Results are sent to you.",
        "Prescriptions written by a nurse practitioner are valid.",
        "The results were reviewed by: a panel of experts.",
        "Insulin is produced by the pancreas.",
        "Developed by accident in 1928, penicillin was the first antibiotic.",
    ],
)
def test_a_sentence_about_reviewing_is_not_a_credit(text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(
    "furniture",
    [
        "Click here to view a search.",
        "To obtain a list of laboratories offering the test, click here.",
        "You can find detailed information on this condition by visiting the following link.",
        "Read more about the trial by clicking on the link below.",
    ],
)
def test_sentences_that_point_at_links_are_dropped(furniture: str) -> None:
    text = f"The test is done on blood.\n{furniture}\nResults take a week. {furniture} Rest."
    result = clean_section_text(text)
    assert result.text == "The test is done on blood.\nResults take a week. Rest."
    assert {d.reason for d in result.dropped} == {"furniture"}


def test_a_link_label_line_is_dropped() -> None:
    text = "VRE spreads by touch.\nTop of page\nHow is VRE treated?\nWith antibiotics."
    assert lines(text) == ["VRE spreads by touch.", "How is VRE treated?", "With antibiotics."]


def test_a_passage_that_is_only_furniture_keeps_it() -> None:
    text = "More detailed information on heart attacks is available at www.example.gov/heart."
    result = clean_section_text(text)
    assert result.text == text
    assert result.dropped == ()


def test_advice_to_visit_a_doctor_is_not_furniture() -> None:
    text = "Visit your doctor every year. Click on nothing you do not trust in email."
    assert clean(text).startswith("Visit your doctor every year.")


def test_link_phrases_come_from_the_word_lists() -> None:
    words_without_phrases = CleaningWords(starters=DEFAULT_WORDS.starters)
    text = "Click here to view a search. Rest well."
    assert clean_section_text(text, words=words_without_phrases).text == text


# --- characters and whitespace ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom &amp; Jerry said &quot;rest&quot;.", 'Tom & Jerry said "rest".'),
        ("It&#39;s mild &ndash; usually.", "It's mild – usually."),
        ("Twice escaped: &amp;quot;AT&amp;amp;T&amp;quot;", 'Twice escaped: "AT&T"'),
        (
            "A\u00a0dose\tof  2.5 mg\r\n\r\n\r\n\r\nTwice a day.  ",
            "A dose of 2.5 mg\n\nTwice a day.",
        ),
    ],
)
def test_entities_and_whitespace(text: str, expected: str) -> None:
    assert clean(text) == expected


def test_indented_nested_items_keep_their_indentation() -> None:
    text = "Options:\n- Medicines\n  - Pain relievers\n  - Steroids\n- Surgery"
    assert clean(text) == text


# --- duplicates ------------------------------------------------------------------------------


def test_a_paragraph_pasted_again_and_a_near_copy_are_dropped() -> None:
    paragraph = (
        "Shingles is a painful rash caused by the varicella-zoster virus, the virus that also "
        "causes chickenpox; after an infection it stays in the body for life."
    )
    near = (
        "SHINGLES is a painful rash caused by the varicella zoster virus (the virus that also "
        "causes chickenpox). After an infection, it stays in the body for life and more."
    )
    other = "A vaccine lowers the chance of getting it by half or more in older adults."
    result = clean_section_text(f"{paragraph}\n\n{paragraph}\n\n{near}\n\n{other}")
    assert result.text == f"{paragraph}\n\n{other}"
    assert [d.reason for d in result.dropped] == ["duplicate", "duplicate"]


def test_a_long_paragraph_repeated_anywhere_in_the_section_is_dropped() -> None:
    boilerplate = (
        "Check the list of clinical trials that are now accepting patients. For more specific "
        "results, refine the search by using other search features, such as the location of "
        "the trial, the type of treatment, or the name of the drug."
    )
    text = f"Stage I\nSurgery.\n\n{boilerplate}\n\nStage II\nRadiation.\n\n{boilerplate}"
    assert clean(text) == f"Stage I\nSurgery.\n\n{boilerplate}\n\nStage II\nRadiation."


def test_a_short_repeat_under_another_heading_or_introduction_stays() -> None:
    text = (
        "Stage II\nThere may be abnormal cells in the blood but they are not cancer.\n\n"
        "Stage III\nThere may be abnormal cells in the blood but they are not cancer.\n\n"
        "Treatment of myxofibrosarcoma may include:\n- Surgery to remove the whole tumor.\n"
        "- A clinical trial of targeted therapy.\n"
        "Treatment of fibrosarcoma may include:\n- Surgery to remove the whole tumor.\n"
        "- A clinical trial of targeted therapy."
    )
    assert clean(text) == text


def test_a_list_pasted_twice_in_one_block_is_dropped() -> None:
    text = (
        "Triggers include:\n- Cold air and sudden changes in weather\n- Smoke from tobacco "
        "or wood fires\n- Colds and other infections\n- Cold air and sudden changes in "
        "weather\n- Smoke from tobacco or wood fires\n- Colds and other infections"
    )
    assert lines(text) == [
        "Triggers include:",
        "- Cold air and sudden changes in weather",
        "- Smoke from tobacco or wood fires",
        "- Colds and other infections",
    ]


def test_short_repeats_and_shared_items_of_different_lists_stay() -> None:
    text = (
        "Overview\nFlu spreads fast.\n\nOverview\nColds spread slowly.\n\n"
        "Signs of flu:\n- Fever\n- Aches in the muscles and joints\n"
        "Signs of a cold:\n- Fever\n- Aches in the muscles and joints"
    )
    assert clean(text) == text


def test_clean_article_drops_blocks_repeated_across_sections() -> None:
    shared = "Gout is a form of arthritis that causes sudden attacks of pain and swelling."
    article = Article(
        doc_id="d",
        title="Gout &amp; diet",
        sections=(
            Section("What is gout?", shared),
            Section("What causes gout?", f"{shared}\n\nUric acid builds up in the joints."),
            Section("What are the symptoms of gout?", shared),
        ),
    )
    cleaned, stats = clean_article(article)
    assert cleaned.title == "Gout & diet"
    assert [s.text for s in cleaned.sections] == [shared, "Uric acid builds up in the joints."]
    assert [s.heading for s in cleaned.sections] == ["What is gout?", "What causes gout?"]
    assert stats.sections == 3
    assert stats.sections_dropped == 1
    assert stats.rule_changes == {"duplicate_blocks": 2}
    assert cleaned.content_hash != article.content_hash


def test_an_article_that_needs_nothing_is_returned_equal() -> None:
    article = Article(doc_id="d", title="T", sections=(Section("H", "Plain text. More text."),))
    cleaned, stats = clean_article(article)
    assert cleaned == article
    assert stats.sections_changed == 0


# --- invariants ------------------------------------------------------------------------------

_PIECES = [
    "The flu spreads fast.",
    "If you have a fever, rest.",
    "Treatment",
    "Causes of Gout",
    "SPECIAL CONCERNS",
    "What causes gout?",
    "Is it inherited?",
    "Symptoms include:",
    "- Fever",
    "- chills and aches",
    "- Cough",
    "fever and chills.",
    "joint aches.",
    "Runny nose",
    "Dr. Smith saw 2.5 mg doses in the U.S. last year.",
    "Click here to view a search.",
    "http://example.org/a/b",
    "(www.example.gov)",
    "Tom &amp; Jerry",
    "&quot;quoted&quot;",
    "Psoriasis Psoriasis",
    "You should see a doctor.",
    "These resources help.",
    "Scabies (Sarcoptes scabiei var. hominis) itches.",
]
_SEPARATORS = [" ", " ", " ", "\n", "\n\n", " - ", ": ", ". ", "\u00a0", "\t", "  - "]


@st.composite
def messy_texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
    text = pieces[0]
    for piece in pieces[1:]:
        text += draw(st.sampled_from(_SEPARATORS)) + piece
    if draw(st.booleans()):  # a block pasted twice
        text = f"{text}\n\n{text}"
    return text


def decoded(text: str) -> str:
    while (unescaped := html.unescape(text)) != text:
        text = unescaped
    return text


@settings(max_examples=300, deadline=None)
@given(text=messy_texts(), heading=st.sampled_from(["", "What causes gout?", "Treatment"]))
def test_cleaning_is_idempotent(text: str, heading: str) -> None:
    once = clean_section_text(text, heading=heading).text
    assert clean_section_text(once, heading=heading).text == once


@settings(max_examples=300, deadline=None)
@given(text=messy_texts(), heading=st.sampled_from(["", "What causes gout?", "Treatment"]))
def test_words_are_kept_or_dropped_for_a_named_reason(text: str, heading: str) -> None:
    """Output words plus dropped words are exactly the input's: nothing invented, nothing lost
    silently; and every drop is a repeat, furniture or the section's own question."""
    result = clean_section_text(text, heading=heading)
    dropped_words = Counter(w for d in result.dropped for w in words(d.text))
    assert Counter(words(result.text)) + dropped_words == Counter(words(decoded(text)))
    for drop in result.dropped:
        assert_justified(drop.reason, drop.text, result, heading)


def assert_justified(reason: str, text: str, result: CleanedText, heading: str) -> None:
    if reason == "furniture":
        assert URL.search(text) or DEFAULT_WORDS.has_link_phrase(text), text
    elif reason == "site furniture":
        assert (
            is_site_furniture(text, DEFAULT_WORDS) or is_credit(text)
            or is_apparatus_heading(heading)
        ), text
    elif reason == "repeated heading":
        assert set(words(text)) & set(words(heading)), text
    else:
        # A repeat drops only words still said (or dropped as furniture from the first copy).
        still_said = set(words(result.text)) | {
            w for d in result.dropped if d.reason == "furniture" for w in words(d.text)
        }
        assert set(words(text)) <= still_said, text


@settings(max_examples=200, deadline=None)
@given(text=messy_texts())
def test_cleaned_text_keeps_the_splitter_contract(text: str) -> None:
    cleaned = clean(text)
    spans = split_sentences(cleaned)
    assert {i for i, c in enumerate(cleaned) if not c.isspace()} <= {
        i for start, end in spans for i in range(start, end)
    }
    assert "\n\n\n" not in cleaned
    assert cleaned == cleaned.strip()


# --- the shared collections ------------------------------------------------------------------


def _medquad_sample(shared_data: Path, every: int) -> list[Article]:
    paths = sorted((shared_data / "medquad").rglob("*.xml"))
    return [load_medquad(path) for path in paths[::every]]


def _is_furniture(sentence: str) -> bool:
    return bool(URL.search(sentence)) or DEFAULT_WORDS.has_link_phrase(sentence)


def _run_in_bullet_after_colon(sentence: str) -> bool:
    return ": - " in sentence


@pytest.mark.shared_data
def test_medquad_sample_has_no_run_in_lists_or_lowercase_starts(shared_data: Path) -> None:
    for article in _medquad_sample(shared_data, every=11):
        cleaned, _ = clean_article(article)
        for section in cleaned.sections:
            text = section.text
            sentences = [text[start:end] for start, end in split_sentences(text)]
            # A section that is nothing but furniture keeps it (it is all the document says).
            furniture_only = all(map(_is_furniture, sentences))
            for sentence in sentences:
                assert not _run_in_bullet_after_colon(sentence), (article.doc_id, sentence)
                assert furniture_only or not URL.search(sentence), (article.doc_id, sentence)
            # After a list a sentence may go on in lower case ("- the eye socket.\nand cancer
            # may also have spread..."); after a sentence of prose it may not.
            previous = ""
            for line in text.split("\n"):
                sentence_like = len(line.split()) > 1 and not is_list_item(line)
                after_prose = not is_list_item(previous) and previous.rstrip().endswith(".")
                if sentence_like and after_prose:
                    assert not line[0].islower(), (article.doc_id, line)
                previous = line or previous


@pytest.mark.shared_data
def test_medquad_sample_is_idempotent_and_keeps_its_words(shared_data: Path) -> None:
    for article in _medquad_sample(shared_data, every=23):
        for section in article.sections:
            result = clean_section_text(section.text, heading=section.heading)
            assert clean_section_text(result.text, heading=section.heading).text == result.text
            dropped = Counter(w for d in result.dropped for w in words(d.text))
            assert Counter(words(result.text)) + dropped == Counter(words(section.text))


@pytest.mark.shared_data
def test_medquad_list_repeated_as_run_in_text_is_dropped(shared_data: Path) -> None:
    """NIHSeniorHealth's psoriasis page lists each form's signs, then repeats them flattened."""
    path = next(
        p
        for p in sorted((shared_data / "medquad" / "7_SeniorHealth_QA").glob("*.xml"))
        if "Psoriasis (sow RYE" in p.read_text(encoding="utf-8")
    )
    cleaned, stats = clean_article(load_medquad(path))
    text = cleaned.sections[0].text
    assert "- appears as raised red patches covered in silvery white scales" in text
    assert "Is the most common form appears as" not in text
    assert stats.rule_changes["lists"] >= 1


@pytest.mark.shared_data
def test_medquad_heading_glued_to_a_list_item_is_cut(shared_data: Path) -> None:
    cleaned, _ = clean_article(load_medquad(shared_data / "medquad/3_GHR_QA/0000456.xml"))
    treatments = next(s for s in cleaned.sections if s.heading.startswith("What are the treat"))
    assert treatments.text.split("\n")[3:6] == [
        "- MedlinePlus Encyclopedia: Congenital Antithrombin III Deficiency",
        "",
        "These resources from MedlinePlus offer information about the diagnosis and "
        "management of various health conditions:",
    ]


@pytest.mark.shared_data
def test_mediqa_sample_lists_have_no_run_in_bullets(shared_data: Path, tmp_path: Path) -> None:
    corpus = (shared_data / "eval" / "mediqa-qa" / "corpus.jsonl").read_text().splitlines()
    sample = random.Random(7).sample(corpus, 120)
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(sample) + "\n")
    for article in load_beir(path).articles:
        cleaned, _ = clean_article(article)
        for section in cleaned.sections:
            sentences = [section.text[s:e] for s, e in split_sentences(section.text)]
            furniture_only = all(map(_is_furniture, sentences))
            for sentence in sentences:
                assert not _run_in_bullet_after_colon(sentence), (article.doc_id, sentence)
                assert furniture_only or not URL.search(sentence), (article.doc_id, sentence)
    assert json.loads(sample[0])["_id"]


def test_an_untitled_section_with_headings_of_its_own_becomes_one_section_per_heading():
    article = Article(
        doc_id="flu-baby",
        title="Your baby and the flu",
        sections=(
            Section(
                heading="",
                text=(
                    "The flu spreads easily. Young children have a higher risk.\n\n"
                    "FLU SYMPTOMS IN INFANTS\nCall the provider if you notice any of these:\n"
                    "- Cough\n- Fever\n\n"
                    "How is the flu treated in babies?\nMedicine that fights the virus is used."
                ),
            ),
        ),
    )
    cleaned, _ = clean_article(article)
    assert [s.heading for s in cleaned.sections] == [
        "",
        "FLU SYMPTOMS IN INFANTS",
        "How is the flu treated in babies?",
    ]
    assert cleaned.sections[2].text == "Medicine that fights the virus is used."


def test_a_titled_section_keeps_its_sub_headings_as_text():
    article = Article(
        doc_id="gout",
        title="Gout",
        sections=(
            Section(heading="What is gout?", text="Types of Gout\nGout is a kind of arthritis."),
        ),
    )
    cleaned, _ = clean_article(article)
    assert [s.heading for s in cleaned.sections] == ["What is gout?"]


def test_a_run_in_list_after_a_title_case_heading_gets_its_bullets() -> None:
    text = (
        "Your doctor will ask about your symptoms. Common Tests - a blood count - a stool sample "
        "- an ultrasound - and a CT scan. a blood count a stool sample an ultrasound and a CT "
        "scan. The ultrasound shows the gallbladder."
    )
    assert lines(text)[1:6] == [
        "- a blood count",
        "- a stool sample",
        "- an ultrasound",
        "- and a CT scan.",
        "",
    ]
    assert "a blood count a stool sample" not in clean(text)


def test_cleaning_a_long_line_or_a_long_list_grows_with_its_length_not_its_square():
    # Found by a hostile-input audit: 6,000 short sentences on one line took over a minute
    # (every pair of sentence starts compared) and 4,000 list items 15 s (every item re-read
    # every earlier one); the ingest timeout then failed the whole file. A loose bound on CPU
    # time catches that kind of blow-up, not ordinary jitter.
    import time

    line = " ".join(f"Sentence number {i} is short here." for i in range(6000))
    items = "\n".join(f"- item {i} about gout" for i in range(4000))
    for text in (line, items):
        started = time.process_time()
        clean_section_text(text)
        assert time.process_time() - started < 10.0
