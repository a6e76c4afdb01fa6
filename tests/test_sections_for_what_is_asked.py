"""The section of the right article that answers what is asked, not its neighbour: "how do I
treat X?" gets the treatment (the creams, the medicines) before the home-care list; a question
about nothing dangerous is not answered by the emergency section that names the same child; a
group follow-up gets the page's section for babies and children; "how long does it last?"
after "is it contagious?" gets how long the illness lasts, not how long it is catching."""

from __future__ import annotations

import pytest

from assistant.compose.course import states_how_long_it_lasts
from assistant.compose.self_care import asks_for_self_care
from tests.support.kb import build_article_assistant, file_name
from tests.test_assistant import ask

IMPETIGO = """# Impetigo

## What is impetigo?

Impetigo is a common skin infection caused by bacteria. It is very contagious but not usually
serious, and it often gets better in about 7 to 10 days if you get treatment.

## Symptoms

Impetigo starts with red sores or blisters, usually around the nose and mouth. The sores
quickly burst and leave crusty, golden-brown patches. The patches can look like cornflakes
stuck to the skin.

## Treatment

A pharmacist or doctor can recommend hydrogen peroxide cream, which you spread on the sores
3 or 4 times a day for 5 days. If the cream does not work or the impetigo is widespread, a
doctor may prescribe antibiotic cream or antibiotic tablets.

## Self-care

To help treat impetigo and stop it spreading:

- wash the sores with warm soapy water and gently remove the crusts
- use a separate towel for the person with impetigo and wash it often
- keep the sores covered with a loose dressing
- do not scratch or touch the sores

## When to see a doctor

See a doctor if the sores keep coming back or have not healed after 7 days of treatment.

## When to call 911

Call 911 if the skin around the sores is hot, swollen and very painful and you feel very
unwell with a high temperature.
"""

CHICKENPOX = """# Chickenpox

## What is chickenpox?

Chickenpox is a common illness caused by the varicella-zoster virus. It causes an itchy,
spotty rash and usually gets better by itself within 1 to 2 weeks.

## How it spreads

Chickenpox spreads through coughs, sneezes and contact with the blisters. You are contagious
from 2 days before the spots appear until they have all crusted over. Children need to stay
off nursery or school until every spot has crusted over, usually 5 days after the spots
appeared.

## Things you can do yourself

To help your child feel better:

- give plenty of fluids to drink
- dab calamine lotion on the spots
- cut their nails short to stop them scratching

## When to see a doctor

See a doctor if your child's spots become red, hot or painful, or your child is not drinking.

## When to call 911

Call 911 if your child has a stiff neck, is very drowsy or hard to wake, has a seizure, or has
difficulty breathing. These are rare complications.
"""

MOUTH_ULCERS = """# Mouth ulcers

## What are mouth ulcers?

Mouth ulcers are small, painful sores that appear inside the mouth. They are usually round and
white, red, yellow or grey in colour. Most mouth ulcers are harmless and heal on their own.

## Causes

Mouth ulcers can be caused by biting the inside of your cheek, a sharp tooth, stress, or
hormonal changes. Some people get them when they are run down.

## Treatment

A pharmacist can recommend an antimicrobial mouthwash, a painkilling gel or a spray to ease
the pain and help the ulcer heal.

## Babies, children and pregnancy

Do not give mouthwashes to babies or to children under 12 unless a pharmacist says they are
suitable. Children often get their first ulcers between the ages of 1 and 5, usually with a
viral infection that may also cause a fever. Most ulcer gels are safe to use in pregnancy.

## When to call 911

Call 911 or go to the emergency room if a baby under 3 months old has mouth ulcers and is
floppy, feverish or not feeding, or if anyone with mouth ulcers has difficulty breathing or
swallowing.
"""

NOROVIRUS = """# Norovirus (winter vomiting bug)

## Symptoms

The main symptoms of norovirus are feeling sick, being sick and diarrhoea. Some people also
have a high temperature, a headache and aching arms and legs.

## Treatment

There is no medicine for norovirus, and antibiotics will not help because it is caused by a
virus. Norovirus usually gets better on its own in 2 to 3 days. Drink plenty of fluids to
avoid dehydration, and take paracetamol if you have a fever or aches.

## Preventing norovirus

Wash your hands with soap and water often, and clean surfaces with a bleach-based cleaner.
Do not share towels and flannels.

## When to see a doctor

See a doctor if you are still being sick after 2 days or you have signs of dehydration.

## How long is the winter vomiting bug contagious?

The winter vomiting bug can be contagious for as long as you are being sick or have
diarrhoea, often up to 2 weeks. Food handlers are usually no longer contagious 48 hours after
the symptoms stop.
"""


@pytest.fixture(scope="module")
def impetigo(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "impetigo.md", IMPETIGO)


@pytest.fixture(scope="module")
def chickenpox(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "chickenpox.md", CHICKENPOX)


@pytest.fixture(scope="module")
def mouth_ulcers(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "mouth-ulcers.md", MOUTH_ULCERS)


@pytest.fixture(scope="module")
def norovirus(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "norovirus.md", NOROVIRUS)


@pytest.mark.parametrize(
    "question", ["how do I treat impetigo", "how do i get rid of impetigo fast"]
)
def test_how_to_treat_it_is_answered_by_the_treatment_section(impetigo, question):
    answer = ask(impetigo, question)
    assert file_name(answer.citations[0].doc_id) == "impetigo.md"
    assert answer.citations[0].section == "Treatment", answer.text
    assert "hydrogen peroxide cream" in answer.text


def test_how_to_treat_it_at_home_keeps_the_self_care_section(impetigo):
    answer = ask(impetigo, "how do I treat impetigo at home?")
    assert answer.citations[0].section == "Self-care", answer.text


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("how do I treat it?", False),
        ("how do i get rid of it fast", False),
        ("how do I treat it at home?", True),
        ("how can I soothe it myself?", True),
    ],
)
def test_treating_it_is_not_asking_for_self_care_alone(question, asks):
    assert asks_for_self_care(question) is asks


def test_a_question_about_no_danger_is_not_answered_by_the_emergency_section(chickenpox):
    answer = ask(chickenpox, "does my child need to stay off nursery with chickenpox")
    assert file_name(answer.citations[0].doc_id) == "chickenpox.md"
    assert answer.citations[0].section == "How it spreads", answer.text
    assert "stay off nursery" in answer.text.split("\n")[0]
    assert not any(c.section.startswith("When to") for c in answer.citations), answer.text


def test_a_question_about_danger_still_gets_the_emergency_section(chickenpox):
    answer = ask(chickenpox, "when should I call 911 for my child with chickenpox?")
    assert answer.citations[0].section == "When to call 911", answer.text


def test_a_group_follow_up_gets_the_section_for_babies_and_children(mouth_ulcers):
    answer = ask(mouth_ulcers, "what are mouth ulcers", "can my toddler get them?")
    assert answer.citations[0].section == "Babies, children and pregnancy", answer.text
    assert "Children often get their first ulcers" in answer.text


def test_how_long_it_lasts_after_is_it_contagious(norovirus):
    answer = ask(
        norovirus,
        "what are the symptoms of the winter vomiting bug",
        "is it contagious?",
        "how long does it last?",
    )
    assert answer.citations[0].section == "Treatment", answer.text
    assert "2 to 3 days" in answer.text
    assert "say no more" not in answer.text


@pytest.mark.parametrize(
    ("sentence", "lasts"),
    [
        ("You can be contagious for as long as the rash is weeping, often up to 2 weeks.", False),
        ("People are infectious for about a week.", False),
        ("It usually gets better on its own in 2 to 3 days.", True),
    ],
)
def test_how_long_it_is_catching_is_not_how_long_it_lasts(sentence, lasts):
    assert states_how_long_it_lasts(sentence) is lasts
