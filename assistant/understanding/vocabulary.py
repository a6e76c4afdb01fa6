"""The word lists the question reader uses, loaded once from `data/vocabulary.yaml`."""

from __future__ import annotations

from pathlib import Path

import yaml

from healthqa.text.words import STOPWORDS

_LISTS = yaml.safe_load(
    (Path(__file__).resolve().parent / "data" / "vocabulary.yaml").read_text(encoding="utf-8")
)


def _words(name: str) -> frozenset[str]:
    return frozenset(str(word).lower() for word in _LISTS[name])


# Words of asking and politeness ("please", "wondering"): never search terms.
CHATTER = _words("chatter")
# A focus made only of these names no topic ("my son's condition").
NOT_A_TOPIC = STOPWORDS | CHATTER | _words("not_a_topic")
TRAILING_CHATTER = CHATTER | _words("trailing_chatter")
FOCUS_STOP = STOPWORDS | CHATTER | _words("focus_stop")
LEADING_SKIP = _words("leading_skip")
