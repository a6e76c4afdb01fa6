"""Whether a message names the danger itself: suicide, self-harm, a wish to die, how deadly
something is. The off-topic gate (model.py) never speaks for such a message: it may only withhold
a crisis label from chat that names no danger, where a far-from-health message ("write me a poem
about cars") is more likely than a crisis told in everyday words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import yaml

from assistant.triage import screen
from assistant.triage.features import Cues, fold

WORDS_FILE = Path(__file__).resolve().parent / "data" / "danger-words.yaml"
# Cue groups of cues.yaml that name the danger. Not the means, plans or farewells: "tomorrow",
# "bridge" and "goodbye" are everyday chat.
DANGER_CUES = ("suicide_word", "self_harm_act", "death_wish", "lethality")


# Words of death, life, harm, hopelessness or leaving, English and Spanish, broad on purpose: a
# message that uses any of them is not cleared of danger by being a figure of speech or an
# instruction to the assistant ("my mum will kill me if I fail, I'd rather be dead"). Matched
# on folded text (lower case, no accents or apostrophes).
_DARK_WORDS = re.compile(
    r"\b(?:die[sd]?|dying|dead|death|deaths|kill\w*|murder\w*|suicid\w*|alive|live|living|lives"
    r"|life|end(?:ing)?\s+(?:it|this|things|everything|my)|gone|disappear\w*|hurt\w*|harm\w*"
    r"|cut\w*|bleed\w*|blood|pills?|overdos\w*|od|rope|gun|bridge|jump\w*|goodbye|bye|burden"
    r"|blades?|razors?|knife|knives|noose|hang\w*|drown\w*|navaja|cuchill\w*|soga|puente"
    r"|worthless|hopeless|pointless|anymore|better\s+off|no\s+point|give\s+up|can'?t\s+go\s+on"
    r"|mor(?:ir|irme|ire|ia|i|iria)\w*|muer\w*|muert\w*|mat(?:ar|arme|o|a|an|e)\b\w*|vivir|vida"
    r"|desaparec\w*|pastillas?|adios|aguanto|carga|sangr\w*|cort\w*|ya\s+no"
    # and grief ("she passed last year and I want to be with her")
    r"|passed|heaven|grave|funeral|be\s+with\s+(?:him|her|them)|falleci\w*|cielo|estar\s+con)\b"
)


def speaks_of_death_or_harm(text: str) -> bool:
    return bool(_DARK_WORDS.search(fold(text)))


def quiet_about_danger(texts: Iterable[str], cues: Cues) -> bool:
    """None of the texts names a danger or uses a word of death, life, harm or grief."""
    return not any(names_danger(t, cues) or speaks_of_death_or_harm(t) for t in texts)


@cache
def danger_words(path: Path = WORDS_FILE) -> re.Pattern[str]:
    words = yaml.safe_load(path.read_text(encoding="utf-8"))["words"]
    return re.compile("|".join(f"(?:{w})" for w in words))


def names_danger(text: str, cues: Cues) -> bool:
    folded = fold(text)
    hits = cues.hits(folded)
    if any(hits.get(name, False) for name in DANGER_CUES):
        return True
    notice = screen.screen(text)
    return (notice is not None and notice.kind == "crisis") or bool(
        danger_words().search(folded)
    )
