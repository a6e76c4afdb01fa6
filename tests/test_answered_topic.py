"""What a follow-up's "it" refers to after an answer: the question's focus when the answering
article is about it, else the article's title."""

from __future__ import annotations

from assistant.service import answered_topic


def test_the_questions_focus_is_kept_when_the_article_is_about_it() -> None:
    assert answered_topic("rheumatoid arthritis", "Rheumatoid Arthritis") == "rheumatoid arthritis"


def test_a_misread_or_missing_focus_gives_way_to_the_answering_article() -> None:
    assert answered_topic("wat", "Rheumatoid Arthritis") == "Rheumatoid Arthritis"
    assert answered_topic(None, "Ear Infections") == "Ear Infections"


def test_a_question_about_the_topics_vaccine_or_test_is_about_that() -> None:
    # "is it safe?" after "who should get the shingles vaccine?" asks about the vaccine.
    question = "who should get the shingles vaccine?"
    assert answered_topic(None, "Shingles", question) == "Shingles vaccine"
    assert answered_topic("measles", "Measles", "is there a vaccine against measles") == (
        "measles vaccine"
    )
    assert answered_topic(
        None, "Coeliac disease | NHS", "what is the blood test for coeliac disease"
    ) == ("Coeliac disease test")


def test_a_question_about_the_condition_itself_keeps_the_condition() -> None:
    assert answered_topic(None, "Shingles", "is shingles contagious?") == "Shingles"
    assert answered_topic("measles", "Measles", "can a vaccinated child get measles") == "measles"
