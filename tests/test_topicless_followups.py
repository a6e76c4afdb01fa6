"""A follow-up that names no topic of its own ("when should I see a doctor?", "what will the
physio do?") is about the conversation's topic, though another article's heading matches its
words better; one that names a topic still moves to it, and one unrelated to the topic is not
answered from it. An age ("my 9 month old") brings up a group as "my baby" does."""

from __future__ import annotations

import pytest

from assistant.service import SAME_ANSWER_LEAD, build_assistant
from assistant.understanding.conversation import (
    Conversation,
    Turn,
    contextualize,
    group_names,
    names_no_topic,
    needs_context,
)
from healthqa.settings import Settings
from ingest.pipeline import ingest_paths

ARTICLES = {
    "slapped-cheek.md": """# Slapped cheek syndrome

Slapped cheek syndrome is a common viral infection that mostly affects children. It causes a
bright red rash on both cheeks. It usually gets better on its own within 3 weeks.

## Symptoms of slapped cheek syndrome

The first signs are a high temperature, a runny nose, a sore throat and a headache. A few days
later a bright red rash appears on the cheeks, followed by a lacy rash on the arms and chest.

## How slapped cheek syndrome spreads

It spreads through coughs and sneezes and by touching surfaces that infected people have
touched. People are most infectious before the rash appears. Once the rash appears, a person
can no longer pass the infection on.

## Looking after yourself or your child

Rest and drink plenty of fluids. Paracetamol or ibuprofen can ease a high temperature and
aches. Moisturiser can help if the rash is itchy.

## When to get medical advice

Contact your GP if you are pregnant and have been near someone with the infection, if you have
a blood disorder such as sickle cell disease, or if you have a weakened immune system. Get help
urgently if your child has very pale skin, shortness of breath or extreme tiredness.
""",
    "athletes-foot.md": """# Athlete's foot

Athlete's foot is a fungal infection of the skin between the toes. It causes itchy, cracked
and flaky skin.

## Treatment for athlete's foot

Athlete's foot is treated with antifungal creams, sprays or powders from a pharmacy. Keep using
the treatment for 2 weeks after the rash has cleared so the fungus does not come back.

## When should I see a doctor?

See a doctor if the treatment has not worked after 2 weeks, if the skin is red, hot and swollen,
if you have diabetes, or if the infection has spread to your nails.
""",
    "heel-bursitis.md": """# Heel bursitis

Heel bursitis is swelling of a small fluid-filled sac at the back of the heel. It causes pain
when walking and when wearing shoes that press on the heel.

## Physiotherapy for heel bursitis

A physiotherapist can show you stretches for the calf and the back of the heel, strap the heel
to take the load off it, and suggest heel pads or insoles for your shoes.

## Causes of heel bursitis

It is caused by pressure or rubbing on the back of the heel, often from tight shoes, running
uphill or a sudden increase in exercise.
""",
    "scabies.md": """# Scabies

Scabies is a skin condition caused by tiny mites that burrow into the skin. It causes intense
itching, which is often worse at night.

## How scabies is treated

Scabies is treated with permethrin cream, which you put on the whole body and wash off after 8
to 12 hours. Everyone in your home should be treated at the same time, even if they have no
symptoms. The treatment is repeated after 7 days. Permethrin cream is not usually suitable for
babies under 2 months, so see a GP for a baby that young. Wash bedding, towels and clothes on a
hot wash on the day of the first treatment.

## Can children go to school with scabies?

Children can go back to school or nursery 24 hours after the first treatment.

## How do children catch scabies?

Children catch scabies through close skin contact with someone who has it, for example when
holding hands or sharing a bed.
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    root = tmp_path_factory.mktemp("topicless")
    folder = root / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(data_dir=root, index_dir=root / "index")
    assert not ingest_paths([folder], settings=settings, embedder=embedder).failed
    return build_assistant(settings, embedder=embedder)


def titles_and_sections(answer) -> list[str]:
    return [f"{c.title} | {c.section}" for c in answer.citations]


def test_a_follow_up_naming_no_topic_is_answered_from_the_topics_page(assistant):
    # Searched alone, "when should I see a doctor" matched the athlete's foot heading word for
    # word and was answered from that page.
    conversation = Conversation()
    assistant.answer(conversation, "what is slapped cheek syndrome?")
    answer = assistant.answer(conversation, "when should i see a doctor")
    assert not answer.abstained
    assert titles_and_sections(answer)[0] == "Slapped cheek syndrome | When to get medical advice"
    assert "Athlete" not in " ".join(titles_and_sections(answer))


def test_a_follow_up_naming_no_topic_is_not_declined_when_the_topic_answers_it(assistant):
    # Searched alone, "what will the physio do?" found nothing good enough and was declined.
    conversation = Conversation()
    assistant.answer(conversation, "i've got heel bursitis, the back of my heel hurts in shoes")
    answer = assistant.answer(conversation, "what will the physio do?")
    assert not answer.abstained
    assert titles_and_sections(answer)[0] == "Heel bursitis | Physiotherapy for heel bursitis"


def test_a_follow_up_naming_a_new_topic_still_moves_to_it(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "what is slapped cheek syndrome?")
    answer = assistant.answer(conversation, "how do I treat athlete's foot?")
    assert answer.citations[0].title == "Athlete's foot"


def test_a_follow_up_unrelated_to_the_topic_is_not_answered_from_it(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "what is slapped cheek syndrome?")
    answer = assistant.answer(conversation, "how do i change the oil in my car?")
    assert answer.abstained


def test_one_that_points_back_is_the_topic(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "what is athlete's foot?")
    answer = assistant.answer(conversation, "when do i need to see a GP for one")
    assert titles_and_sections(answer)[0] == "Athlete's foot | When should I see a doctor?"


@pytest.mark.parametrize(
    ("follow_up", "section"),
    [
        ("is it contagious?", "How slapped cheek syndrome spreads"),
        ("how does it spread?", "How slapped cheek syndrome spreads"),
    ],
)
def test_a_follow_up_on_a_cleanly_sectioned_page_is_not_called_a_repeat(
    assistant, follow_up, section
):
    # With the page's sections apart, "is it contagious?" after "what is ...?" is answered from
    # the section on spreading, not the opening again under "say no more".
    conversation = Conversation()
    assistant.answer(conversation, "what is slapped cheek syndrome?")
    answer = assistant.answer(conversation, follow_up)
    assert not answer.text.startswith(SAME_ANSWER_LEAD)
    assert titles_and_sections(answer)[0] == f"Slapped cheek syndrome | {section}"


@pytest.mark.parametrize(
    "follow_up", ["what about my 6 week old?", "and my 3-week-old baby?", "what about a newborn?"]
)
def test_an_age_brings_up_the_group_and_its_sentence(assistant, follow_up):
    # "my 18 month old" did not read as a group: it was searched as a topic in place of the
    # condition, and the sentence about babies was dropped. The page's headings that name
    # children ("How do children catch scabies?") answer other questions.
    conversation = Conversation()
    assistant.answer(conversation, "how is scabies treated?")
    answer = assistant.answer(conversation, follow_up)
    assert "not usually suitable for babies under 2 months" in answer.text
    assert titles_and_sections(answer)[0] == "Scabies | How scabies is treated"


@pytest.mark.parametrize(
    "message",
    [
        "what about my 18 month old?",
        "and my 3-year-old?",
        "what about my two year old son?",
        "what about my toddler?",
        "and in my 6 months old?",
    ],
)
def test_an_age_or_a_toddler_reads_as_a_group(message):
    assert group_names(message) is not None


@pytest.mark.parametrize(
    ("message", "names_none"),
    [
        ("when should i see a doctor", True),
        ("what will the physio do?", True),
        ("what can the pharmacist give", True),
        ("how do i treat a nosebleed", False),
        ("what about gout?", False),
        ("is it contagious?", False),
    ],
)
def test_a_question_naming_no_topic_is_told_apart(message, names_none):
    assert names_no_topic(message) is names_none


def test_one_ending_a_question_points_back():
    conversation = Conversation()
    conversation.record(Turn(message="how do I stop a migraine", query="x", focus="migraine"))
    assert needs_context("when do I need to go to hospital for one?")
    assert contextualize(conversation, "when do I need to go to hospital for one?") == (
        "when do I need to go to hospital for migraine?"
    )
    assert not needs_context("which treatment is the best one for adults with migraine?")
