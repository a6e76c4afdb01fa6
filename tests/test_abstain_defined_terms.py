"""A short question about a term one passage defines is answered though it scores below the cut;
a question naming a word the articles never use, or a term they name only in passing, is still
declined."""

from __future__ import annotations

import pytest

from assistant.retrieval.abstain import match_strength
from assistant.retrieval.defined_term import defines, quotes, says_all
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze
from index.records import Chunk
from tests.support.chunks import chunk_of


def _chunk(sentences: list[str]) -> Chunk:
    return chunk_of(sentences, doc_id="eyes", title="Glaucoma", section="Treatment")


def test_a_sentence_that_says_what_the_term_is_defines_it():
    assert defines("acetazolamide", _chunk(["Acetazolamide is a tablet that lowers pressure."]))
    assert defines("latanoprost", _chunk(
        ["Prostaglandin drops, such as latanoprost or bimatoprost, are tried first."]))
    assert defines("prostaglandin", _chunk(
        ["Prostaglandin drops, such as latanoprost or bimatoprost, are tried first."]))
    assert defines("perimetry", _chunk(
        ["Your optician may send you for a field test, called a perimetry test."]))


def test_a_technical_term_late_in_a_list_with_a_clause_on_it_is_defined():
    chunk = _chunk(["If drops do not help, this can include laser treatment or a "
                    "trabeculectomy, which makes a new channel for the fluid to drain."])
    assert defines("trabeculectomy", chunk)
    # An everyday word late in a sentence with a clause after it is a neighbouring topic.
    chunk = _chunk(["Some people who take it for a long time get tingling fingers or kidney "
                    "stones, which can be painful."])
    assert not defines("stones", chunk)


def test_a_term_named_in_passing_is_not_defined():
    chunk = _chunk(["Some people who take it for a long time get tingling fingers or kidney "
                    "stones, and a few feel sick."])
    assert not defines("stones", chunk)
    assert not says_all(["kidney", "stones"], chunk)  # named late, not what the sentence is about


def test_one_sentence_about_every_word_of_the_question_says_it():
    chunk = _chunk(["Use the 20-20-20 rule at screens: look 20 feet away every 20 minutes."])
    assert says_all(["20", "rule"], chunk)
    assert not says_all(["rule"], chunk)  # one word alone is a mention, not an answer


def test_a_symptom_in_the_page_s_own_words_is_a_quote():
    chunk = _chunk(["Plantar fasciitis is a common cause of heel pain.",
                    "The pain usually comes with your very first steps in the morning."])
    question = "why does my heel hurt so much with the first steps in the morning"
    assert quotes(question, ["heel", "steps", "morning"], chunk)
    # Stopwords alone ("in the morning") are no quote; and every topic word must be said.
    assert not quotes("why is my toe stiff in the morning", ["toe", "stiff", "morning"], chunk)
    assert not quotes("why does my knee hurt with the first steps in the morning",
                      ["knee", "steps", "morning"], chunk)


GLAUCOMA = """# Glaucoma: a guide for patients

Glaucoma is a group of eye conditions that damage the nerve at the back of the eye, usually
because the pressure inside the eye is too high. Found early, sight loss can be prevented.

## Treatment

Treatment aims to lower the pressure in your eye and keep the sight you have.

- Prostaglandin drops, such as latanoprost or bimatoprost, are usually tried first. Put one drop
  in each affected eye once a day, in the evening, and close your eye for a minute afterwards.
- Acetazolamide is a tablet that lowers eye pressure quickly. It is used for a short time,
  for example before surgery. Some people who take it get tingling fingers or, rarely, kidney
  stones.
- Laser treatment opens the drainage channels in the eye.
- If drops and laser do not help, an operation may be offered, such as a trabeculectomy, which
  makes a new channel for the fluid to drain.

## Tests for glaucoma

Your optician measures the pressure in your eye and looks at the back of it. They may refer you
for a test of your side vision, called a perimetry test. This is a painless test in which you
press a button each time you see a small light flash.

## Protecting your eyes at screens

- Use the 20-20-20 rule at screens: every 20 minutes, look at something 20 feet away for 20
  seconds.
- Blink often and keep the screen a little below eye level.
"""

ANSWERED = {
    "what is acetazolamide": "Acetazolamide is a tablet",
    "how do you use latanoprost": "latanoprost",
    "what is a perimetry test": "perimetry test",
    "what is the 20-20-20 rule": "20-20-20 rule",
    "what is a trabeculectomy": "which makes a new channel",
}
DECLINED = (
    "how much does a perimetry test cost without insurance",  # the articles never say "insurance"
    "what is timolol",  # a drug they never name
    "what are the symptoms of kidney stones",  # named once, late in a sentence on acetazolamide
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_assistant

    return build_article_assistant(tmp_path_factory, embedder, "glaucoma.md", GLAUCOMA)


@pytest.mark.parametrize("question", sorted(ANSWERED))
def test_a_question_about_a_defined_term_is_answered_below_the_cut(assistant, question):
    retrieval = assistant.retriever.search(analyze(question))
    # The score alone would decline it: the rule, not the score, answers it.
    assert match_strength(retrieval, assistant.calibration.statistic) < (
        assistant.calibration.threshold
    )
    answer = assistant.answer(Conversation(), question)
    assert not answer.abstained
    assert ANSWERED[question] in answer.text
    assert all(c.title.startswith("Glaucoma") for c in answer.citations)


@pytest.mark.parametrize("question", DECLINED)
def test_a_term_the_articles_lack_or_name_in_passing_is_still_declined(assistant, question):
    assert assistant.answer(Conversation(), question).abstained


def test_an_example_in_a_list_of_others_is_not_defined():
    chunk = _chunk(["Many people also need diabetes medicines, such as metformin, or insulin."])
    assert not defines("metformin", chunk)


def test_a_list_item_that_opens_with_the_rarest_word_says_it_with_the_rest_nearby():
    chunk = _chunk(["Keep your eye drops in the fridge once opened.",
                    "Throw opened bottles away after 28 days."])
    assert says_all(["bottles", "fridge"], chunk, "bottles")
    assert not says_all(["bottles", "fridge"], chunk, "fridge")  # "fridge" opens no sentence
    assert not says_all(["bottles", "freezer"], chunk, "bottles")  # "freezer" is never said


@pytest.mark.parametrize(
    ("question", "said"),
    [("tips to stay safe at screens", "20-20-20 rule"),
     ("any tips to lower eye pressure", "pressure")],
)
def test_a_question_asking_for_tips_is_held_to_its_topic_not_to_the_word_tips(
    assistant, question, said
):
    # The focus read is "tips": it names what is asked for, not a topic a page must name.
    answer = assistant.answer(Conversation(), question)
    assert not answer.abstained
    assert said in answer.text
