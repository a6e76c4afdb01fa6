"""A request to change a prescribed dose: "can I stop my prednisone early?", "should I double up
on my metformin?", "¿puedo dejar la prednisona?", "hoy me tomo dos?".

The issue's definition of a personal dose request includes changing a prescribed dose, and the
model misses it most in casual and Spanish wording, where there is no amount to ask for. This is
high-precision evidence read beside the model: a question asked for a person (I, my son, she) with
a verb that changes how a medicine is taken (stop, skip, double, taper, come off, dejar,
saltarse, duplicar) whose object is a medicine or a dose. "How can I lower my cholesterol without
meds", "le doy más fruta?" and every other harmless message of the team's sets are not read so
(tests/test_triage_dose_change.py).
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from assistant.triage.features import CUES_FILE, fold

_WHO = r"(?:i|we|he|she|they|u|you|my\s+\w+(?:\s+\w+)?)"
# Asked for a person, or said as an intention ("I want to come off my sertraline").
_ASK = (
    rf"(?:(?:can|could|should|may|must|shall)\s+{_WHO}"
    rf"|(?:is\s+it|its|would\s+it\s+be|will\s+it\s+be)\s+(?:ok|okay|alright|safe|fine|bad"
    rf"|dangerous)\s+(?:if\s+{_WHO}|for\s+(?:me|him|her|us|{_WHO})\s+to|to)"
    rf"|(?:ok|okay)\s+(?:if\s+{_WHO}|to)"
    rf"|{_WHO}\s+(?:want|wanna|need|needs|wants|am\s+going|m\s+going|is\s+going|plan"
    r"|am\s+planning|m\s+planning|thinking\s+(?:about|of))(?:\s+to)?)"
)
_CHANGE = (
    r"(?:stop|skip|double(?:\s+up(?:\s+on)?)?|halve|cut\s+(?:back|down)(?:\s+on)?|quit"
    r"|come\s+off|go\s+off|get\s+off|taper(?:\s+off)?|wean\s+off|lower|reduce|increase|raise"
    r"|up|split|miss|drop|pause|hold\s+off(?:\s+on)?|withhold|suspend|discontinue|take\s+(?:two|2|an?\s+extra|another|double|half|more|less|both)"
    r"(?:\s+of)?)(?:ping|ing)?(?:\s+taking)?"
)
_ES_ASK = (
    r"(?:puedo|podria|podemos|debo|deberia|tengo\s+que|es\s+malo|esta\s+bien|pasa\s+algo\s+si"
    r"|quiero|quiere|se\s+puede|le\s+puedo|me\s+puedo|hay\s+problema\s+si)"
)
_ES_CHANGE = (
    r"(?:dejar(?:\s+de\s+tomar)?|suspender|saltar(?:me|le)?|duplicar|doblar"
    r"|tomar(?:me|le)?\s+(?:dos|doble|otra|mas|la\s+mitad|media)|bajar(?:le|me)?|subir(?:le|me)?"
    r"|aumentar|reducir|partir|cortar|quitar(?:me|le)?)"
)
# Between the verb and the medicine: a determiner and at most two words, none of which starts
# a new phrase ("lower my cholesterol without meds" does not lower the meds).
_FILLER = (
    r"(?:(?:my|his|her|their|the|this|that|these|those|a|an|one|todays|tonights|our|el|la|los"
    r"|las|mi|mis|su|sus|una|un)\s+)?"
    r"(?:(?!(?:without|with|if|when|while|before|after|by|on|for|and|or|but|because|sin|con"
    r"|si|cuando|antes|despues|y|o|pero|porque)\b)\w+\s+){0,2}?"
)
# Spanish with the medicine left unsaid: "hoy me tomo dos?", "mañana me lo salto?"
_ES_IMPLICIT = re.compile(
    r"\b(?:me|le|se)\s+(?:tomo|doy|pongo|pone)\s+(?:dos|doble|otra|mas)\b[^.]*\?"
    r"|\b(?:me|se)\s+(?:lo|la)\s+(?:salto|dejo|quito|suspendo)\b"
)
# Besides the medicine names of cues.yaml: doses, prescriptions and amounts in units, and the
# shapes of medicine names the list cannot hold ("alendronic acid", "risedronate", "apixaban",
# "bisoprolol"): the endings of the drug classes' international names.
_MORE_MEDICINE = (
    r"pasti|pastis|anticonceptiv\w*|dosis|dose|doses|dosage|prescription|receta|\w+\s+(?:mg|ml)"
    r"|\w+ic\s+acid|bisphosphonates?|blood\s+thinners?|anticoagulants?"
    r"|\w+(?:dronate|olol|pril|sartan|statin|azole|cillin|mycin|cycline|floxacin|prazole"
    r"|triptan|xaban|gatran|parin|gliptin|gliflozin|azepam|azolam|oxetine|dipine|tidine"
    r"|lukast|olone|thasone)"
)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    medicine = "|".join(f"(?:{p})" for p in read_cues_medicine()) + f"|\\b(?:{_MORE_MEDICINE})\\b"
    changed = re.compile(
        rf"\b{_ASK}\s+(?:just\s+)?{_CHANGE}\s+{_FILLER}(?:{medicine})"
        rf"|\b{_ES_ASK}\s+{_FILLER}{_ES_CHANGE}\s+{_FILLER}(?:{medicine})"
    )
    return changed, re.compile(medicine)


def read_cues_medicine() -> list[str]:
    """The medicine patterns of cues.yaml (the list the model reads too)."""
    cues: dict[str, list[str]] = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))["cues"]
    return cues["medicine"]


def asks_to_change_dose(message: str) -> bool:
    """Does the message ask whether a person may stop, skip, double or otherwise change how they
    take a medicine?"""
    changed, medicine = _patterns()
    folded = fold(message)
    if changed.search(folded):
        return True
    return bool(_ES_IMPLICIT.search(folded) and medicine.search(folded))
