"""A question whether what someone has is a named condition, asked after telling it: "I keep
forgetting things, is it Alzheimer's?", "my son's knee is swollen, could it be arthritis?".

The old screen's rule (screen.asks_diagnosis, also a feature of the trained model, so it is left as
it is) knows "do I have X?" and "could this lump be cancer?", not "is it X?". Asked of a told
complaint, that is a request for a diagnosis: the articles' general information is given with the
fixed reminder that only a clinician can diagnose. A question about the condition itself ("is it
contagious?", "is it normal?", "could it be serious?") is not one.
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
# The complaint told before the question is someone's own: a first-person or close third person.
_TOLD_OF_SOMEONE = re.compile(r"\b(?:i|im|ive|my|me|he|she|hes|shes|his|her|our|we)\b")


def asks_which_condition(message: str) -> bool:
    folded = fold(message)
    for found in _IS_IT.finditer(folded):
        told = folded[: found.start()]
        if _ABOUT_IT.match(found.group("what")) or not _TOLD_OF_SOMEONE.search(told):
            continue
        return True
    return False
