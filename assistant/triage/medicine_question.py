"""A question asking for general information about a medicine ("what happens if I forget to
take my omeprazole?", "what are the side effects of sertraline?") that the model
reads as a crisis.

Crises tell of medicines (stopped, hoarded, taken to die), so a question naming one can lean to
the crisis class though it names no danger. The crisis lines then stand above a plain question
about a medicine. Such a question is read without the crisis class when it asks for information
(the informational cue), names a medicine and no amount taken, and neither it nor the turns
before it name a danger, use a word of death, harm or pills, or tell of a means, something
swallowed or despair. The label is then decided without the crisis class. No crisis or
emergency of the labelled sets (the team's, extra, gate, held-out and candidate files) is such a
question (tests/test_medicine_question.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.triage.danger import quiet_about_danger
from assistant.triage.features import Cues, fold
from assistant.understanding.message_text import is_question

# Cue groups (data/cues.yaml) that keep a question about a medicine open to a crisis reading: an
# amount, a means or how deadly it is, something swallowed or taken on purpose, despair, a
# farewell, or the danger named.
KEEPS_CRISIS = (
    "means",
    "lethality",
    "drug_on_purpose",
    "dose_amount",
    "ingestion",
    "toxic_substance",
    "despair",
    "farewell",
    "suicide_word",
    "self_harm_act",
    "death_wish",
)

# An amount taken, in any words: "40 ibuprofen", "all my sertraline at once", "too many",
# "a whole box". How much is the question of an overdose, not of a medicine's use.
_AMOUNT = re.compile(
    r"\d|\b(?:all|whole|entire|at\s+once|too\s+(?:much|many)|lots?|bunch|handful|more\s+than"
    r"|extra|double|bottles?|box(?:es)?|packs?|packets?|strips?|a\s+few|several|dozens?"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|fifty|hundred)\b"
    r"|todas?|todos|caja|frasco|muchas?|muchos|demasiad\w*)\b"
)


def asks_about_a_medicine(message: str, earlier: Sequence[str], cues: Cues) -> bool:
    """An informational question naming a medicine, with no sign of a crisis in it or in the
    turns before it."""
    if not is_question(message):
        return False
    folded = fold(message)
    if _AMOUNT.search(folded):
        return False
    hits = cues.hits(folded)
    if not (hits["informational"] and hits["medicine"]):
        return False
    if any(hits.get(name, False) for name in KEEPS_CRISIS):
        return False
    return quiet_about_danger([message, *earlier], cues)
