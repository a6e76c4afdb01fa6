"""A document's provenance lines: when it was reviewed, where its content comes from, its
leaflet number, and its "for information only" notice; facts about the document, not about
health.

Pages and leaflets close (or open) with such a line ("Page last reviewed: October 1, 2025.
Content source: County Public Health Department.", "This leaflet is for general information
only. Westbrook Hospital Patient Information Group. Leaflet number AUD-014.", "Patient
information leaflet PI-URO-022. Last reviewed: 5 May 2025."), and an answer quoting the
section above it quoted the line as if the article said it. The loaders read the reviewed date
before cleaning, so the line has nothing left to give.

A line's closing run of sentences is provenance when each of its sentences is one of:

- a date stamp: a label and a date ("Last reviewed: 5 May 2025", "Date of last review: ...");
- a source: "Source:", "Content source:", "Produced by:" and what follows, on a line of its own
  or after another provenance sentence;
- a document number: a label ("leaflet", "reference", "number") and a code ("AUD-014");
- a notice that the document is for information only or no substitute for advice, said of the
  document itself ("This leaflet is ...", "The information on this page ...");
- beside any of those: a name (every word capitalised: "Westbrook Hospital Patient Information
  Group."), or a credit ("Medically reviewed by the ... team", "Leaflet produced by the ...
  Service", "Patient information from the ... Department").

A sentence of advice is none of these, so a line that says anything about health keeps it; only
the provenance after it goes.
"""

from __future__ import annotations

import re

from healthqa.text.sentences import split_sentences
from ingest.review_date import DATE

_STAMP_WORD = r"(?:reviewed|review|updated|update|published|modified|revised|issued|produced)"
# A year alone dates a stamp too, after the label's colon ("Next review due: 2026"); without
# one it is a sentence's ("The vaccine was first produced in 1998.").
_STAMP_DATE = rf"(?::?\s*(?:on\s+)?{DATE}|:\s*(?:19|20)\d{{2}})"
# Not "Next review due": that is a plan, but a line of it is furniture all the same.
_STAMP = re.compile(
    rf"^(?:[A-Za-z]+ ){{0,4}}?{_STAMP_WORD}(?: [A-Za-z]+)?{_STAMP_DATE}\s*[.;,]?$",
    re.IGNORECASE,
)
# The label, then a name: "Content source: County Public Health Department".
_SOURCE = re.compile(
    r"^(?i:(?:(?:content|information|original) )?(?:source|sources|produced by|published by"
    r"|publisher|prepared by))\s*:\s*[A-Z0-9]"
)
SOURCE_MAX_WORDS = 15
# "Leaflet number ENT-009", "Patient information leaflet PI-URO-022", "Information sheet 14",
# "Ref: PIL/0412": a label of what the document is, and a code with a digit in it.
_NUMBER = re.compile(
    r"^(?:[\w-]+ ){0,3}?(?:leaflet|sheet|reference|ref|number|no|code|version|document"
    r"|publication|pil)\b\.?(?: (?:number|no\.?|code))?\s*:?\s*(?=[\w./-]*\d)[A-Z0-9][\w./-]*?"
    r"\.?$",
    re.IGNORECASE,
)
_DOCUMENT = (
    r"(?:leaflet|page|fact ?sheet|information|article|guide|booklet|website|site|content"
    r"|publication|handout|resource)"
)
# Beside the others only: who wrote or checked the document ("Medically reviewed by the ...
# team", "Leaflet produced by the ... Service"), whose it is ("Patient information from the ...
# Department").
_CREDIT = re.compile(
    rf"^(?:(?:this|the|our) )?(?:{_DOCUMENT} )?(?:(?:was|is|has been) )?"
    r"(?:(?:medically|also|last|clinically) )?(?:reviewed|written|updated|edited|checked"
    r"|produced|developed|prepared|approved) by\b"
    r"|^(?:[\w-]+ ){0,3}?(?:information|leaflet|advice|content) from (?:the )?[A-Z]",
    re.IGNORECASE,
)
CREDIT_MAX_WORDS = 15
_NOTICE = re.compile(
    rf"^(?:this|the|our|all)\s+(?:[\w-]+\s+){{0,4}}?{_DOCUMENT}\b.{{0,80}}?\b(?:"
    r"(?:for )?(?:general )?(?:information|guidance|educational purposes) only"
    r"|(?:is )?not (?:a )?substitute for"
    r"|(?:is )?not intended (?:to|as|for)"
    r"|should not be used (?:in place of|instead of|as a substitute)"
    r"|does not replace"
    r"|(?:is )?not medical advice)",
    re.IGNORECASE,
)
# The parts of a sentence that lists facts about the document.
_PARTS = re.compile(r"\s*[,;]\s+")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’&.-]*|of|and|the|for|in|on|&)$")
NAME_MAX_WORDS = 10


def provenance_start(line: str) -> int | None:
    """Where the line's closing run of provenance sentences starts, or None when it has none
    (or only names)."""
    last = re.split(r"(?<=[.!?])\s+", line.strip())[-1]
    if not (_is_provenance(last) or _is_name(last) or _is_credit(last)):
        return None  # the cheap look first: most lines end on a sentence of their own
    start: int | None = None
    strong = False
    for begin, end in reversed(split_sentences(line)):
        sentence = line[begin:end].strip()
        if _is_provenance(sentence):
            strong = True
        elif not (_is_name(sentence) or _is_credit(sentence)):
            break
        start = begin
    return start if strong else None


def _is_provenance(sentence: str) -> bool:
    """One provenance sentence, or one that lists several ("Leaflet HE-07, reviewed May 2024")."""
    if _is_one_provenance(sentence):
        return True
    parts = _PARTS.split(sentence.strip().rstrip("."))
    return len(parts) > 1 and any(map(_is_one_provenance, parts)) and all(
        _is_one_provenance(p) or _is_name(p) or _is_credit(p) for p in parts
    )


def _is_one_provenance(sentence: str) -> bool:
    words = len(sentence.split())
    if _STAMP.match(sentence) or _NOTICE.match(sentence):
        return True
    if _SOURCE.match(sentence) and words <= SOURCE_MAX_WORDS:
        return True
    return bool(_NUMBER.match(sentence))


def _is_credit(sentence: str) -> bool:
    return len(sentence.split()) <= CREDIT_MAX_WORDS and bool(_CREDIT.match(sentence))


def _is_name(sentence: str) -> bool:
    """A name, or names listed with commas ("Diet Service, Community Health Department.")."""
    parts = _PARTS.split(sentence.strip().rstrip("."))
    return all(map(_is_one_name, parts))


def _is_one_name(sentence: str) -> bool:
    words = sentence.rstrip(".").split()
    if not 2 <= len(words) <= NAME_MAX_WORDS or re.search(r"\d", sentence):
        return False
    return all(_NAME_WORD.match(word) for word in words) and words[0][0].isupper()
