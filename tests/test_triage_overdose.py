"""Many tablets taken at once, told before a question, are a poisoning emergency; doses, times,
courses, what-ifs and overdoses of years ago are not (assistant/triage/overdose.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.triage import SafetyLines, notice_for
from assistant.triage.examples import (
    HELD_OUT_DIR,
    extra_examples,
    off_topic_gate_examples,
    read_folder,
    team_examples,
)
from assistant.triage.features import read_cues
from assistant.triage.overdose import tells_overdose

CANDIDATES_DIR = Path(HELD_OUT_DIR).parent / "candidates"


@pytest.mark.parametrize(
    "message",
    [
        "I swallowed 25 of my carbamazepine, what do I do now?",
        "my husband took about 30 of his blood pressure tablets. is he going to be ok",
        "downed a whole bottle of melatonin gummies, will I be fine",
        "took like 12 of my sleeping tablets an hour ago",
        "my dad took all his heart pills at once this morning and he's dizzy",
    ],
)
def test_many_tablets_taken_are_an_overdose(message):
    assert tells_overdose(message, read_cues())


@pytest.mark.parametrize(
    "message",
    [
        "I take 500 metformin twice a day, is that a lot?",  # milligrams, not a count
        "we took 20 of our students to the vaccine clinic today",
        "I took 20 mg of citalopram this morning, can I drink coffee?",
        "it took 15 minutes for the ibuprofen to work",
        "what happens if someone takes 20 paracetamol?",  # a what-if
        "years ago I took 30 painkillers, could my liver still be damaged?",
        "she took all her antibiotics like the doctor said but still coughs",
        "I took 2 tylenol for a headache, can I have more later?",
    ],
)
def test_doses_times_courses_and_what_ifs_are_not(message):
    assert not tells_overdose(message, read_cues())


def test_no_harmless_message_of_the_labelled_files_tells_an_overdose():
    examples = [
        *team_examples(),
        *extra_examples(),
        *off_topic_gate_examples(),
        *read_folder(HELD_OUT_DIR),
        *read_folder(CANDIDATES_DIR),
    ]
    cues = read_cues()
    assert not [e.text for e in examples if e.label == "none" and tells_overdose(e.text, cues)]


def test_an_overdose_asked_about_gets_the_call_and_poison_help(triage):
    result = triage.classify("I swallowed 25 of my carbamazepine, what do I do now?")
    assert result.label == "emergency"
    assert result.poisoning
    notice = notice_for(result, SafetyLines())
    assert notice is not None
    assert notice.message.startswith("Call 911")
    assert "1-800-222-1222" in notice.message
