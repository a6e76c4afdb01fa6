"""An emergency reading the model is unsure of, in a message that shows no threat to life: the
call still leads, said conditionally, and the articles' answer may follow it.

The emergency head was trained on emergencies told in plain words, so an everyday complaint told
the same way ("my big toe is red hot and swollen", "my skin is dry and itchy behind my knees",
"I spilt boiling water on my hand, what do I do") can cross its threshold. Given the call alone,
that visitor gets nothing they can use: not the cooling advice for a scald, not what a hot
swollen joint may be. A reading that is sure, or any sign that only the call can meet, keeps the
call alone: the notices of such messages are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.triage.features import Cues, fold
from assistant.triage.saddle_numbness import tells_saddle_numbness
from healthqa.text.emergency_call import asks_about_the_call

# Below this emergency probability a reading is unsure. Out of fold on the train split (five
# folds, three seeds), of the 222 emergencies labelled emergency, those scoring under the cut and
# showing none of the signs below number 1 / 3 / 3 / 4 / 7 / 12 at cuts 0.5 / 0.6 / 0.7 / 0.75 /
# 0.8 / 0.9, and 2 of the 8 harmless messages labelled emergency are so at each cut: the highest
# cut before the count of real emergencies said conditionally grows. Those three still get the
# call first ("If this is severe ...").
EMERGENCY_SURE = 0.7

# Cue groups (data/cues.yaml) that show a threat to life or limb the call is for: with any of
# them, the call stays alone whatever the score.
THREAT_CUES = (
    "breathing",
    "consciousness",
    "seizure",
    "chest_heart",
    "stroke",
    "bleeding",
    "allergy",
    "trauma",
    "pregnancy_danger",
    "infant_fever",
    "toxic_substance",
    "ingestion",
    "sudden",
)

# Red flags the cue groups do not name, English and Spanish: a sudden onset, the worst pain or
# headache of one's life, a tearing pain, a rash or spots that do not fade when pressed.
_RED_FLAGS = re.compile(
    r"\b(?:sudden(?:ly)?|de\s+(?:repente|golpe)|worst\s+(?:\w+\s+){0,2}(?:pain|headache)|tearing|ripping"
    r"|peor\s+dolor|desgarr\w*"
    r"|(?:rash|spots|marks|manch\w*|puntos)\b.{0,40}\b(?:(?:do|does|did)\s*n[o']?t\s+fade"
    r"|not\s+fading|won'?t\s+fade|no\s+se\s+(?:quitan|van|borran|desaparecen)))"
)


# A sudden end to a complaint is no onset: "her earache has suddenly gone", "the pain suddenly
# eased", "it suddenly stopped hurting". The span is read out before the signs are looked for,
# so its "suddenly" is no red flag; every other word of the message still is ("... suddenly
# stopped breathing" keeps its breathing cue, and a stop that is not of a pain, an itch or a
# bleed is not read out). "gone" is an end only when nothing follows it that could say what
# was gone to ("gone pale", "gone floppy"). A message that says the complaint came back or got
# worse keeps its "suddenly": a pain that stops and returns worse can be a burst organ.
_SUDDEN_END = re.compile(
    r"\b(?:suddenly|all\s+of\s+a\s+sudden|de\s+repente)\s+(?:"
    r"gone(?:\s+away)?(?=\s*(?:[?.!,;]|$|(?:and|but|now|so|what|why|how|is|its)\b))"
    r"|(?:went|goes|gone|going)\s+away"
    r"|(?:stopped|stops|stopping)\s+(?:hurting|aching|itching|bleeding)"
    r"|(?:got|gotten|gets|getting|feels?|felt|is|seems?)\s+(?:(?:much|a\s+lot|loads)\s+)?better"
    r"|eased(?:\s+off)?|disappeared|cleared(?:\s+up)?|settled(?:\s+down)?"
    r"|se\s+(?:le\s+|me\s+)?(?:ha\s+)?(?:quito|quitado|paso|pasado|fue|ido))"
)
_CAME_BACK = re.compile(
    r"\b(?:(?:came|come|comes|coming)\s+back|returned|back\s+again|worse|peor|volvio)\b"
)


def unsure_emergency(score: float, texts: Sequence[str], cues: Cues) -> bool:
    """Is an emergency reading of these texts (the message, and it with the turns before it,
    idioms put literally) unsure and free of every threat sign?"""
    return score < EMERGENCY_SURE and not shows_threat(texts, cues)


def shows_threat(texts: Sequence[str], cues: Cues) -> bool:
    """Does any of the texts show a sign that only the call can meet: a threat cue, a red flag,
    numbness around the bottom with a bladder or bowel let go (saddle_numbness.py), or a
    question about calling for help itself?"""
    for text in texts:
        folded = fold(text)
        if not _CAME_BACK.search(folded):
            folded = _SUDDEN_END.sub(" ", folded)
        hits = cues.hits(folded)
        if any(hits.get(name, False) for name in THREAT_CUES):
            return True
        if _RED_FLAGS.search(folded) or asks_about_the_call(folded):
            return True
        if tells_saddle_numbness(text):
            return True
    return False
