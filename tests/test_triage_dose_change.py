"""A request to change a prescribed dose is a personal dose request; talk about medicines and
changes that are not doses is not. Messages written for this test, in no labelled file."""

import pytest

from assistant.triage.dose_change import asks_to_change_dose
from tests.support.labelled import every_labelled_example


@pytest.mark.parametrize(
    "message",
    [
        "should I skip my lisinopril tonight since my BP was low at the pharmacy?",
        "is it ok if I stop taking my amoxicillin after 4 days, I feel better",
        "can my dad double up on his metformin if he forgot this morning",
        "I want to come off my zoloft, can I just go down to 25",
        "Can she take two of her allergy pills if one isn't working?",
        "¿puedo dejar el omeprazol de golpe?",
        "mi hija vomitó el jarabe, le doy otra dosis?",
        "se me olvidó la levotiroxina, mañana me la salto?",
        # Medicine names the cue list does not hold, read by their drug-class endings.
        "Should I stop my risedronate before my tooth extraction?",
        "should i pause my apixaban before my colonoscopy",
        "do I need to hold off on my tranexamic acid before the operation?",
        "can I come off my bisoprolol now my pulse is normal",
    ],
)
def test_a_request_to_change_a_dose_is_read(message):
    assert asks_to_change_dose(message)


@pytest.mark.parametrize(
    "message",
    [
        "can I stop smoking with patches?",
        "what happens if you stop taking prednisone suddenly?",
        "how do doctors taper people off benzodiazepines?",
        "can I lower my blood pressure without medication?",
        "should I skip breakfast if I take my metformin at night?",
        "I stopped my antibiotics early last year and was fine, why do they say finish them?",
        "¿qué pasa si alguien deja los antidepresivos de golpe?",
        "le doy más agua al bebé si hace calor?",
        "how should I hold my inhaler?",
        "should I stop my acid reflux diet now?",
        "can I pause my physiotherapy before my knee operation?",
        "",
    ],
)
def test_talk_about_medicines_and_other_changes_is_not(message):
    assert not asks_to_change_dose(message)


@pytest.mark.parametrize(
    "message",
    [
        # The model alone reads these as ordinary questions (dose 0.34, 0.33 and 0.18).
        "ok if i skip my blood pressure pill today? feel dizzy",
        "me puedo saltar la pastilla de la presión hoy?",
        "mi mamá quiere dejar la metformina porque le cae mal, puede?",
    ],
)
def test_the_triage_labels_a_dose_change_a_personal_dose_request(triage, message):
    assert triage.classify(message).label == "personal_dose"


@pytest.mark.parametrize(
    "message",
    [
        # Stopping an antidepressant leans to crisis in the model alone (crisis 0.63 here).
        "I want to come off my sertraline, can I just stop taking my sertraline?",
        "is it ok if I skip my warfarin tomorrow? I am having a tooth pulled",
        "can I skip my seroquel tonight, I have an early flight",
    ],
)
def test_a_dose_change_that_names_no_danger_is_never_a_crisis(triage, message):
    assert triage.classify(message).label == "personal_dose"


@pytest.mark.parametrize(
    ("earlier", "message"),
    [
        ((), "should I stop taking my pills? nothing matters anymore and I want to die"),
        (("I don't want to be alive anymore",), "can I stop taking my sertraline?"),
    ],
)
def test_a_dose_change_beside_a_wish_to_die_stays_a_crisis(triage, earlier, message):
    assert triage.classify(message, earlier).label == "crisis"


def test_no_escalation_of_the_labelled_sets_is_read_as_a_dose_change():
    rows = every_labelled_example()
    serious = [e.text for e in rows if e.label in ("crisis", "emergency")]
    assert len(serious) > 800
    assert [t for t in serious if asks_to_change_dose(t)] == []


def test_no_harmless_message_of_the_labelled_sets_is_read_as_a_dose_change():
    rows = every_labelled_example()
    harmless = [e.text for e in rows if e.label == "none"]
    assert len(harmless) > 1000
    assert [t for t in harmless if asks_to_change_dose(t)] == []
