"""Page leftovers an answer must not quote alone: a pointer to another part of the site or
book, an offer of tips or a call to find a professional, and a pronoun whose referent was
only in the sentence before. Fixtures are about asthma and hearing, written for these tests."""

from __future__ import annotations

import pytest

from assistant.compose.quotable import is_quotable
from assistant.compose.units import readable_units
from healthqa.text.sentences import split_sentences


@pytest.mark.parametrize(
    "sentence",
    [
        'To learn more about inhaler types, see the chapter on "Treatment."',
        "For more on hearing aids, see the section about devices.",
        "Besides the triggers listed below, cold air can bring on an attack.",
        "Get tips on finding a hearing specialist.",
        "Find information about asthma clinical trials.",
        "Find an allergy specialist near you.",
    ],
)
def test_leftovers_are_not_quoted(sentence: str) -> None:
    assert not is_quotable(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The common triggers are listed below:",
        "If left untreated, it can lead to permanent hearing loss.",
        "In people with asthma, it is important to avoid smoke.",
        "Find a doctor who treats asthma and ask how to use a peak flow meter every day.",
        "Get help right away if your lips turn blue.",
        "See your doctor if your inhaler does not help.",
    ],
)
def test_statements_stay_quotable(sentence: str) -> None:
    assert is_quotable(sentence)


def test_a_sentence_leaning_on_the_one_before_is_quoted_with_it_or_not_at_all() -> None:
    told = (
        "Montelukast is a tablet taken once a day. In people with allergic asthma, it may "
        "reduce night-time coughing. Inhaled steroids are also used every day."
    )
    units = readable_units(told, split_sentences(told))
    assert [u.sentences for u in units] == [(0, 1, 2)]
    alone = "In people with allergic asthma, it may reduce night-time coughing."
    assert readable_units(alone, split_sentences(alone)) == []
    also = "A spacer helps the medicine reach the lungs. Salmeterol is also approved for adults."
    assert [u.sentences for u in readable_units(also, split_sentences(also))] == [(0, 1)]
