"""A message that tells of numbness around the bottom or between the legs together with lost
control of the bladder or bowel: pressure on the nerves at the base of the spine (cauda equina
syndrome), an emergency whatever else the message says.

"my back has been sore for a week but since this morning i cant feel my bum or between my legs
and i just wet myself without realising" read as harmless: the model learnt emergencies from
messages that sound alarming, and this one is told calmly, in everyday words, beside a
complaint (back pain) that is nearly always mild. Each half alone is no emergency often enough
(a cyclist's numb seat, a leak when coughing); together, told of someone now, they are one of
the few back-pain signs every article sends to the emergency department. The rule is narrow and
of high precision: the numb part is named as someone's ("my bum", "between her legs"), the loss
of control is told as happening ("wet myself", "can't control my bowels", "can't pee"), neither
is denied ("no numbness, no bladder problems") nor told of years ago or asked as a what-if. On
every labelled file (team, extra, held-out, candidates) it fires on the one cauda equina
emergency and on no harmless message (tests/test_saddle_numbness.py).
"""

from __future__ import annotations

import re

from assistant.triage.features import fold

_WHOSE = r"(?:my|his|her|their|our|mi|su)"
_PART = (
    r"(?:bum|bottom|butt|buttocks?|backside|bum\s+cheeks?|anus|back\s+passage|genitals?|privates"
    r"|private\s+parts|groin|crotch|perineum|inner\s+thighs?|saddle\s+area|nalgas|trasero"
    r"|genitales|entrepierna)"
)
# "my bum", "my dad's bum" (folded "my dads bum"), "between her legs".
_OWNER = rf"{_WHOSE}\s+(?:\w+s\s+)?"
_AREA = rf"(?:{_OWNER}{_PART}|between\s+{_OWNER}legs|around\s+{_OWNER}{_PART}"
_AREA += rf"|entre\s+las\s+piernas|alrededor\s+de\s+{_WHOSE}\s+{_PART})"
_NUMB = (
    r"(?:numb|numbness|tingl\w*|pins\s+and\s+needles|(?:cant|can\s*not|couldnt)\s+feel"
    r"|no\s+(?:longer\s+)?feel|lost\s+(?:the\s+|all\s+)?(?:feeling|sensation)"
    r"|no\s+(?:feeling|sensation)|dormid[oa]s?|no\s+siento|entumid[oa]s?|adormecid[oa]s?)"
)
# The numbness said of the area, in either order: "can't feel my bum", "my bum is numb",
# "numb around my bottom", "tingling between my legs".
_SADDLE = re.compile(
    rf"\b{_NUMB}\b(?:\s+\w+){{0,4}}?\s+{_AREA}\b"
    rf"|\b{_AREA}\b(?:\s+\w+){{0,3}}?\s+(?:is|are|feels?|felt|went|gone|going|has\s+gone"
    rf"|have\s+gone|esta|estan)?\s*(?:\w+\s+){{0,2}}?{_NUMB}\b"
)
_SELF = r"(?:myself|himself|herself|themselves|themself|ourselves)"
# Control of the bladder or the bowel lost now: "wet myself", "pooed herself", "can't control
# my bladder", "can't pee", "leaking urine without noticing".
_LOST_CONTROL = re.compile(
    rf"\b(?:wet|wetting|wets|peed|peeing|pissed|pissing|weed|soiled|soiling|pooed|pooped"
    rf"|pooing|pooping|messed|shat)\s+{_SELF}\b"
    r"|\b(?:lost|losing|lose|loss\s+of|no)\s+(?:the\s+)?control\s+(?:of|over)\s+"
    r"(?:my|his|her|their|the)\s+(?:bladder|bowels?|pee|wee|poo)\b"
    r"|\b(?:cant|can\s*not|couldnt|unable\s+to)\s+(?:control|hold)\s+(?:my|his|her|their)\s+"
    r"(?:bladder|bowels?|pee|wee|poo|urine)\b"
    r"|\b(?:cant|can\s*not|couldnt|unable\s+to)\s+(?:pee|wee|urinate|pass\s+urine|go\s+for\s+a\s+"
    r"(?:pee|wee))\b"
    r"|\b(?:leaking|leaked|leaks)\s+(?:urine|pee|wee|poo)\b"
    r"|\bno\s+(?:bladder|bowel)\s+control\b"
    r"|\bno\s+(?:puedo|puede)\s+(?:orinar|controlar\s+(?:la\s+)?(?:vejiga|orina))\b"
    r"|\bme\s+(?:he\s+)?(?:orine|hice\s+pis|hecho\s+pis)\s+encima\b"
)
# Denied ("no numbness", "not numb", "no bladder problems"), long ago, or supposed.
_DENIED = re.compile(
    r"\b(?:no|not|never|without|nor|isnt|arent|wasnt|dont|doesnt|didnt)\s+(?:\w+\s+)?"
    r"(?:numb\w*|tingl\w*|incontinen\w*|(?:bladder|bowel)s?\s+(?:problems?|issues?|trouble"
    r"|symptoms?|changes?))"
)
_LONG_AGO = re.compile(
    r"\b(?:years?\s+ago|months?\s+ago|when\s+i\s+was|used\s+to|back\s+then|as\s+a\s+(?:kid|child"
    r"|teen|teenager)|in\s+(?:19|20)\d\d|hace\s+(?:\d+|unos|unas|varios|varias|muchos)\s+"
    r"(?:anos|meses))\b"
)
_WHAT_IF = re.compile(
    r"\b(?:what\s+if|if\s+(?:someone|somebody|a\s+person|you)|hypothetically"
    r"|si\s+(?:alguien|una\s+persona))\b"
)


def tells_saddle_numbness(message: str) -> bool:
    """Numbness around someone's bottom or between their legs, and lost control of the bladder
    or bowel (or no pee coming), both told as happening now."""
    folded = fold(message)
    if _DENIED.search(folded) or _LONG_AGO.search(folded) or _WHAT_IF.search(folded):
        return False
    return bool(_SADDLE.search(folded) and _LOST_CONTROL.search(folded))
