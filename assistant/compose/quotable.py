"""Which sentences of an article an answer may quote.

An answer quotes statements about the health topic. Left out: who said it ("..., he tells
WebMD."), the web page itself ("click here", "this website"), bibliography entries, bare links,
questions and headings (context, not statements), and text that tries to instruct the assistant.
The rules look at the shape of a sentence, not at any one site's wording.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.understanding.injection import looks_like_instruction
from healthqa.text.sentences import ABBREVIATIONS

# "..., says Jane Doe, MD, director of ...", "he tells WebMD", "according to Dr. Lee".
_ATTRIBUTION = re.compile(
    r"\b(says|said|explains|explained|notes|noted|adds|added|tells|told|recalls|according to)\b"
    r"[^.!?]{0,60}\b([A-Z][a-z]+\.?\s?){1,3}"
    r"|\b(he|she|they)\s+(says|said|tells|told|explains|notes|adds)\b"
    r"|\b(says|said|tells|told)\s+(Dr|Prof)\b"
    r"|^[“\"].*[”\"],?\s+(he|she|they|[A-Z][a-z]+)\s+(says|said|tells|told)\b"
)
# Sentences about the page rather than the topic.
_PAGE_FURNITURE = re.compile(
    r"\b(watch|view|enlarge|reduce|play) (the|this|our) (\w+ )?(video|slideshow|animation)|"
    r"\bclick (here|on|the)\b|"
    r"\b(see|shown in) (the )?(figure|table|image|picture) ?\d*\b|\bsign up\b|\bsubscribe\b|"
    r"\b(this|our) (web ?site|page)\b|\bvisit(ing)? (the following|this|our) (link|web ?site)\b|"
    r"\bthe following link\b|\bsearch term\b|"
    # "Please visit the CDC's Web site for a more comprehensive list": the list is elsewhere.
    r"\bvisit(ing)?\b[^.!?]{0,80}\bweb ?(site|page)\b|"
    # A picture the answer cannot show: "See this graphic for a quick overview of ...".
    r"\bsee (a|this|the|our|these) (graphic|chart|diagram|illustration|infographic|map|video|"
    r"photo|slideshow|glossary)s?\b",
    re.IGNORECASE,
)
# A pointer at a link the ingested text lost: "Learn more about prediabetes.", "Read more
# about depression in older adults." Case matters: "Learn More About Alzheimer's Disease So
# far, there is no cure..." is a link label glued to a statement, which stays quotable.
_POINTER = re.compile(
    r"^(?:[-*•]\s+)?(?:(?:[Ll]earn|[Rr]ead|[Ff]ind out|[Ss]ee) more\b"
    # "Read or listen to ways some patients are coping": media the answer does not carry.
    r"|(?:[Rr]ead|[Ww]atch|[Ll]isten)(?: to)? or (?:read|watch|listen)\b"
    # "Visit the National Cancer Institute to learn more about ...", "Explore this Health
    # Topic to learn more" ("Talk to your doctor to learn more" is advice, and stays).
    r"|(?:[Vv]isit|[Ss]ee|[Rr]ead|[Ww]atch|[Ee]xplore)\b[^.!?]*\bto learn more\b)"
)
# A pointer at another part of the site or book ("To learn more about the vaccine, see the
# chapter on "Prevention."", "...the risk factors listed below."): what it points at is not in
# the answer. A line ending in a colon introduces a list that is, and stays.
_POINTS_ELSEWHERE = re.compile(
    r"\bsee (?:the |our |this )?(?:chapter|section|part|topic|article|page)s? "
    r"(?:on|about|called|titled|entitled)\b"
    r"|\b(?:listed|described|discussed|explained|shown|mentioned) (?:below|above)\b",
    re.IGNORECASE,
)
# An offer of a resource rather than a statement: "Get tips on finding an eye care
# professional.", "Find information about clinical trials.", and a short call to find one
# ("Find a dentist near you.").
_CALL_TO_ACTION = re.compile(
    r"^(?:[-*•]\s+)?(?:(?:get|find|download|order|print) (?:tips|information|resources|a list|"
    r"more information|help finding)\b"
    r"|(?:find|locate|search for) an? (?:[\w-]+ ){0,3}(?:professional|specialist|provider|"
    r"doctor|dentist|therapist|clinic|center)s?\b[^.!?]{0,30}[.!]$)",
    re.IGNORECASE,
)
# "In people with certain kinds of dry eye, it may decrease damage": the opening phrase names
# the condition and the people, so the pronoun after it is something else, named only in a
# sentence before. (After "If left untreated, it ..." the pronoun is the topic, and stays.)
_PRONOUN_AFTER_PEOPLE = re.compile(
    r"^(?:in|for|among|with) (?:people|patients|adults|children|women|men|those|some|many|most|"
    r"older adults|persons)\b[^,.;]{0,80},\s+(?:it|this|these)\s+(?!is\b|was\b|'s\b)",
    re.IGNORECASE,
)
# "Rubber band ligation, in which ..., is the most common.": a superlative with no noun after it
# ranks the subject among things named only in the sentence before ("a doctor may suggest a
# procedure"); the most common what?
_BARE_SUPERLATIVE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:usually\s+|often\s+|by far\s+)?the\s+(?:most|least)\s+\w+"
    r"\s*[.!]?\s*$",
    re.IGNORECASE,
)
# "also" before the main verb, within a subject's length of the start and before any comma:
# "Donepezil is also approved", "Patients with long-term pain may also be treated" (not "It
# can spread, and it can also...", where the "also" leans on the sentence's own first half).
_ALSO_IN_MAIN_CLAUSE = re.compile(
    r"^[A-Z][\w'’-]*(?: [\w'’()-]+){0,7}? (?:is|are|was|were|has|have|may|can|could|might|"
    r"will|would|should|must|do|does)? ?also (?!known\b|called\b)\w+",
)
_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)
# Bibliography entries: "Smith AB, Jones CD.", "et al.", "2005;12(3):45-67", "PMID: 123".
_REFERENCE = re.compile(
    r"(\b[A-Z][A-Za-z'-]+ [A-Z]{1,3}(,|\.)\s){2,}|\bet al\.|\b\d{4};\s?\d+\s?(\(\d+\))?:\s?\d+"
    r"|\bPMID\b|\bdoi:\s?10\.",
)
# Words a page's conversion lost, leaving their commas: "mutations in the,,,, or gene".
_LOST_WORDS = re.compile(r"[\w)],\s?,")
# A list flattened into the text after a sentence: "... which may cause urine to leak. weak
# bladder muscles weak pelvic floor muscles ...". A sentence never goes on in lower case after
# a full stop that follows a plain word, but after an abbreviation ("2/3 tsp. of salt").
_RUN_ON_AFTER_STOP = re.compile(r"\b([a-z]{3,})\. [a-z]{2,}")
# The splitter's abbreviations, and units written with a full stop.
_ABBREVIATED = ABBREVIATIONS | {"tsp", "tbsp", "etc", "min", "max", "hrs", "yrs", "wks", "lbs"}
_STATEMENT_END = re.compile(r"""[.!;)\]"'”’]\s*$""")


# A sentence that opens a quotation is someone's words; without its speaker it has no source.
_OPENS_QUOTE = re.compile(r"^[“\"‘]")
# Unless the quotation is a term the sentence goes on to talk about ('"Anxiety attack" is not
# a medical term.'): a few words closed without punctuation of their own, then the sentence.
_QUOTED_TERM = re.compile(r"^[“\"‘][^“”\"‘’.,!?;:]{1,40}[”\"’]\s+[a-z(]")


# Every question checks the sentences of every retrieved section; popular sections come back
# often, and a check is a pure function of the text, so results are kept (bounded).
@lru_cache(maxsize=65_536)
def is_quotable(sentence: str) -> bool:
    """A statement about the topic that can stand in an answer (list items included)."""
    text = sentence.strip()
    quotes = bool(_OPENS_QUOTE.match(text)) and not _QUOTED_TERM.match(text)
    if not text or text.endswith("?") or quotes or is_attribution(text):
        return False
    if _URL.search(text) or _REFERENCE.search(text) or _PAGE_FURNITURE.search(text):
        return False
    if _POINTER.match(text) or _LOST_WORDS.search(text) or _runs_on_after_stop(text):
        return False
    if points_elsewhere(text):
        return False
    return not looks_like_instruction(text)


def points_elsewhere(sentence: str) -> bool:
    """The sentence points at another part of the site or book, or offers a resource: in an
    answer, a page leftover."""
    text = sentence.strip()
    points = _POINTS_ELSEWHERE.search(text) and not text.endswith(":")
    return bool(points or _CALL_TO_ACTION.match(text))


def leans_on_sentence_before(sentence: str) -> bool:
    """A pronoun after a phrase that names the people ("In people with dry eye, it may
    decrease..."): what it stands for was named only before. Quoted with the sentence before
    it, or not at all. So does a sentence ending on a superlative with no noun ("..., is the
    most common.")."""
    sentence = sentence.strip()
    return bool(_PRONOUN_AFTER_PEOPLE.match(sentence) or _BARE_SUPERLATIVE.search(sentence))


def adds_to_sentence_before(sentence: str) -> bool:
    """An "also" in the main clause ("Donepezil is also approved...", "Patients with long-term
    pain may also be treated..."): more of what the sentence before said, so quoted with it
    when it can be (alone, after a list it adds to, it still reads)."""
    return bool(_ALSO_IN_MAIN_CLAUSE.match(sentence.strip()))


def is_attribution(sentence: str) -> bool:
    return bool(_ATTRIBUTION.search(sentence))


def ends_statement(sentence: str) -> bool:
    return bool(_STATEMENT_END.search(sentence))


def _runs_on_after_stop(text: str) -> bool:
    return any(m.group(1) not in _ABBREVIATED for m in _RUN_ON_AFTER_STOP.finditer(text))
