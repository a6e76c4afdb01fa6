"""A question about where or whether a medicine can be bought, not how much of it to take: "can I
buy hydrocortisone cream at the pharmacy?", "is ibuprofen gel available over the counter?", "do I
need a prescription for melatonin?", "¿se puede comprar sin receta?".

The model reads "can I ... for my 7 year old" as a personal dose request, and the dose notice
then stands over the article's answer ("can be bought from a pharmacy for adults and children
over 10"). Who may buy a medicine and where is general information the articles give to
everyone. A question that names an amount, a change or a missed dose stays a dose request; a
person's age ("my 7 year old", "she's 4 months") is who it is for, not an amount.
"""

from __future__ import annotations

import re

from assistant.triage.features import fold
from assistant.understanding.message_text import is_question

_BUY = re.compile(
    r"\b(?:buy|buying|bought|purchase|purchasing|get|getting|pick\s+up|comprar|compro|conseguir)"
    r"\b(?:\s+\S+){0,6}?\s+(?:at|from|in|over|off|without|con|sin|en)\s+(?:a\s+|the\s+|an\s+"
    r"|la\s+|una\s+)?(?:pharmacy|pharmacies|chemists?|drug\s*stores?|supermarkets?|shops?|stores?"
    r"|counter|prescription|receta|farmacia)\b"
    r"|\b(?:available|sold|buy\s+it)\s+(?:over\s+the\s+counter|without\s+(?:a\s+)?prescription"
    r"|at\s+(?:a\s+|the\s+)?(?:pharmacy|chemists?|drug\s*stores?))\b"
    r"|\b(?:need|needs|require|requires)\s+(?:a\s+)?prescription\b"
    r"|\b(?:comprar|compro|venden|se\s+vende)\b(?:\s+\S+){0,6}?\s+sin\s+receta\b"
)
# Ages said as ages: "my 7 year old", "7-year-old", "she is 4 months old", "a 10 yo".
_AGE = re.compile(
    r"\b\d{1,2}\s*(?:-\s*)?(?:years?|yrs?|months?|weeks?|y\s*o|a[nñ]os|meses)(?:\s*-?\s*old)?\b"
)
# What keeps it a dose request: an amount, a change, a missed dose, how often.
_DOSE_WORDS = re.compile(
    r"\d|\b(?:how\s+(?:much|many|often)|dose|doses|dosage|mg|ml|stronger|higher|double|extra"
    r"|more|less|stop|skip|missed|increase|decrease|reduce|instead|cuanto|cuantos|cuanta"
    r"|cuantas|dosis)\b"
)


def asks_where_to_buy(message: str) -> bool:
    """Asks whether or where a medicine can be bought, or whether it needs a prescription, and
    names no amount, change or missed dose (an age is no amount). A telling ("bought it at the
    store") asks nothing."""
    folded = fold(message)
    if not is_question(message) or not _BUY.search(folded):
        return False
    return not _DOSE_WORDS.search(_AGE.sub(" ", folded))
