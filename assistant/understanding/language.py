"""The language a question is written in, when it is surely not English.

The articles are searched with an English sentence model and an English speller, so a question
in Spanish or French ("¿Cuánto tiempo dura la amigdalitis?") finds nothing; saying that the
articles are searched in English is more honest than "I couldn't find this", which suggests the
articles lack the answer. The identification is py3langid's (a maintained port of langid.py,
trained on 97 languages), restricted to languages a visitor here is likely to write in, so that
a short English question full of drug names ("is ibuprofen ok") is not read as Romanian. Short
messages are left alone: two or three words ("dolor de cabeza", "hpv vaccine") are too few to
tell a language by.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# What the identifier chooses between (ISO 639-1), and how a notice names each.
LANGUAGES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "tr": "Turkish",
    "ro": "Romanian",
    "sv": "Swedish",
    "vi": "Vietnamese",
    "id": "Indonesian",
}
MIN_WORDS = 4
# The identifier's normalised probability a language must reach to be said.
SURE = 0.9


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def warm_up() -> None:
    """Loads the identifier's model (~3 s), so that no visitor waits for it."""
    _identifier()


def other_language(message: str) -> str | None:
    """The name of the language `message` is surely written in, if that is not English."""
    if len(message.split()) < MIN_WORDS:
        return None
    code, probability = _identifier().classify(message)
    if code == "en" or float(probability) < SURE:
        return None
    return LANGUAGES[code]
