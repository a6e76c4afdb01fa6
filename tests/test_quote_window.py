"""The quote window keeps the sentences that answer: an FAQ's short answer whole (its first
sentence opening with an "it" that stands for what follows, "It is best to ..."), a sentence
leaning on the one before scored with that one's words ("They work best when ..."), and two
sentences of one answer that differ in what they say though they read alike ("With treatment
... Without treatment ...")."""

from __future__ import annotations

import pytest

from assistant.compose.units import readable_units
from assistant.understanding.conversation import Conversation
from healthqa.text.sentences import split_sentences
from tests.support.kb import build_article_assistant

ATHLETES_FOOT = """<!doctype html>
<html><head><title>Athlete's foot</title></head><body><main><article>
<h1>Athlete's foot</h1>
<p>Athlete's foot is a common fungal infection of the skin between the toes.</p>
<h2>Treating athlete's foot</h2>
<p>Antifungal sprays from a pharmacy can clear the rash and stop the itching. They work best
when used every day for a week after the rash has gone.</p>
<p>Dry your feet well after washing, especially between the toes. Wear clean cotton socks and
change them every day.</p>
<h2>Common questions</h2>
<h3>Can I go swimming with athlete's foot?</h3>
<p>It is best to avoid public pools and changing rooms until the rash has cleared, because the
fungus spreads on wet floors. Wear flip-flops in communal showers.</p>
<h3>How long does athlete's foot last?</h3>
<p>With treatment it usually clears in 2 to 4 weeks. Without treatment it can last for
months.</p>
</article></main></body></html>
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "athletes-foot.html", ATHLETES_FOOT)


def test_an_it_standing_for_the_clause_after_it_does_not_lean_on_the_sentence_before():
    text = "It is best to avoid pools until the rash has cleared. Wear flip-flops in showers."
    units = readable_units(text, tuple(split_sentences(text)))
    assert (0,) in [u.sentences for u in units]


def test_a_short_faq_answer_is_quoted_whole(assistant):
    answer = assistant.answer(Conversation(), "can i go swimming if i have athlete's foot")
    assert "It is best to avoid public pools" in answer.text
    assert "flip-flops" in answer.text


def test_both_halves_of_a_short_answer_are_quoted(assistant):
    answer = assistant.answer(Conversation(), "how long does athlete's foot last?")
    assert "2 to 4 weeks" in answer.text
    assert "Without treatment it can last for months" in answer.text


def test_a_sentence_leaning_on_the_one_before_is_quoted_with_it(assistant):
    answer = assistant.answer(
        Conversation(), "when is the best time to use antifungal spray for athlete's foot"
    )
    assert "They work best when used every day" in answer.text
    assert "Antifungal sprays from a pharmacy" in answer.text
