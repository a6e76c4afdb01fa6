"""A question about a neighbouring topic ("gum cancer" beside a gum-disease page, a route of
spreading no page names) is declined; one the page answers in other words than the visitor's
("remedies", "always", "toddler", "my" for "your") is answered; a decline offers only articles
whose title or heading uses a word of the question."""

from __future__ import annotations

import pytest

from assistant.retrieval.defined_term import _topic_words, defines, quotes
from assistant.retrieval.unnamed import unnamed_subject
from assistant.service import answered_topic
from assistant.understanding.conversation import Conversation
from index.records import Chunk
from tests.support.chunks import chunk_of

WORDS = dict.fromkeys(
    ["gum", "gums", "disease", "bleeding", "teeth", "brush", "children", "floss", "dentist",
     "toe", "swollen"],
    1,
)


@pytest.mark.parametrize(
    ("question", "unnamed"),
    [
        # The route it is asked to pass by is what the question turns on.
        ("can gum disease be passed on through kissing", "kissing"),
        # "how do i know if ..." asks "is my toe broken".
        ("how do i know if my toe is broken", "broken"),
    ],
)
def test_a_route_or_an_embedded_question_s_word_no_article_names_is_found(question, unnamed):
    assert unnamed_subject(question, WORDS) == unnamed


@pytest.mark.parametrize(
    "question",
    [
        "does gum disease always need a dentist",  # "always" says how often, it is no thing
        "can my toddler get gum disease",  # a group the articles name as "children"
        "how do i know if my toe is swollen",
    ],
)
def test_words_that_are_no_thing_or_a_named_group_do_not_decline(question):
    assert unnamed_subject(question, WORDS) is None


def test_a_group_no_article_names_in_any_words_is_still_unnamed():
    assert unnamed_subject("can my toddler get gum disease", {"gum": 1, "disease": 1}) == (
        "toddler"
    )


def _chunk(sentences: list[str]) -> Chunk:
    return chunk_of(sentences, doc_id="jaw", title="Jaw pain", section="Symptoms")


def test_the_visitor_s_my_quotes_the_page_s_your():
    chunk = _chunk(["You may hear a clicking sound when you open your mouth wide."])
    question = "my jaw makes a clicking sound when i open my mouth wide, why"
    assert quotes(question, ["jaw", "clicking", "sound", "mouth"], chunk) is False  # no "jaw"
    assert quotes(question, ["clicking", "sound", "mouth"], chunk)


def test_a_list_item_s_name_before_a_colon_is_defined():
    chunk = _chunk(["- Drink more water: aim for 2 litres a day, more in hot weather."])
    assert defines("water", chunk)
    assert not defines("weather", chunk)


GUMS = """# Gum disease

Gum disease is when your gums are swollen, sore or infected. It is very common and can usually
be treated at home by keeping your teeth clean.

## Symptoms of gum disease

Your gums may bleed when you brush your teeth, look red and swollen, or feel sore. You may have
bad breath.

## Looking after your gums at home

- Brush your teeth twice a day for about 2 minutes with a fluoride toothpaste.
- Clean between your teeth every day with floss or interdental brushes.
- Do not smoke.

## When to see a dentist

See a dentist if your gums are painful, bleed often or your teeth feel loose.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_assistant

    return build_article_assistant(tmp_path_factory, embedder, "gum-disease.md", GUMS)


def test_a_question_about_the_topic_s_cancer_is_not_answered_from_the_topic(assistant):
    # The gum page shares "gum" and matches well; it never says "cancer".
    answer = assistant.answer(Conversation(), "what is the best treatment for gum cancer")
    assert answer.abstained
    assert answer.suggestions == ()


def test_the_topic_asked_for_remedies_is_answered(assistant):
    # "remedies" says what kind of answer is wanted; the page's home section never says it.
    answer = assistant.answer(Conversation(), "gum disease remedies")
    assert not answer.abstained
    assert answer.citations[0].title == "Gum disease"


def test_a_decline_offers_no_article_that_uses_no_word_of_the_question(assistant):
    # The fixture pages on other topics say "cream" in their text; none is about piles cream.
    answer = assistant.answer(Conversation(), "what cream should i use for piles")
    assert answer.abstained
    assert all(
        any(word in offer.lower() for word in ("cream", "pile")) for offer in answer.suggestions
    )


def test_a_follow_up_after_asking_for_remedies_is_about_the_topic_not_the_page_title():
    assert answered_topic("gum disease remedies", "Gum disease in adults and children") == (
        "gum disease"
    )


def test_the_judgement_asked_for_is_not_a_word_the_page_must_say():
    assert _topic_words(("home", "pregnancy", "test", "good")) == ["home", "pregnancy", "test"]
