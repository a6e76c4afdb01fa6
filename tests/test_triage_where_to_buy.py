"""Where or whether a medicine can be bought is a plain question, not a dose request: "can I get
nicotine patches from the chemist for my 17 year old" gets the articles' answer without the dose
notice; an amount or a change asked beside it keeps the notice (assistant/triage/where_to_buy.py).
The messages are the team's, written for this test, in no labelled file."""

from __future__ import annotations

import pytest

from assistant.triage import notice_for
from assistant.triage.where_to_buy import asks_where_to_buy
from tests.support.labelled import every_labelled_example


@pytest.mark.parametrize(
    "message",
    [
        "can i get nicotine patches from the chemist for my 17 year old?",
        "Is ibuprofen gel available over the counter?",
        "do I need a prescription for head lice lotion for my 8-year-old?",
        "can you buy antihistamines at the supermarket",
        "¿se puede comprar loratadina sin receta?",
    ],
)
def test_a_question_about_buying_a_medicine_is_read(message):
    assert asks_where_to_buy(message)


@pytest.mark.parametrize(
    "message",
    [
        "how many nicotine patches can I buy from the chemist for my 17 year old?",
        "can I buy 32 paracetamol at the supermarket?",
        "can I buy a stronger dose at the pharmacy, mine isn't working",
        "bought some antihistamines at the store today",  # tells, asks nothing
        "how much antihistamine should I give my 6 year old?",
    ],
)
def test_an_amount_a_change_or_a_telling_is_not(message):
    assert not asks_where_to_buy(message)


def test_the_triage_answers_it_without_the_dose_notice(triage):
    message = "can i get nicotine patches from the chemist for my 17 year old?"
    result = triage.classify(message)
    # The model alone reads it as a dose request ...
    assert result.scores["personal_dose"] >= triage.model.decision.thresholds["personal_dose"]
    # ... the rule reads it as the plain question it is.
    assert result.label == "none"
    assert notice_for(result) is None


def test_the_triage_still_reads_a_dose_asked_beside_the_shop(triage):
    message = "how many nicotine patches a day should my 17 year old use from the chemist?"
    assert triage.classify(message).label == "personal_dose"


def test_no_dose_request_of_the_labelled_sets_is_read_as_where_to_buy():
    doses = [e.text for e in every_labelled_example() if e.label == "personal_dose"]
    assert len(doses) > 300
    assert [t for t in doses if asks_where_to_buy(t)] == []
