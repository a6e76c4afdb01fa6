"""A question about how to take a medicine, not how much: "should I take ibuprofen with food?",
"can I take my antibiotics with milk?", "is it better on an empty stomach?", "how should I take
alendronic acid?", "¿el hierro se toma con zumo de naranja?".

The model reads "can I take my X" as a personal dose request, and the dose notice then withholds
the very sentences that answer the question ("best taken with a glass of orange juice"). What to
take a medicine with, whether before or after meals, at what time of day, and whether a cream or
the like may go on the skin are general information the articles give to everyone; they ask for
no amount and no change. A question that also names an amount, a
change, a missed dose or alcohol stays a dose request (alcohol with a medicine is a question
about this person's safety).
"""

from __future__ import annotations

import re

from assistant.triage.features import fold

# What it is taken with or around: food, a drink that is not alcohol, a meal, or the stomach,
# said as people say them: with my morning coffee, a light breakfast, my usual cup of tea.
_WITH_WHAT = re.compile(
    r"\b(?:with|without|alongside|after|before|con|sin|despues\s+de|antes\s+de)\s+"
    r"(?:(?:a|an|my|some|the|un|una|el|la|mi)\s+)?(?:glass\s+of\s+|vaso\s+de\s+|drink\s+of\s+)?"
    r"(?:(?:morning|evening|night|daily|usual|first|light|big|large|small|hot|cold|warm"
    r"|cup\s+of|mug\s+of)\s+){0,2}"
    r"(?:food|meals?|eating|breakfast|lunch|dinner|snack|milk|dairy|yogh?urt|cheese"
    r"|(?:orange\s+|fruit\s+|apple\s+)?juice|water|tea|coffee|cola"
    r"|comida|comer|desayuno|almuerzo|cena|leche|lacteos|zumo|jugo|agua|te|cafe)\b"
    r"|\b(?:on|in)\s+an?\s+(?:empty|full)\s+stomach\b|\ben\s+ayunas\b"
    r"|\bbefore\s+or\s+after\s+(?:food|meals?|eating|breakfast)\b"
    r"|\b(?:in\s+the\s+)?(?:morning|evening)\s+or\s+(?:at\s+)?(?:night|bedtime|evening)\b"
)
# The manner of taking it, asked outright: "how should I take alendronic acid?", "what is the
# right way to take it?". Asked of the person only ("how should my son take it" leaves the dose
# of a child to the model), and with take or use, not give.
_HOW = re.compile(
    r"\bhow\s+(?:should|do|must|can|would|to|is|are)\s+(?:(?:i|you|we|one)\s+)?"
    r"(?:take|use|be\s+taken|be\s+used)\b"
    r"|\b(?:best|right|correct|proper)\s+way\s+(?:to|of)\s+(?:take|taking|use|using)\b"
    r"|\bcomo\s+(?:se\s+toma|tomo|debo\s+tomar|hay\s+que\s+tomar)\b"
)
# When in the day it is taken, asked outright: "what time of day should I take it?", "is it
# better to take it at night?", "¿a qué hora se toma?". The articles say it to everyone.
_WHEN = re.compile(
    r"\b(?:what|which)\s+time(?:\s+of\s+(?:the\s+)?day)?\b|\btime\s+of\s+(?:the\s+)?day\b"
    r"|\bwhen\s+(?:should|do|must|can|is\s+it\s+best\s+to)\s+(?:i|you|we|one)\s+take\b"
    r"|\b(?:at|in\s+the)\s+(?:night|bedtime|morning|evening)\b|\ba\s+que\s+hora\b"
    r"|\b(?:por|en)\s+la\s+(?:manana|noche|tarde)\b"
)
# Whether to put a product on the skin: "can I put an antiseptic cream on a graze?", "is it ok
# to use a moisturiser on eczema?". Using a cream or ointment is no dose of a medicine.
_ON_THE_SKIN = re.compile(
    r"\b(?:put|puts|putting|apply|applying|use|using|rub|rubbing|spread|smear|dab)\b"
    r"(?:\s+\w+){0,4}?\s+(?:creams?|ointments?|gels?|lotions?|balms?|moisturi[sz]ers?"
    r"|emollients?|sunscreens?|sprays?|powders?|patches|plasters?|dressings?)\b"
    r"(?:\s+\w+){0,2}?\s+(?:on|onto|to|over)\b"
    r"|\b(?:poner|ponerme|aplicar|aplicarme|usar|untar)\w*\s+(?:\w+\s+){0,3}?"
    r"(?:crema|pomada|gel|locion)\b"
)
# A child or a body named beside "how do I take it" makes it a question of how much for them.
_FOR_SOMEONE = re.compile(
    r"\b(?:(?:baby|infant|toddler|child|kid|son|daughter|bebe|nino|nina|hijo|hija)s?|babies"
    r"|childs|children|childrens|years?\s+old|weigh\w*|kg|lbs?|pounds|peso)\b"
)
_TAKE = re.compile(
    r"\b(?:take|takes|taking|taken|took|give|gives|giving|tomar\w*|toma|tomo|dar\w*|doy)\b"
)
# What keeps it a dose request: an amount, a change, a missed dose, alcohol.
_DOSE_WORDS = re.compile(
    r"\d|\b(?:one|two|three|four|half|double|extra|another|more|less|fewer|how\s+(?:much|many)"
    r"|dose|doses|dosage|mg|ml|units?|puffs?|tablets?\s+at\s+once|stop|skip|skipped|miss|missed"
    r"|forgot|forget|instead|increase|decrease|reduce|lower|raise|alcohol|beer|beers|wine|vodka"
    r"|whisky|whiskey|booze|liquor|drinks|drunk|cerveza|vino|alcohol|dos|doble|mitad|mas|menos"
    r"|cuanto|cuantos|cuanta|cuantas|olvide|deje|twice|how\s+often|how\s+long|times\s+a)\b"
)


def asks_how_to_take(message: str) -> bool:
    """Asks how to take a medicine, what to take it with or around (food, a drink, meals), at
    what time of day, or whether to put a cream or the like on the skin, and names no amount,
    change, missed dose or alcohol."""
    folded = fold(message)
    asked_how = bool(_HOW.search(folded)) and not _FOR_SOMEONE.search(folded)
    when = bool(_TAKE.search(folded) and _WHEN.search(folded))
    manner = asked_how or when or bool(_TAKE.search(folded) and _WITH_WHAT.search(folded))
    manner = manner or bool(_ON_THE_SKIN.search(folded))
    return manner and not _DOSE_WORDS.search(folded)
