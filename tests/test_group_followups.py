"""A follow-up that brings up a group ("what about kids?") is answered from the topic's page for
that group when the articles have one, though the page that answered before still ranks first."""

from __future__ import annotations

import pytest

from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation, group_asked_about, group_names
from healthqa.settings import Settings
from ingest.pipeline import ingest_paths

MEDQUAD = (
    "7_SeniorHealth_QA/0000071.xml",  # Urinary Tract Infections (older adults' page)
    "4_MPlus_Health_Topics_QA/0000932.xml",  # Urinary Tract Infections (MedlinePlus)
    "5_NIDDK_QA/0000223.xml",  # What I need to know about My Child's Urinary Tract Infection
    "5_NIDDK_QA/0000088.xml",  # Celiac Disease
    "5_NIDDK_QA/0000113.xml",  # Irritable Bowel Syndrome in Children (mentions celiac disease)
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder, shared_data):
    root = tmp_path_factory.mktemp("groups")
    settings = Settings(data_dir=root, index_dir=root / "index")
    paths = [shared_data / "medquad" / name for name in MEDQUAD]
    assert not ingest_paths(paths, settings=settings, embedder=embedder).failed
    return build_assistant(settings, embedder=embedder)


@pytest.mark.shared_data
@pytest.mark.parametrize("follow_up", ["What about kids?", "and in children?"])
def test_a_group_follow_up_is_answered_from_the_topics_page_for_that_group(assistant, follow_up):
    # Before, the rewritten search ("... urinary tract infections in kids?") still put the
    # adults' page first and the answer repeated the one above word for word.
    conversation = Conversation()
    assistant.answer(conversation, "Who is at risk for urinary tract infections?")
    answer = assistant.answer(conversation, follow_up)
    assert "Child" in answer.citations[0].title


@pytest.mark.shared_data
def test_a_page_naming_the_group_but_not_the_topic_is_not_a_source(assistant):
    conversation = Conversation()
    assistant.answer(conversation, "What are the symptoms of celiac disease?")
    answer = assistant.answer(conversation, "in kids?")
    assert not answer.abstained
    assert all("Irritable Bowel" not in citation.title for citation in answer.citations)


def test_only_an_elliptical_follow_up_naming_a_group_reads_as_one():
    assert group_names("what about kids?") is not None
    assert group_names("and in older adults?") is not None
    assert group_names("what about ozempic?") is None
    assert group_names("My kids keep coughing at night, is that asthma?") is None


PINWORM = """# Pinworm Infection

## What is pinworm infection?

Pinworm infection is a common intestinal infection caused by tiny white worms. The worms lay
eggs around the anus at night, which causes itching and disturbed sleep.

## How is pinworm infection treated?

Pinworm infection is treated with a single dose of mebendazole or albendazole, repeated after
two weeks because the first dose does not kill the eggs. Everyone in the household is usually
treated at the same time. Wash bedding and towels in hot water on the day of treatment.
Albendazole is approved for children 2 years of age and older. Trim fingernails short and wash
hands after using the toilet to stop the worms coming back.

## How can pinworm infection be prevented?

Wash hands with soap and warm water after using the toilet and before eating. Shower every
morning to remove eggs laid during the night.
"""


@pytest.fixture(scope="module")
def pinworm_assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_index

    root = tmp_path_factory.mktemp("pinworm")
    return build_assistant(
        build_article_index(root, embedder, "pinworm.md", PINWORM), embedder=embedder
    )


def test_a_group_the_topics_page_names_only_in_its_text_is_answered_from_those_sentences(
    pinworm_assistant,
):
    conversation = Conversation()
    pinworm_assistant.answer(conversation, "How do you get rid of pinworms?")
    answer = pinworm_assistant.answer(conversation, "what about children?")
    assert "children 2 years of age" in answer.text
    assert "nothing specifically" not in answer.text


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("How much ibuprofen can I give my 4 year old?", "4 year old"),
        ("is eczema cream safe for my 6-month-old baby", "6-month-old"),
        ("Can I use a nasal spray while pregnant?", "pregnant"),
        ("What about kids?", "kids"),
    ],
)
def test_a_question_naming_a_group_asks_about_it_elliptical_or_not(question, names):
    """A whole question that names a group (a child by age, pregnancy) is read as asking about
    that group, as an elliptical follow-up is: its section leads the answer."""
    group = group_asked_about(question)
    assert group is not None
    found = group.search(question)
    assert found is not None
    assert found.group() == names


@pytest.mark.parametrize(
    "question", ["How is migraine treated?", "what causes heartburn", "Is acne contagious?"]
)
def test_a_question_naming_no_group_asks_about_none(question):
    assert group_asked_about(question) is None
