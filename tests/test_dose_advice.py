"""After a personal dose request, the answer leaves out amounts and advice to start, stop or
change a medicine, and keeps warnings against changing one alone."""

from __future__ import annotations

import pytest

from assistant.triage.dose_advice import withheld_after_dose_request
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

STATIN_PAGE = """# Statins

## Taking statins

Statins lower the amount of cholesterol the liver makes. Most people take one tablet a day.
If your muscles ache, you should stop taking it straight away.
Do not stop taking a statin without talking to your doctor first.
Statins are usually taken for life.
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "you should stop taking it straight away.",
        "Stopping cholesterol medicine is always safe.",
        "Most adults take 20 mg at night.",
        "You can switch to the cheaper tablets after a month.",
        # how often it is taken is this person's dose too
        "Levothyroxine is taken once a day.",
        "Most people use the inhaler twice daily.",
        "Take it every 4 to 6 hours while the pain lasts.",
        "Children take it three times a day, as the doctor prescribed.",
        "La metformina se toma dos veces al día.",
    ],
)
def test_amounts_and_advice_to_change_a_medicine_are_withheld(sentence: str) -> None:
    assert withheld_after_dose_request(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Do not stop taking a statin without talking to your doctor first.",
        "Never double the next dose to make up for a missed one.",
        "Your pharmacist can tell you whether to lower the dose.",
        "Regular exercise can lower cholesterol.",
        "Stopping smoking helps your heart.",
        "Do not take two doses together.",
        "Never use the spray more than three times a day.",
        "Regular exercise three times a week helps your heart.",
    ],
)
def test_warnings_referrals_and_other_changes_are_kept(sentence: str) -> None:
    assert not withheld_after_dose_request(sentence)


def test_a_request_to_stop_a_medicine_is_not_answered_with_stop(tmp_path_factory, embedder):
    assistant = build_article_assistant(tmp_path_factory, embedder, "statins.md", STATIN_PAGE)
    answer = assistant.answer(Conversation(), "Should I stop taking my statin? my legs ache")
    assert answer.safety is not None
    assert answer.safety.kind == "dosing"
    assert "without talking to your doctor" in answer.text
    assert "stop taking it straight away" not in answer.text
    assert "one tablet a day" not in answer.text


@pytest.mark.parametrize(
    "sentence",
    [
        "If you forget a tablet, leave it and take the next one at the usual time.",
        "If you miss a dose of your inhaler, take it when you remember.",
        "If you do not remember until the evening, skip the missed dose.",
    ],
)
def test_what_to_do_about_a_missed_dose_is_withheld(sentence: str) -> None:
    # "do not remember" negates the remembering, not the skipping
    assert withheld_after_dose_request(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Never take two doses to make up for a forgotten one.",
        "If you miss a pill, you may need extra contraception.",
        "Many people forget to take their inhaler.",
        "Remember to take it with food.",
        "Tell your asthma clinic if you often miss doses.",
        "Do not suddenly stop or reduce the tablets.",
    ],
)
def test_warnings_and_talk_of_missed_doses_are_kept(sentence: str) -> None:
    assert not withheld_after_dose_request(sentence)
