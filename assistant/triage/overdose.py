"""A message that tells of many tablets taken at once: an overdose, whatever follows it.

"I swallowed 20 of my lithium, what should I do?" read as harmless (every class under 0.2): the
model learnt overdoses told as statements, and a question after the telling pulls every score
down, as it does for emergencies (told.py). Read alone, the telling scores a crisis, but a
crisis reading of the telling would escalate ordinary questions too (bench/QUALITY.md,
fifteenth session). This rule is narrower and of high precision: someone (the writer, or a
person they name) took, swallowed or downed a count of ten to ninety-nine tablets of a medicine,
or a whole bottle or pack of one, or all of them at once, and it is not told of years ago nor
asked as a what-if. A count of 100 or more is read as milligrams ("I take 300 gabapentin"), a
count with a unit ("20 mg", "10 minutes") as a dose or a time, and "all my pills" alone as a
course taken as prescribed. Such a message is a poisoning emergency: the call and Poison Help.
Whether it was meant is not for the rule to tell; the crisis lines follow where the danger is
named (classifier.py). On every labelled file (team, extra, gate, held-out, candidates, two
blind sets) it fires on 10 messages, each already escalated, and on no harmless message (a
test holds the second).
"""

from __future__ import annotations

import re

from assistant.triage.features import Cues, fold

_TAKER = (
    r"(?:^|\bi\b|\bive\b|\bim\b|\bmy\s+\w+(?:\s+\w+)?|\bhe\b|\bshe\b|\bwe\b|\bthey\b"
    r"|\bjust\b|\bme\b|\bmi\s+\w+|\bse\b)"
)
_TOOK = (
    r"(?:took|taken|swallowed|ate|eaten|drank|downed|chewed|popped|had"
    r"|tome|me tome|se tomo|trague|me trague|se trago|se comio|me comi)"
)
_AMOUNT = (
    r"(?:(?:like|about|around|maybe|over|almost|nearly|como|unas?|casi|mas de)\s+)?"
    r"(?P<amount>\d{2,3}|all(?:\s+(?:of\s+)?(?:my|his|her|their|the))?|a whole|the whole"
    r"|an entire|the entire|a full|half (?:a|the)|todas?(?:\s+(?:las|los|mis|sus))?"
    r"|un bote|una caja|un blister|la caja|el bote)"
)
_TELLS = re.compile(
    _TAKER + r"[^.?!]{0,25}?\b(?P<verb>" + _TOOK + r")\s+" + _AMOUNT + r"(?P<rest>[^.?!]{0,40})"
)
# Verbs that say only what goes into the mouth: after them, "25 of my <anything>" is tablets
# ("I swallowed 25 of my carbamazepine"), as it is not after "took" ("took 20 of my kids").
_SWALLOWED = re.compile(
    r"(?:swallowed|downed|chewed|popped|ate|eaten|drank|trague|me trague|se trago)$"
)
_OF_THEIR_OWN = re.compile(r"\s*of (?:my|his|her|their|mis|sus) \w+")
# A number followed by a unit is a dose or a time, not a count of tablets.
_UNIT = re.compile(
    r"^\s*(?:mg|mcg|ug|g|ml|cc|iu|units?|%|milligrams?|grams?|minutes?|mins?|hours?|hrs?"
    r"|days?|weeks?|years?|seconds?)\b"
)
_CONTAINER = re.compile(
    r"\s*(?:bottle|pack|packet|box|blister|strip|container|jar|tub|sheet|bote|caja|frasco)s?\b"
)
# "all my pills" is taken at once only when the message says so, or names the container.
_AT_ONCE = re.compile(
    r"\b(?:at once|in one go|at the same time|all together|de golpe|de una vez|a la vez"
    r"|bottle|pack|packet|box|blister|strip|bote|caja|frasco)\b"
)
_TABLETS = re.compile(
    r"\s*(?:of (?:my|his|her|their|the|your|mis|sus) )?(?:pills?|tablets?|capsules?|meds?"
    r"|pastillas?|comprimidos?)\b"
)
_LONG_AGO = re.compile(
    r"\b(?:years? ago|months? ago|when i was|used to|back then|as a (?:kid|child|teen|teenager)"
    r"|in (?:19|20)\d\d|once when"
    r"|hace (?:\d+|unos|unas|varios|varias|dos|tres|muchos) (?:anos|meses)"
    r"|cuando era|de (?:joven|pequen[oa]))\b"
)
_WHAT_IF = re.compile(
    r"\b(?:if|would|could (?:someone|you|a person)|someone|somebody|a person|hypothetically"
    r"|si (?:alguien|una persona|me tomo|tomo))\b"
)
MAX_COUNT = 99  # above: milligrams ("I take 300 gabapentin")
MIN_COUNT = 10


def tells_overdose(message: str, cues: Cues) -> bool:
    folded = fold(message)
    if _LONG_AGO.search(folded):
        return False
    for match in _TELLS.finditer(folded):
        amount, rest = match.group("amount"), match.group("rest")
        if amount[0].isdigit():
            if not MIN_COUNT <= int(amount) <= MAX_COUNT or _UNIT.match(rest):
                continue
        elif amount.startswith(("all", "tod")):
            if not _AT_ONCE.search(folded[match.start() :]):
                continue
        elif not _CONTAINER.match(rest):
            continue
        if _WHAT_IF.search(folded[max(0, match.start() - 30) : match.end()]):
            continue
        named = " ".join(rest.split()[:5])
        hits = cues.hits(named)
        if hits["medicine"] or hits["toxic_substance"] or _TABLETS.match(rest):
            return True
        if _SWALLOWED.search(match.group("verb")) and _OF_THEIR_OWN.match(rest):
            return True
    return False
