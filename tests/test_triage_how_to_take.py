"""What to take a medicine with, when around meals or in the day, or whether to put a cream on
the skin, is not a personal dose request; the same
question with an amount, a change, a missed dose or alcohol still is. Messages written for this
test, in no labelled file."""

import pytest

from assistant.triage.how_to_take import asks_how_to_take
from tests.support.labelled import every_labelled_example


@pytest.mark.parametrize(
    "message",
    [
        "do I take my naproxen with food or not?",
        "can my daughter take her antibiotic syrup with milk",
        "is prednisolone better taken before or after breakfast",
        "should I take my calcium tablets on an empty stomach",
        "is it better to take my statin in the morning or at night",
        "¿la levotiroxina se toma en ayunas o con el desayuno?",
        "How should I take risedronate?",
        "what's the best way to take my levothyroxine",
        "how do you use a steroid nasal spray properly",
        "can I take my thyroxine with my morning cup of tea",
        "is it ok to take cetirizine with a light breakfast",
        # the time of day
        "What time of day should I take levothyroxine?",
        "when should I take my blood pressure tablets",
        "is it better to take an antihistamine at bedtime",
        "¿a qué hora del día se toma la metformina?",
        # whether a product goes on the skin
        "Can I put antiseptic cream on a graze?",
        "is it ok to use a steroid ointment on my eczema",
        "should I apply moisturiser to a healing tattoo",
    ],
)
def test_a_question_about_how_to_take_a_medicine_is_read(message):
    assert asks_how_to_take(message)


@pytest.mark.parametrize(
    "message",
    [
        "can I take 2 naproxen with food",
        "how much calcium should I take with breakfast",
        "I forgot my statin this morning, can I take it with dinner?",
        "can I take my sertraline with a couple of beers",
        "should I take an extra tablet with lunch",
        "how long can you go without food",
        "¿cuántas pastillas me tomo con la comida?",
        "how often should I take my naproxen",
        "how should I take ibuprofen for my toddler's fever",
        "how do I take my prednisolone if I missed yesterday's",
        "can I take my statin twice with my morning coffee",
        "how much steroid cream should I put on my eczema",
        "can I take 2 antihistamines at night?",
        "should I take my levothyroxine at night instead",
        "what time should I take the extra dose of insulin",
        "can I put more than one nicotine patch on my arm",
    ],
)
def test_an_amount_a_change_or_alcohol_keeps_it_a_dose_question(message):
    assert not asks_how_to_take(message)


@pytest.mark.parametrize(
    "message",
    [
        "do I take my naproxen with food or not?",
        "can my daughter take her antibiotic syrup with milk",
        "How should I take risedronate?",
        "can i take my thyroxine with my morning coffee",
        "What time of day should I take levothyroxine?",
        "Can I put antiseptic cream on a graze?",
    ],
)
def test_the_triage_gives_such_a_question_a_plain_answer(triage, message):
    assert triage.classify(message).label == "none"


def test_the_triage_still_reads_a_dose_asked_with_food(triage):
    assert triage.classify("how many naproxen can I take with food?").label == "personal_dose"


def test_no_dose_request_of_the_labelled_sets_is_read_as_how_to_take():
    rows = every_labelled_example()
    doses = [e.text for e in rows if e.label == "personal_dose"]
    assert len(doses) > 300
    assert [t for t in doses if asks_how_to_take(t)] == []
