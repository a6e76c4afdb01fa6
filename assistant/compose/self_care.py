"""Whether a question asks what the visitor can do themselves, and which heading says so.

Consumer pages split treatment in two: what you can do yourself ("How to treat X yourself",
"What you can do", "Looking after your skin at home") and what a clinician does ("Treatment from
a nurse or doctor", "Medicines your doctor may prescribe"). Both are treatment, so the heading's
kind does not tell them apart, and a story's words ("blocked", "muffled", "blisters") lean to
whichever section retells them. Who acts does: "how do I get rid of it at home?", "what can we
do?" are answered by the first, "what will the doctor do?" by the second.
"""

from __future__ import annotations

import re

# The visitor asks what they (or the family) can do, or where: at home, without a clinician.
# Not "how do I treat it?" or "how do I get rid of it?" alone: they ask how it is treated, and
# a page's treatment section (the creams, the medicines) answers them before its home-care list.
_SELF_CARE_ASK = re.compile(
    r"\b(at home|home (remed\w*|treatments?|care)|myself|ourselves|by (my|our)sel\w*"
    r"|(what|how) (can|could|should|do) (i|we) (do|help|try|use|ease|soothe|manage)"
    r"|how (do|can|could|should) (i|we) (ease|soothe|help|look after|care for|manage|relieve))\b",
    re.IGNORECASE,
)
# The ask names a clinician or an emergency: it is about getting care, not self-care.
_CARE_ASK = re.compile(
    r"\b(doctor|gp|nurse|pharmacist|physician|specialist|hospital|emergency|er|a ?& ?e"
    r"|911|999|112|ambulance|prescri\w*)\b",
    re.IGNORECASE,
)
# A heading for what the reader does: "... yourself", "at home", "What you can do", "Self-care",
# "Things you can try", "Looking after ...", "Daily foot care", "Caring for a child with ...".
_SELF_CARE_HEADING = re.compile(
    r"\b(yourself|yourselves|at home|home (remed\w*|treatments?|care)|self[- ]?(care|help)"
    r"|what you can (do|try)|things (you|to) (can )?(do|try)|how you can help|you can do"
    r"|look(ing)? after|car(e|ing) for|daily care|\w+ care)\b",
    re.IGNORECASE,
)
# A heading for what a clinician does or for getting care, even with "care" in it.
_CLINICIAN_HEADING = re.compile(
    r"\b(doctor|gp|nurse|pharmacist|physician|specialist|clinic|hospital|medical|emergency"
    r"|urgent|prescri\w*|surgery|professional|when to|get(ting)? (help|care))\b",
    re.IGNORECASE,
)


def asks_for_self_care(question: str) -> bool:
    """The question asks what the visitor can do themselves ("how do I get rid of ear wax at
    home?", "what can we do to help?"), naming no clinician and no emergency."""
    return bool(_SELF_CARE_ASK.search(question)) and not _CARE_ASK.search(question)


def self_care_heading(heading: str) -> bool:
    """The heading is for what the reader does ("How to treat sunburn yourself")."""
    return bool(_SELF_CARE_HEADING.search(heading)) and not clinician_heading(heading)


def clinician_heading(heading: str) -> bool:
    """The heading is for what a clinician does or for getting care ("When to get help")."""
    return bool(_CLINICIAN_HEADING.search(heading))
