"""Declined though covered (ninth blind audit): a British page asked in American spelling or
with two words run together, an abbreviation the page spells out asked "what does X mean", a
word of a hyphenated term, a section headed by what is asked, and a thing described rather than
named. Questions about what the articles lack stay declined."""

from __future__ import annotations

import pytest

from assistant.retrieval.coverage import american, chunk_speaks_of, with_joined
from assistant.retrieval.described_thing import described_words, names_described
from assistant.retrieval.hybrid import Passage
from assistant.retrieval.topic import names_title_topic
from assistant.understanding.conversation import Conversation
from index.records import StoredChunk
from tests.support.chunks import chunk_of


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("tumour", "tumor"), ("behaviours", "behaviors"), ("flavoured", "flavored"),
        ("immunisation", "immunization"), ("organised", "organized"), ("analyse", "analyze"),
        ("paralysed", "paralyzed"), ("centre", "center"), ("fibre", "fiber"),
        ("litres", "liters"), ("oesophagus", "esophagus"), ("anaemia", "anemia"),
    ],
)
def test_either_spelling_of_a_word_is_the_same_word(british, us):
    assert american(british) == american(us)


@pytest.mark.parametrize("word", ["hour", "four", "your", "rise", "wise", "more", "toe", "acre"])
def test_short_everyday_words_keep_their_spelling(word):
    assert american(word) == word


def test_american_is_idempotent():
    for word in ["tumour", "immunisations", "centre", "colour", "diarrhoea", "paralyse"]:
        assert american(american(word)) == american(word)


def test_two_neighbouring_words_run_together_are_named_but_not_any_two():
    assert "nosebleed" in with_joined(["a", "nose", "bleed", "can"])
    assert "nosebleed" not in with_joined(["nose", "and", "bleed"])
    chunk = chunk_of(["A nose bleed usually stops on its own."], doc_id="nb",
                     title="Nose bleeds", section="Overview")
    assert chunk_speaks_of("nosebleed", chunk)
    assert not chunk_speaks_of("nosering", chunk)


def _passage(title: str) -> Passage:
    chunk = chunk_of(["Avoid what you react to."], doc_id="d", title=title, section="Treatment")
    return Passage(chunk_id=1, doc_id="d", score=1.0, similarity=0.5, stored=StoredChunk(1, chunk))


def test_a_question_names_a_title_without_the_word_for_its_kind():
    page = _passage("Allergic contact dermatitis")
    assert names_title_topic("contact dermatitis cream options", page)
    assert names_title_topic("allergic contact dermatitis", page)
    # One distinctive word left is not the topic: "dermatitis" is also atopic dermatitis.
    assert not names_title_topic("dermatitis cream", page)
    # A topic's words run together name it.
    assert names_title_topic("hayfever tablets", _passage("Hay fever"))


def test_a_described_thing_is_named_by_a_sentence_saying_what_it_is():
    question = "what are the tiny white flakes things stuck on my son's shoulders"
    words = described_words(question)
    assert words is not None
    assert "white" in words
    assert "tiny" not in words
    chunk = chunk_of(
        ["Dandruff is common.",
         "Flakes are dead skin, which are white or grey and stick to shoulders and collars."],
        doc_id="df", title="Dandruff", section="What is dandruff?")
    assert names_described(words, chunk)
    # A description the sentence does not hold all of names nothing.
    assert not names_described(["white", "tonsils"], chunk)
    # A sentence that does not say what something is names nothing.
    plain = chunk_of(["Brush white flakes off your shoulders and collars stuck there."],
                     doc_id="df", title="Dandruff", section="Self-care")
    assert not names_described(["white", "flakes", "stuck", "shoulders"], plain)


@pytest.mark.parametrize(
    "question",
    ["what are these things", "what are the things", "what is the best treatment",
     "how do I get rid of the white things"],
)
def test_questions_that_describe_nothing_are_not_descriptions(question):
    assert described_words(question) is None


GOUT = """# Gout

Gout is a type of arthritis in which small crystals form inside and around the joints. It causes
sudden attacks of severe pain and swelling.

## Symptoms

The main symptom is sudden, severe pain in a joint, usually the big toe. Small lumps of crystals,
which are white and hard under the skin, can form on the ears and fingers after some years.

## Diagnosis

A GP will ask about your symptoms. You may have a blood test called the SUA (serum uric acid
level), which shows how much uric acid is in your blood. An ultrasound scan can show the crystals.
The result of a dual-energy scan is given as a crystal-score that tells how many crystals there
are.

## Work and driving

| Situation | Advice |
|---|---|
| Going to work during an attack | Rest at home until you can walk comfortably |
| Driving | Do not drive if you cannot press the pedals |

## Treatment

Anti-inflammatory painkillers and colchicine treat an attack. Allopurinol lowers uric acid over
the long term.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    from tests.support.kb import build_article_assistant

    return build_article_assistant(tmp_path_factory, embedder, "gout.md", GOUT)


def test_an_abbreviation_the_page_spells_out_is_answered_when_asked_what_it_means(assistant):
    answer = assistant.answer(Conversation(), "What does SUA mean?")
    assert not answer.abstained
    assert "serum uric acid" in answer.text


def test_a_word_of_a_hyphenated_term_is_a_word_the_page_uses(assistant):
    answer = assistant.answer(Conversation(), "what is a dual-energy scan crystal-score")
    assert not answer.abstained


def test_a_question_on_a_topic_the_articles_lack_is_still_declined(assistant):
    assert assistant.answer(Conversation(), "What does HLA-B58 mean?").abstained
    assert assistant.answer(Conversation(), "what are the white things on my tonsils").abstained


def test_a_section_headed_by_the_asked_word_answers_with_the_topic_words():
    from assistant.retrieval.defined_term import headed_by

    table = chunk_of(["Going to work during an attack: rest at home until you can walk."],
                     doc_id="g", title="Gout", section="At a glance (Work and driving)")
    assert headed_by("driving", ["driving", "gout"], table)
    # The heading must name the word; the text alone is a mention.
    assert not headed_by("rest", ["rest", "gout"], table)
    # Every other word of the question must be said too.
    assert not headed_by("driving", ["driving", "lorry", "gout"], table)
    # One word alone is not enough to go on.
    assert not headed_by("driving", ["driving"], table)


def test_a_word_in_the_other_spelling_is_written_as_the_articles_write_it():
    from assistant.understanding.spelling import Speller

    speller = Speller({"tumour": 5, "anaemia": 9, "colour": 3, "fibre": 4, "bruising": 2},
                      frozenset({"tumor", "color", "upset", "fiber"}))
    assert speller.correct("a Tumor, anemia and fiber") == "a Tumour, anaemia and fibre"
    # An English word with no other spelling in the articles stays as typed.
    assert speller.correct("upset") == "upset"
    # Two misspelled words in one short question are both corrected.
    assert speller.correct("anemia brusing") == "anaemia bruising"


def test_an_english_word_the_articles_use_rarely_is_not_their_typo():
    from assistant.understanding.spelling import Speller

    speller = Speller({"taping": 1, "taking": 500}, frozenset({"taping", "taking"}))
    assert speller.correct("is mouth taping safe") == "is mouth taping safe"
