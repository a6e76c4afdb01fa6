"""The focus of a question: the condition, drug or procedure it is about, read from the noun
phrase after a cue ("symptoms of X", "my son has X", "what is X") or from a subject line."""

from __future__ import annotations

import re

from assistant.understanding.message_text import is_question
from assistant.understanding.vocabulary import (
    FOCUS_STOP,
    LEADING_SKIP,
    NOT_A_TOPIC,
    TRAILING_CHATTER,
)

_FOCUS_BEFORE = (
    r"(?:causes?|symptoms?|signs?|treatments?|cures?|prognosis|outlook|diagnosis|risk factors?|"
    r"complications?|side effects?|medicines?|medications?|therapy|remedies|types?|prevention"
    r"|management|genetics|inheritance|research|cost|risks?|stages?|tests?|screening|vaccines?"
    r"|drugs?|surgery|options|rates?|expectancy|chances?|odds) (?:of|for|with)"
    r"|(?:what|which|can|could|does|do|might|may) (?:can )?causes? |how (?:is|are|was|were) "
    r"|how (?:common|rare|serious|dangerous|bad|contagious) (?:is|are) |how (?:much|many) "
    r"|(?:check|test|tested|screen|screened|screening) for"
    r"|(?:help|dealing|people|patients|children|adults|someone|person|kids|those|men|women) with"
    r"|(?:prescribed|used|given|recommended|available|approved) (?:for|to)|(?:stop |start "
    r"|about )?(?:using|taking)"
    # Text-speak spellings of "what" too: "wat is rheumatoid arthritus".
    r"|(?:what|wat|wut|who) (?:is|are|was|r) (?:a |an |the )?|(?:what|wat)'?s (?:a |an |the )?"
    r"|(?:to|how|can|could|i|you|we|and|or) (?:treat|cure|prevent|diagnose|manage|get rid of)"
    r"|diagnosed (?:with|as)|suffer(?:s|ing|ed)? (?:from|with)|living with|affected by"
    r"|struggling with"
    # A diagnosis someone named: "the doctor called it gout", "his GP says it is shingles".
    r"|(?:called|calls|call|says|said|thinks|thought|confirmed|told \w+)(?: that)? it(?:'s| is"
    r"| was| might be| may be| could be)?"
    r"|(?:information|info|questions?|more|learn|know|read|literature|articles?|material)"
    r" (?:on|about|regarding)|about"
    r"|(?:i|you|he|she|we|they|who|and|that|also|which|son|daughter|husband|wife|mother|father"
    r"|mom|mum|dad|child|baby|grandma|grandpa|grandmother|grandfather|granny|nan|nana|sister"
    r"|brother|aunt|uncle|partner|boyfriend|girlfriend|toddler|teen|teenager|niece|nephew"
    r"|cousin|friend)"
    r" (?:has|have|had|got|get|develop(?:ed)?) (?:a |an |the |been diagnosed with )?"
    r"|can (?:a |an )?[\w ]{0,20}? (?:get|develop|catch)|is (?=\w+(?: \w+)? (?:contagious"
    r"|hereditary|"
    r"inherited|curable|genetic|dangerous|serious|fatal|painful|permanent|treatable"
    r"|preventable))"
    # "does macular degeneration hurt?", "will shingles come back?": the topic is the subject.
    r"|(?:does|do|will|would|can) (?!(?:it|this|that|they|he|she|you|i|we|my|your|his|her)\b)"
    r"(?=\w+(?: \w+){0,2} (?:hurt|itch|heal|spread|go away"
    r"|come back|clear up|run in|turn into|lead to|cause)\b)|how"
)
_FOCUS_CUE = re.compile(rf"\b({_FOCUS_BEFORE})(?:\s+|(?<=\s))", re.IGNORECASE)
_NOUN = re.compile(r"[A-Za-z0-9][\w'-]*")


def find_focus(sentences: list[str], subject: str | None) -> str | None:
    questions = [s for s in sentences if is_question(s)]
    if subject:
        from_subject = _focus_after_cue(subject) or _noun_phrase(subject)
        if from_subject:
            return from_subject
    for sentence in questions + [s for s in sentences if s not in questions]:
        found = _focus_after_cue(sentence)
        if found:
            return found
    return None


def _focus_after_cue(sentence: str) -> str | None:
    for cue in _FOCUS_CUE.finditer(sentence):
        phrase = _noun_phrase(sentence[cue.end() :])
        if phrase:
            return phrase
    return None


def _noun_phrase(text: str, limit: int = 5) -> str | None:
    """The leading noun phrase: words up to a function word or punctuation, at most `limit`."""
    phrase: list[str] = []
    for token in re.split(r"(\s+|[,.;:?!()\"/])", text.strip()):
        if not token or token.isspace():
            continue
        if not _NOUN.fullmatch(token) or (phrase and token.lower() in FOCUS_STOP):
            break
        if not phrase and (token.lower() in LEADING_SKIP or token.isdigit()):
            continue
        if not phrase and token.lower() in FOCUS_STOP:
            break
        phrase.append(token)
        if len(phrase) == limit:
            break
    while phrase and phrase[-1].lower() in TRAILING_CHATTER:
        phrase.pop()
    if not phrase or all(w.lower() in NOT_A_TOPIC or w.isdigit() for w in phrase):
        return None
    return " ".join(_case(w) for w in phrase)


def _case(word: str) -> str:
    return word if 1 < len(word) <= 5 and word.isupper() else word.lower()


# What a page's title wraps around the name of its topic: the site after a separator ("Varicose
# veins | Northfield Vascular Clinic"), a subtitle after a colon ("Iron deficiency anaemia:
# information for patients"), an aside in brackets ("About Shingles (Herpes Zoster)") and a lead
# like "About" or "Understanding".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\u2013\u2014\u00b7]|-|::)\s+|:\s+")
_TITLE_ASIDE = re.compile(r"\s*\([^)]*\)")
_TITLE_LEAD = re.compile(
    r"^(?:all about|facts about|about|understanding|overview of|an? introduction to"
    r"|information (?:about|on)|what (?:is|are)(?: an?| the)?)\s+",
    re.IGNORECASE,
)


def title_topic(title: str) -> str:
    """The name of the topic a page's title gives, for a follow-up's "it" to be read as: "how
    long will pink eye last", not "how long will About Pink Eye last"."""
    name = _TITLE_SEPARATOR.split(title.strip(), maxsplit=1)[0]
    name = _TITLE_LEAD.sub("", _TITLE_ASIDE.sub("", name)).strip(" ?.!")
    return " ".join(name.split()) or title


# What a question can ask about beside the condition itself: "who should get the shingles
# vaccine?", "is the flu jab free?", "the test for coeliac disease". A follow-up's "it" ("is it
# safe?", "does it hurt?") is then the vaccine or the test, not the condition the page is about.
_INTERVENTION = (
    r"(?:vaccines?|vaccinations?|shots?|jabs?|boosters?|immuni[sz]ations?|tests?|scans?"
    r"|screenings?|surgery|surgeries|operations?|transplants?|injections?|inhalers?|implants?)"
)


def named_intervention(question: str, topic: str) -> str | None:
    """ "Shingles vaccine" when `question` names the vaccine, test or operation for `topic`
    ("the shingles vaccine", "a vaccine against shingles"); None when it names none."""
    name = re.escape(topic.strip())
    if not name:
        return None
    before = re.search(rf"\b{name}[\s-]+({_INTERVENTION})\b", question, re.IGNORECASE)
    after = re.search(
        rf"\b({_INTERVENTION})\s+(?:for|against|to prevent|to check for)\s+(?:the\s+)?{name}\b",
        question,
        re.IGNORECASE,
    )
    found = before or after
    return f"{topic.strip()} {found.group(1).lower()}" if found else None
