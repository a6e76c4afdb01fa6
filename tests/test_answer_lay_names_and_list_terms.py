"""A question asked in the lay words a page gives as what its topic is, or about a term a list
item describes in a clause after its name, is answered from that page; a word a sentence about
something else names after "called" is not taken as the page's topic."""

from __future__ import annotations

import pytest

from assistant.retrieval.defined_term import defines
from assistant.retrieval.lay_name import gives_as_name
from assistant.understanding.conversation import Conversation
from index.records import Chunk
from tests.support.chunks import chunk_of


def _chunk(sentences: list[str], title: str = "Bruxism") -> Chunk:
    return chunk_of(sentences, doc_id="teeth", title=title, section="What is it?")


def test_a_lay_phrase_the_page_gives_for_its_topic_names_it():
    chunk = _chunk(
        [
            "Bruxism is the medical name for grinding your teeth.",
            "It is sometimes called gnashing, and most people do it asleep.",
        ]
    )
    assert gives_as_name("gnashing", chunk)
    # Said of something else, "called" names that thing, not the page's topic.
    other = _chunk(["A dentist may fit a plastic guard, sometimes called a splint."])
    assert not gives_as_name("splint", other)


def test_a_clause_after_a_list_item_s_name_defines_it():
    assert defines(
        "biofeedback",
        _chunk(["- biofeedback, where sensors warn you when your jaw muscles tighten"]),
    )
    assert defines(
        "therapy",
        _chunk(["- cognitive behavioural therapy (CBT), talking therapy that helps with stress"]),
    )
    # Named late in a sentence about something else, the clause is not about it.
    assert not defines(
        "stones", _chunk(["Some people who take it for a long time get kidney stones, which hurt."])
    )


BRUXISM = """# Bruxism

## What is bruxism?

Bruxism is the medical name for grinding your teeth or clenching your jaw without meaning to.
It is often described as gnashing, and most people who do it are asleep. Many people do not know
they do it until a dentist or a partner notices.

## What causes bruxism?

Bruxism is often linked to stress and anxiety. It is more common in people who smoke, drink a
lot of alcohol or caffeine, or take some antidepressants. Sleep problems such as snoring can
also play a part.

## Symptoms

Symptoms include jaw pain, headaches, earache, worn or broken teeth and disturbed sleep.

## Treatment

A dentist may suggest a mouth guard to wear at night. Other treatments include:

- biofeedback, where sensors warn you when your jaw muscles tighten
- cognitive behavioural therapy (CBT), a talking therapy that helps you manage stress
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_assistant

    return build_article_assistant(tmp_path_factory, embedder, "bruxism.md", BRUXISM)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what causes teeth gnashing at night", "gnashing"),  # the lay word the page gives
        ("what is biofeedback", "sensors warn you"),  # a term only a list item describes
    ],
)
def test_a_lay_word_or_a_listed_term_is_answered_from_its_page(assistant, question, said):
    answer = assistant.answer(Conversation(), question)
    assert not answer.abstained
    assert said in answer.text
    assert all(c.title == "Bruxism" for c in answer.citations)
