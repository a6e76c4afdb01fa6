"""Whether a message names the danger itself: suicide, self-harm, a wish to die, how deadly
something is. The off-topic gate (model.py) never speaks for such a message: it may only withhold
a crisis label from chat that names no danger, where a far-from-health message ("write me a poem
about cars") is more likely than a crisis told in everyday words.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from assistant.triage import screen
from assistant.triage.features import Cues, fold

WORDS_FILE = Path(__file__).resolve().parent / "data" / "danger-words.yaml"
# Cue groups of cues.yaml that name the danger. Not the means, plans or farewells: "tomorrow",
# "bridge" and "goodbye" are everyday chat.
DANGER_CUES = ("suicide_word", "self_harm_act", "death_wish", "lethality")


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
