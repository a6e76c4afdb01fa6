"""Numbness around the bottom or between the legs with a bladder or bowel let go is an emergency
(cauda equina syndrome), told calmly beside a mild back or neck complaint as it often is; a numb
seat on a bike, a leak when coughing, a denial or a what-if is not
(assistant/triage/saddle_numbness.py). The messages are the team's, in no labelled file."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.triage import SafetyLines, notice_for
from assistant.triage.examples import HELD_OUT_DIR, read_folder
from assistant.triage.saddle_numbness import tells_saddle_numbness
from tests.support.labelled import every_labelled_example

CANDIDATES_DIR = Path(HELD_OUT_DIR).parent / "candidates"
TOLD_CALMLY = (
    "my neck has ached since the weekend and today i can't feel between my legs and i wet "
    "myself at work without noticing"
)


@pytest.mark.parametrize(
    "message",
    [
        TOLD_CALMLY,
        "my dad's bum has gone numb and he can't pee since this morning",
        "tingling around my bottom and I can't control my bowels",
        "mi entrepierna esta dormida y no puedo orinar",
    ],
)
def test_a_numb_saddle_with_a_bladder_or_bowel_let_go_is_read(message):
    assert tells_saddle_numbness(message)


@pytest.mark.parametrize(
    "message",
    [
        "my bum goes numb on long bike rides, is that normal?",  # numbness alone
        "I leak urine when I cough since having my baby",  # a leak alone
        "back pain for a month, no numbness, no bladder problems. who should I see?",
        "what if you can't feel your bum and wet yourself, is that serious?",
        "years ago my bum went numb and I couldn't pee after an epidural",
        "my toddler wet himself at nursery today",
    ],
)
def test_either_alone_a_denial_a_what_if_or_the_past_is_not(message):
    assert not tells_saddle_numbness(message)


def test_no_harmless_message_of_the_labelled_files_is_read():
    examples = [*every_labelled_example(), *read_folder(CANDIDATES_DIR)]
    assert len(examples) > 4000
    read = [e for e in examples if tells_saddle_numbness(e.text)]
    assert [e.text for e in read if e.label != "emergency"] == []


def test_told_calmly_it_gets_the_call_alone(triage):
    result = triage.classify(TOLD_CALMLY)
    assert result.label == "emergency"
    assert not result.answer_beside  # a threat sign: the call is not said conditionally
    notice = notice_for(result, SafetyLines())
    assert notice is not None
    assert notice.message.startswith("Call 911")
