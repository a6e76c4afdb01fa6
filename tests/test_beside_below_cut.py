"""Under the emergency call said conditionally, the articles' answer follows even when the
message, a complaint told in everyday words, matches its article below the calibrated cut: the
call alone leaves the visitor nothing to use (assistant/service.py, `beside_the_call`). A match
too weak, or passages spread over several articles, still gets the call alone. A sudden end to a
complaint ("the pain has suddenly gone") is no sudden onset (unsure_emergency.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.compose.citations import check_answer_citations
from assistant.retrieval.abstain import should_abstain
from assistant.service import BESIDE_FLOOR
from assistant.triage.features import read_cues
from assistant.triage.unsure_emergency import shows_threat
from assistant.understanding.conversation import Conversation
from assistant.understanding.question import analyze
from tests.support.kb import build_article_assistant

BURNS = """# Burns and scalds

A burn is damage to the skin caused by heat. A scald is a burn from a hot liquid or steam, such as
a cup of tea, a kettle or bath water. Most small burns can be treated at home.

## First aid for burns and scalds

- Cool the burn under cool or lukewarm running water for 20 minutes. Do not use ice or iced water.
- Remove any clothing or jewellery near the burn, unless it is stuck to the skin.
- Keep yourself or the person warm with a blanket, taking care not to rub the burnt area.
- Cover the burn loosely with cling film or a clean plastic bag.
- Take paracetamol or ibuprofen for the pain.
- Do not put butter, toothpaste or creams on the burn.

## Blisters after a burn

Blisters protect the skin underneath while it heals. Do not pop them. If a blister bursts, keep
the area clean and cover it with a non-fluffy dressing.

## How long burns take to heal

Small, shallow burns usually heal within 2 weeks and rarely leave a scar. Deeper burns take
longer and may need treatment in hospital.

## When to get medical help

Go to an urgent treatment centre or see a GP if:
- the burn is larger than the palm of the hand
- the burn is on the face, hands, feet or genitals
- the skin is white, charred or leathery
- the burn was on a child under 5 or a pregnant woman
- the pain or redness is getting worse after a few days, which may be an infection
"""

# In no triage file. The shipped model reads both as unsure emergencies with no threat sign.
BELOW_THE_CUT = "I spilt boiling water on my hand, what do I do"
TOO_WEAK = (
    "my daughter touched the iron and her finger has gone red and shiny, what can i put on it"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "burns.md", BURNS)


def _best(assistant, message):
    triage = assistant.triage.classify(message)
    retrieval = assistant.retriever.search(analyze(message), vector=triage.vector)
    return triage, retrieval


def test_a_story_below_the_cut_gets_the_call_then_its_article(assistant):
    triage, retrieval = _best(assistant, BELOW_THE_CUT)
    assert triage.label == "emergency"
    assert triage.answer_beside
    # Asked without the call, the story would be declined: it matches below the cut.
    assert should_abstain(retrieval, assistant.calibration)
    answer = assistant.answer(Conversation(), BELOW_THE_CUT)
    assert answer.safety is not None
    assert answer.safety.message.startswith("If this is severe")
    assert answer.text.startswith(answer.safety.message)
    assert answer.citations
    assert {Path(c.doc_id).name for c in answer.citations} == {"burns.md"}
    assert check_answer_citations(answer).precision == 1.0


def test_a_match_too_weak_keeps_the_call_alone(assistant):
    triage, retrieval = _best(assistant, TOO_WEAK)
    assert triage.answer_beside
    assert retrieval.passages[0].score < BESIDE_FLOOR * assistant.calibration.threshold
    answer = assistant.answer(Conversation(), TOO_WEAK)
    assert answer.safety is not None
    assert answer.citations == ()
    assert answer.text == answer.safety.message


@pytest.mark.parametrize(
    "text",
    [
        "her earache has suddenly gone, what happened?",
        "the pain in my wrist suddenly went away, is that normal",
        "it suddenly stopped hurting this morning",
        "my headache suddenly got better",
    ],
)
def test_a_sudden_end_is_no_threat_sign(text):
    assert not shows_threat([text], read_cues())


@pytest.mark.parametrize(
    "text",
    [
        "her lips have suddenly gone blue",
        "he suddenly stopped breathing",
        "she has suddenly gone floppy",
        "the pain suddenly went away and then came back much worse",
        "sudden pain in my knee",
    ],
)
def test_a_sudden_onset_still_is(text):
    assert shows_threat([text], read_cues())
