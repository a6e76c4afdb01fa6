"""What a follow-up's "it" refers to after an answer: the question's focus when the answering
article is about it, else the article's title."""

from __future__ import annotations

from assistant.service import answered_topic


def test_the_questions_focus_is_kept_when_the_article_is_about_it() -> None:
    assert answered_topic("rheumatoid arthritis", "Rheumatoid Arthritis") == "rheumatoid arthritis"


def test_a_misread_or_missing_focus_gives_way_to_the_answering_article() -> None:
    assert answered_topic("wat", "Rheumatoid Arthritis") == "Rheumatoid Arthritis"
    assert answered_topic(None, "Ear Infections") == "Ear Infections"
