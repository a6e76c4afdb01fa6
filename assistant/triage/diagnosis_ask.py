"""A question whether what someone has is a named condition, asked after telling it: "I keep
forgetting things, is it Alzheimer's?", "my son's knee is swollen, could it be arthritis?".

The old screen's rule (screen.asks_diagnosis, also a feature of the trained model, so it is left as
it is) knows "do I have X?" and "could this lump be cancer?", not "is it X?". Asked of a told
complaint, that is a request for a diagnosis: the articles' general information is given with the
fixed reminder that only a clinician can diagnose. A question about the condition itself ("is it
contagious?", "is it normal?", "could it be serious?") is not one.

"Am I X?" ("am I anaemic?", "am I allergic to nuts?") asks the same of oneself, told or not; "am
I contagious?", "am I at risk?", "am I allowed to ...?" ask about oneself, not for a diagnosis.

The condition a diagnosis question names (`condition_named`) is what the visitor wants read
about: it, not the story told before it, says which article answers.
"""

from __future__ import annotations

import re

from assistant.triage.features import fold

# "is it X?", "could this be X?", "might it be X?" ending the message (or one of its sentences).
_IS_IT = re.compile(
    r"\b(?:is\s+(?:it|this|that)|are\s+(?:these|those|they)"
    r"|(?:could|might|may|can)\s+(?:it|this|that|these|those|they)\s+be)\s+"
    r"(?:an?\s+|the\s+|some\s+(?:kind|sort|type)\s+of\s+)?(?P<what>\w+(?:\s+\w+){0,3})\s*\?"
)
# What the question asks of the condition rather than which condition it is.
_ABOUT_IT = re.compile(
    r"(?:normal|ok|okay|fine|safe|serious|dangerous|contagious|catching|infectious|bad|worse"
    r"|worth|true|possible|likely|hereditary|inherited|genetic|curable|cured|treatable|treated"
    r"|common|rare|painful|necessary|needed|related|linked|connected|caused|because|due|from"
    r"|reason|cause|side|something|anything|nothing|permanent|forever|temporary|gone|over|done"
    r"|harmful|fatal|deadly|life|spread|passed|too|my|his|her|their|your|all|just|only|still"
    r"|enough|better|good|help|helpful|real|there|here|when|how|what|why|where|who|which|a)\b"
)
# "am I X?" ending the message or one of its sentences.
_AM_I = re.compile(r"\bam\s+i\s+(?:an?\s+|the\s+)?(?P<what>\w+(?:\s+\w+){0,3})\s*\?")
# What "am I ...?" asks that is not which condition one has: a state, a permission, a doing.
_ABOUT_ME = re.compile(
    r"(?:at|allowed|able|supposed|meant|going|ok|okay|fine|safe|normal|contagious|infectious"
    r"|catching|immune|protected|covered|eligible|too|still|just|only|doing|being|right|wrong"
    r"|overreacting|crazy|imagining|old|young|the\s+only|\w+ing)\b"
)
# "do I have X?", "could I have X?", "does my son have X?": the condition after the verb.
_DO_I_HAVE = re.compile(
    r"\b(?:(?:do|could|might|may)\s+i|(?:does|could|might)\s+(?:my\s+\w+|he|she))\s+have\s+"
    r"(?:an?\s+|the\s+)?(?P<what>\w+(?:\s+\w+){0,3})\s*\?"
)
# The complaint told before the question is someone's own: a first-person or close third person.
_TOLD_OF_SOMEONE = re.compile(r"\b(?:i|im|ive|my|me|he|she|hes|shes|his|her|our|we)\b")


def asks_which_condition(message: str) -> bool:
    """"..., is it X?" asked of a complaint told before it, or "am I X?"."""
    if asks_if_i_am(message):
        return True
    folded = fold(message)
    for found in _IS_IT.finditer(folded):
        told = folded[: found.start()]
        if _ABOUT_IT.match(found.group("what")) or not _TOLD_OF_SOMEONE.search(told):
            continue
        return True
    return False


def asks_if_i_am(message: str) -> bool:
    """"am I lactose intolerant?": whether one has a condition, asked of oneself."""
    return any(not _ABOUT_ME.match(m.group("what")) for m in _AM_I.finditer(fold(message)))


def condition_named(message: str) -> str | None:
    """The condition a diagnosis question names: X in "..., is it X?", "am I X?", "do I have
    X?"; None when the message asks none of them."""
    folded = fold(message)
    for pattern, about in ((_IS_IT, _ABOUT_IT), (_AM_I, _ABOUT_ME), (_DO_I_HAVE, _ABOUT_IT)):
        for found in pattern.finditer(folded):
            if not about.match(found.group("what")):
                return found.group("what")
    return None
