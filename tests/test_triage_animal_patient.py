"""An emergency read in a message about an animal is not a person's emergency (animal_patient.py):
the label is none and the notice points to a vet; a person or an attack keeps the emergency."""

from __future__ import annotations

import pytest

from assistant.triage import notice_for
from assistant.triage.animal_patient import animal_is_the_patient
from assistant.triage.classifier import TriageClassifier
from assistant.triage.examples import written_apart_examples
from assistant.triage.notices import ANIMAL_TEXT
from assistant.understanding.conversation import Conversation
from tests.support.labelled import every_labelled_example


@pytest.mark.parametrize(
    "message",
    [
        "my puppy keeps throwing up yellow foam and won't drink",
        "our tortoise hasn't moved in two days",
        "the kitten swallowed a hair tie an hour ago",
        "nuestro conejo no come desde ayer y está muy quieto",
        "la yegua está sudando mucho y se revuelca en el suelo",
    ],
)
def test_an_animal_in_trouble_is_the_patient(message):
    assert animal_is_the_patient(message)


@pytest.mark.parametrize(
    "message",
    [
        "dog bite won't stop bleeding",  # an attack: someone was bitten
        "kicked by a horse and can't catch my breath",
        "choking on a hot dog, can't talk",  # food, not an animal
        "the CAT scan shows a bleed in the brain",
        "my calf is swollen and hot since the long flight",  # a body part
        "mi perro mordió a un niño en la cara",
        "she fell asleep next to the dog and now won't wake up",  # a person
    ],
)
def test_a_person_or_an_attack_keeps_the_emergency(message):
    assert not animal_is_the_patient(message)


def test_a_person_in_an_earlier_turn_keeps_the_emergency():
    earlier = ["my son was playing with the neighbour's cat"]
    assert not animal_is_the_patient("the cat's breathing is rattling now", earlier)
    assert animal_is_the_patient("the cat's breathing is rattling now")


def test_no_labelled_emergency_is_about_an_animal_by_the_rule():
    """Every emergency the repository holds (team, extra, gate, plans, accidents, candidates and
    held-out sets) keeps its label: the rule may only take harmless messages away. The blind
    sets are read by no rule test (data/README.md); their floors count their emergencies."""
    examples = [*every_labelled_example(), *written_apart_examples()]
    emergencies = [e for e in examples if e.label == "emergency"]
    assert len(emergencies) > 1500
    taken = [e.id for e in emergencies if animal_is_the_patient(e.text, e.earlier)]
    assert taken == []


def test_the_triage_sends_a_sick_pet_to_a_vet_not_to_911(triage: TriageClassifier):
    result = triage.classify("my cat is having a seizure right now, what do I do")
    assert result.label == "none"
    assert result.animal
    notice = notice_for(result)
    assert notice is not None
    assert notice.kind == "animal"
    assert not notice.escalates
    assert notice.message == ANIMAL_TEXT
    assert "911" not in notice.message


def test_the_triage_keeps_an_emergency_an_animal_caused(triage: TriageClassifier):
    result = triage.classify("a dog just tore my daughter's cheek open, there's blood everywhere")
    assert result.label == "emergency"
    assert not result.animal


def test_the_vet_line_is_the_whole_reply(assistant):
    """The articles are about people: human first aid under the line would be read as the
    animal's."""
    answer = assistant.answer(Conversation(), "my cat is having a seizure right now, what do I do")
    assert answer.safety is not None
    assert answer.safety.kind == "animal"
    assert answer.text == ANIMAL_TEXT
    assert answer.citations == ()
