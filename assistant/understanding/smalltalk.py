"""Greetings, thanks, goodbyes and "who are you": a short fixed reply instead of a search.

Only a message made of nothing else gets one; "hi, what is gout?" is a question and goes on.
"""

from __future__ import annotations

import re
import unicodedata

_ABOUT = (
    "I answer health questions using only vetted health articles, and I show the passages each "
    "answer comes from. This is general information, not medical advice: for your own situation, "
    "talk to a clinician. In an emergency, call {emergency}."
)
_GREETING = f"Hello! {_ABOUT} What would you like to know?"
THANKS_REPLY = (
    "You're welcome. Ask another health question any time; remember this is general information "
    "from vetted articles, not medical advice."
)
GOODBYE_REPLY = "Take care! For anything about your own health, please talk to a clinician."
_ABOUT_REPLY = (
    f"I'm HealthQA. {_ABOUT} I can explain conditions, symptoms, treatments and prevention in "
    "general terms, but I can't diagnose you or tell you what dose to take."
)

_KINDS: tuple[tuple[str, str], ...] = (
    ("about", r"who are you|what are you|what can you do|what do you do|how do you work"
     r"|how does this work|what is this|are you (a |an )?(bot|robot|human|real person|doctor|ai"
     r"|person|nurse)|what can i ask( you)?|help|about|what are you for|what is healthqa"),
    # Not "I'm done": alone it can be despair, and it is left to the safety triage and search.
    ("goodbye", r"bye|goodbye|bye bye|see you( tomorrow| soon| later)?|see ya|good night"
     r"|goodnight|take care|that is all|that's all|later|adios|hasta luego|hasta manana"
     r"|hasta pronto|nos vemos|chao|chau|buenas noches"),
    ("thanks", r"thanks|thank you|thank u|thx|ty|many thanks|much appreciated|appreciate it"
     r"|cheers|great|perfect|awesome|cool|ok|okay|got it|that helps|that helped|very helpful"
     r"|helpful|nice|good|i see|gracias|muchas gracias|mil gracias|vale|perfecto|genial"
     r"|(that'?s|that is|that was|this is|this was) (very |really |so |super )?(helpful|useful"
     r"|great|good|perfect|clear)|(that )?makes sense|useful|muy util|me sirvio"),
    ("greeting", r"hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day)"
     r"|how are you|how are you doing|what's up|whats up|hi there|hello there|hey there"
     r"|hola|buenos dias|buenas tardes|buenas"),
)
_FILLER = (
    r"so much|very much|a lot|again|mucho|muchisimo|for (the|your) (help|answer|info|information)"
    r"|there"
)
_PHRASES = tuple(
    (kind, re.compile(rf"(?:{pattern})(?= |$)"))
    for kind, pattern in (*_KINDS, ("filler", _FILLER))
)
_REPLIES = {
    "about": _ABOUT_REPLY, "greeting": _GREETING, "thanks": THANKS_REPLY,
    "goodbye": GOODBYE_REPLY,
}
# The replies with the United States emergency number, the default.
GREETING_REPLY = _GREETING.format(emergency="911")
ABOUT_REPLY = _ABOUT_REPLY.format(emergency="911")
# A reply to the most telling part: "thanks, bye" says goodbye, "hi, who are you?" introduces.
_PRIORITY = ("about", "goodbye", "thanks", "greeting")


def small_talk_reply(message: str, *, emergency_number: str = "911") -> str | None:
    """A fixed reply when the message is only small talk, else None."""
    kind = small_talk_kind(message)
    return None if kind is None else _REPLIES[kind].format(emergency=emergency_number)


def small_talk_kind(message: str) -> str | None:
    """"about", "goodbye", "thanks" or "greeting" when the message is only small talk (the most
    telling kind when it mixes them), else None."""
    plain = unicodedata.normalize("NFKD", message.lower().replace("’", "'"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))  # "adiós" -> "adios"
    text = re.sub(r"[^a-z' ]+", " ", plain)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None
    kinds: set[str] = set()
    position = 0
    while position < len(text):
        found = _longest_phrase(text, position)
        if found is None:
            return None
        kind, position = found
        kinds.add(kind)
        position += 1
    return next((kind for kind in _PRIORITY if kind in kinds), None)


def _longest_phrase(text: str, position: int) -> tuple[str, int] | None:
    """The kind and end of the longest small-talk phrase starting at `position`."""
    best: tuple[str, int] | None = None
    for kind, phrase in _PHRASES:
        found = phrase.match(text, position)
        if found and found.end() > position and (best is None or found.end() > best[1]):
            best = (kind, found.end())
    return best
