"""One chat's turns, and the rewriting of a follow-up into a question that stands on its own.

"Is it contagious?" after a question about shingles is searched as "is shingles contagious?": the
search sees one message at a time, so the topic of the earlier turns has to be carried in.
A message that names its own topic is searched as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.understanding.question import analyze


@dataclass(frozen=True)
class Turn:
    message: str  # what the user typed
    query: str  # what was searched ("" when nothing was: small talk, escalation)
    focus: str | None  # the topic the turn was about
    answer_text: str = ""
    match: float = 0.0  # how well the articles matched `query`: the best ranking score found
    # The turn's own question before it was read together with the one before it ("" when it
    # was not): what a later follow-up is read together with, so the search does not grow
    # with every earlier question.
    own_query: str = ""


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)

    def record(self, turn: Turn) -> None:
        self.turns.append(turn)

    @property
    def last_focus(self) -> str | None:
        """The topic of the latest turn that had one (an unanswered question still had a topic)."""
        for turn in reversed(self.turns):
            if turn.focus:
                return turn.focus
            if turn.query:
                focus = analyze(turn.query).focus
                if focus:
                    return focus
        return None

    @property
    def last_query(self) -> str | None:
        return next((t.query for t in reversed(self.turns) if t.query), None)

    @property
    def last_own_query(self) -> str | None:
        return next((t.own_query or t.query for t in reversed(self.turns) if t.query), None)

    @property
    def last_match(self) -> float:
        """How well the articles matched `last_query` (0.0 when it is not known)."""
        return next((t.match for t in reversed(self.turns) if t.query), 0.0)

    @property
    def topics(self) -> list[str]:
        """Every topic talked about, latest first, each once."""
        seen: dict[str, None] = {}
        for turn in reversed(self.turns):
            if turn.focus and turn.focus.lower() not in (t.lower() for t in seen):
                seen[turn.focus] = None
        return list(seen)


_PRONOUN = re.compile(
    r"\b(this|that|these|those)\s+(condition|disease|illness|disorder|syndrome|infection|problem"
    r"|medicine|medication|drug|treatment|virus|cancer|thing)\b"
    r"|\b(it|its|this|that|they|them|their|these|those)\b",
    re.IGNORECASE,
)
_ELLIPSIS = re.compile(
    r"^\s*(?:and|or|but|also|so)?\s*(?:what|how)\s+about\s+(?P<what>.+?)[?.!]*\s*$"
    r"|^\s*(?:and|or|but|also)\s+(?P<and>.+?)[?.!]*\s*$"
    # Spanish, "¿y a los niños?", "y cuántos me tomo": not text-speak "y" for "why"
    r"|^\s*(?:¿\s*(?:y|o|pero|también|tambien)|(?:y|pero)(?=\s+(?:a|al|en|para|con|los|las|el"
    r"|la|si|cu[aá]nt[oa]s?|qu[eé]|c[oó]mo|cu[aá]ndo)\b))\s+(?P<y>.+?)[?.!]*\s*$",
    re.IGNORECASE,
)
# An age names a group as plainly as a word does: "my 18 month old", "a 3-year-old", "my 6 week
# old baby" (the age's unit, and a word for the child after it, may follow).
_AGED = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]?"
    r"(?:weeks?|months?|years?|yrs?)[- ]?olds?"
)
_AGE = (
    rf"{_AGED}"
    r"(?:\s+(?:baby|child|kid|son|daughter|boy|girl|toddler|grandson|granddaughter))?"
)
_CONTEXT = re.compile(
    r"^(?:(?:in|for|during|with|among|after|before|at|on)\s+.+"
    rf"|(?:my\s+|our\s+|the\s+|a\s+|an\s+)?{_AGE}"
    r"|(?:my\s+|our\s+|the\s+|a\s+)?(?:children|child|kids|kid|babies|baby|infants|infant"
    r"|toddlers|toddler"
    r"|newborns|newborn|teens|teenagers"
    r"|adolescents|adults|elderly|older adults|older people|seniors|men|women|pregnancy"
    r"|pregnant women"
    r"|breastfeeding|smokers|athletes|dogs|cats))$",
    re.IGNORECASE,
)
_TOPIC_NOUNS = {
    "cure": "for", "treatment": "for", "treatments": "for", "medicine": "for", "medication": "for",
    "medications": "for", "vaccine": "for", "test": "for", "tests": "for", "therapy": "for",
}
_TYPE_NOUN = re.compile(
    r"\b(symptoms?|signs?|causes?|prognosis|outlook|side effects?|complications?|risks?"
    r"|risk factors|diagnosis|prevention|types?|stages?|life expectancy|genetics|statistics)\s*$",
    re.IGNORECASE,
)
_VERB_END = re.compile(r"\b(get|have|catch|take|use|treat|prevent|cure|avoid|spread|develop)\s*$")
# "is it normal to ...": an "it" that points at nothing said before.
_DUMMY_IT = re.compile(
    r"\b(is|was|does|will|would|could|can|it's|it is)\s+(it\s+)?(normal|possible|safe|ok|okay|true"
    r"|common|bad|dangerous|necessary|worth|wise|better|too late|hard|easy|likely|unusual)"
    r"(?=\s+(to|that|for|if|when)\b)",
    re.IGNORECASE,
)
# "Back to hep B - how is it treated?", "let's go back to the lung cancer. How is it found?",
# "back to the diabetes question: how common is it?": the visitor returns to an earlier topic.
_RETURN = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|now|and|but|let'?s|let us|can we|could we|i want to|i'd like to"
    r"|i would like to)[\s,]+)*(?:go(?:ing)?\s+)?(?:back|return(?:ing)?)\s+to\s+(?:the\s+|my\s+)?"
    r"(?P<ref>[^.?!:;,\u2013\u2014]+?)(?:\s+(?:question|topic|one|thing))?"
    r"\s*(?:[.?!:;,\u2013\u2014]|\s-\s)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"(in|for|during|with|among|after|before|at|on)\b", re.IGNORECASE)
# "cataracts, how are those treated", "for women - what are the risk factors for breast cancer"
_OWN_QUESTION = re.compile(
    r"^(?P<head>[^,;:\u2013\u2014]+?)\s*(?:,|;|:|\s-\s|\u2013|\u2014)\s*"
    r"(?P<question>(?:what|why|how|when|where|which|who|is|are|can|could|does|do|should|will"
    r"|would)\b.+)$",
    re.IGNORECASE,
)
_GROUPS = (
    rf"(?:my\s+|the\s+|a\s+|an\s+)?(?:{_AGED}|children|child|kids|kid"
    r"|babies|baby|infants|toddlers|teens|teenagers|adolescents|adults|elderly|older adults"
    r"|older people|seniors|men|women|pregnancy|pregnant women)"
)
_GROUP_CONTEXT = re.compile(rf"\s+(?:in|for|among)\s+{_GROUPS}\b", re.IGNORECASE)
_ADULT = re.compile(r"\b(adults?|elderly|older|seniors|men|women)\b", re.IGNORECASE)
_CHILD = re.compile(r"\b(children|child|kids?|bab(?:y|ies)|infants?|toddlers?|teens?"
                    rf"|teenagers?|adolescents?|newborns?|{_AGED})\b",
                    re.IGNORECASE)
_CHILD_WORDS = re.compile(r"\b(childhood|pediatric|paediatric|infantile|juvenile)\s+",
                          re.IGNORECASE)
_ADULT_WORDS = re.compile(r"\b(adult|adult-onset)\s+", re.IGNORECASE)
_SHORT = 4
# "can he still go to nursery?" after a question about pink eye: a person the conversation
# talked about, who has the earlier topic; replaced by nothing, the topic is added "with" them.
_PERSON = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
# "and if it doesn't get better?": the rest of a question about the topic, not a new topic. Not
# "and when can I drive?", a question of its own.
_CLAUSE = re.compile(
    r"^(?:if|whenever|once|unless|until|when(?!\s+(?:can|could|do|does|did|should|shall|will"
    r"|would|is|are|was|were|may|might|must)\b))\b",
    re.IGNORECASE,
)


def points_back(text: str) -> bool:
    """A pronoun that points at something said before ("is it contagious?", "how are those
    treated?"), not the "it" of "is it normal to ..."."""
    return bool(_PRONOUN.search(_DUMMY_IT.sub(" ", text)))


def needs_context(message: str) -> bool:
    """Does the message lean on earlier turns (a pronoun, an ellipsis, too short to stand alone)?"""
    text = message.strip()
    if not text:
        return False
    if _ellipsis(text) is not None:
        return True
    if _names_topic(text):
        return False
    refers = points_back(text) or bool(_PERSON.search(text)) or bool(_ONE.search(text))
    return refers or len(_words(text)) <= _SHORT or _is_bare_type(text)


def contextualize(conversation: Conversation, message: str) -> str:
    """The message as a standalone question, carrying the earlier turns' topic if it needs it."""
    returned = _returning(conversation, message)
    if returned is not None:
        topic, rest = returned
        rewritten = _with_topic(conversation, topic, rest) if rest else f"{topic}?"
        # The topic was named by going back to it, so it stays even in a question without "it".
        return rewritten if topic.lower() in rewritten.lower() else f"{topic}: {rewritten}"
    focus = conversation.last_focus
    if not focus or not needs_context(message):
        return message
    return _with_topic(conversation, focus, message.strip())


def _with_topic(conversation: Conversation, focus: str, text: str) -> str:
    if not needs_context(text):
        return text
    if _ellipsis(text) is None:
        focus = _for_group(focus, text)  # "how is it treated in adults?" after childhood ALL
    what = _ellipsis(text)
    if what is not None:
        return _fill_ellipsis(conversation, focus, what)
    # Not the "it" of "is it ok to ...", which points at nothing.
    if points_back(text):
        return _PRONOUN.sub(lambda m: _replacement(m, focus), text, count=1)
    if _PERSON.search(text):
        return _with_person(text, focus)
    return about_focus(text, focus)


# "when do I need to go to A&E for one": "one" stands for the topic (a nosebleed, a migraine)
# when it ends the question after a verb or preposition; not "no one", "one of", "which one".
_ONE = re.compile(
    r"\b(?P<before>for|with|get|gets|getting|got|have|has|having|had|during|after|treat|stop"
    r"|prevent|about|from|of)\s+(?:a\s+|another\s+)?one(?=\s*[?.!]*\s*$)",
    re.IGNORECASE,
)


def names_no_topic(message: str) -> bool:
    """A question that names no topic of its own and was not read as leaning on earlier turns
    ("when should I see a doctor?", "what will the physio do?"): in a conversation it asks about
    the topic talked about, though searched alone a heading that matches its words better on
    another article's page wins."""
    text = message.strip()
    return bool(_words(text)) and not needs_context(text) and analyze(text).focus is None


def about_focus(message: str, focus: str) -> str:
    """`message` asked about `focus`: its pointing "one" replaced, else the topic added
    ("when should I see a doctor about tinnitus?")."""
    text = message.strip()
    replaced, count = _ONE.subn(lambda m: f"{m.group('before')} {focus}", text, count=1)
    return replaced if count else _append_topic(text, focus)


def _with_person(text: str, focus: str) -> str:
    """"can he still go to nursery?" is asked of someone who has `focus`."""
    core = text.rstrip(" ?.!")
    mark = "?" if text.rstrip().endswith("?") or _looks_like_question(core) else ""
    return f"{core} with {focus}{mark}"


def _returning(conversation: Conversation, message: str) -> tuple[str, str] | None:
    """(the earlier topic a "back to X" names, the rest of the message), if it names one."""
    found = _RETURN.match(message)
    if not found:
        return None
    topic = _earlier_topic(conversation.topics, found.group("ref"))
    return None if topic is None else (topic, found.group("rest").strip())


def _earlier_topic(topics: list[str], reference: str) -> str | None:
    """The earlier topic sharing most words with `reference` ("hep B" -> "hepatitis B": a word
    counts when one is the start of the other); the latest wins a tie, none when nothing is
    shared."""
    said = [w.lower() for w in _words(reference)]
    best, best_shared = None, 0
    for topic in topics:
        words = [w.lower() for w in _words(topic)]
        shared = sum(1 for w in said if any(_same_word(w, t) for t in words))
        if shared > best_shared:
            best, best_shared = topic, shared
    return best


def _same_word(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 3 and long.startswith(short))


# "what about his tablets?", "and her diet?": something the person talked about has, which is
# part of the matter already asked about (his medicines as a cause of his falls), not a new topic.
_OWNED = re.compile(r"^(?:his|her|their|my|our)\s+\w", re.IGNORECASE)


def new_topic(message: str) -> str | None:
    """The topic an elliptical follow-up brings up ("what about X?", "and X?", "what about X,
    is that ...?"), read as a focus; None when it brings up a group ("and in children?") or
    nothing that reads as a topic ("what about the rest?")."""
    what = _ellipsis(message.strip())
    if what is None:
        return None
    split = _with_own_question(what)
    head = split[0] if split else what
    return None if _CONTEXT.match(head) or _OWNED.match(head) else analyze(head).focus


# The words an article's title or heading uses for a group a follow-up names ("kids" -> "My
# Child's Urinary Tract Infection", "older adults" -> "Depression in Older Adults").
_GROUP_NAMES = (
    re.compile(
        r"\b(child|children|childhood|kids?|bab(?:y|ies)|infants?|toddlers?|teens?|teenagers?"
        rf"|adolescents?|pediatric|paediatric|newborns?|\d+\s?yo|{_AGED})\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(elderly|older|seniors?|aging|ageing)\b", re.IGNORECASE),
    re.compile(r"\b(pregnan\w*|expecting)\b", re.IGNORECASE),
    re.compile(r"\b(women|woman|female)\b", re.IGNORECASE),
    re.compile(r"\b(men|man|male)\b", re.IGNORECASE),
    # Last: "older adults" is the older people's group; "adults" alone is its own ("what about
    # adults?" after a childhood illness is answered by an "Adults" section).
    re.compile(r"\b(adults?|grown[- ]?ups?)\b", re.IGNORECASE),
)


def group_of(word: str) -> re.Pattern[str] | None:
    """The pattern of the words naming the group `word` names ("toddler": the children's)."""
    return next((names for names in _GROUP_NAMES if names.fullmatch(word)), None)


def group_names(message: str) -> re.Pattern[str] | None:
    """For an elliptical follow-up that brings up a group ("what about kids?", "and in older
    adults?"), the pattern of the words that name that group; None otherwise."""
    what = _ellipsis(message.strip())
    if what is None or not _CONTEXT.match(what):
        return None
    return next((names for names in _GROUP_NAMES if names.search(what)), None)


def group_asked_about(message: str) -> re.Pattern[str] | None:
    """The pattern of the group a question names (children by a word or an age, older people,
    pregnancy, women, men, adults), elliptical or not: "How many iron tablets should I give my 3
    year old?" asks about children as much as "what about kids?" does. None when it names none;
    the first group in `_GROUP_NAMES` order when it names several."""
    return group_names(message) or next(
        (names for names in _GROUP_NAMES if names.search(message)), None
    )


# What comes before a group's name in a follow-up: "in", "for the", "about my".
_LEADING = re.compile(
    r"^(?:(?:in|for|during|with|among|about)\s+)?(?:(?:my|our|the|a|an)\s+)?", re.IGNORECASE
)


def group_said(message: str) -> str | None:
    """The group an elliptical follow-up brings up, in the visitor's words ("older people" for
    "and in older people?"); None when it brings up none."""
    if group_names(message) is None:
        return None
    what = _ellipsis(message.strip()) or ""
    return _LEADING.sub("", what).rstrip(" ?.!") or None


# "my son is 7": a child by relation. Only for whether a question may be about children: a
# follow-up "what about my son?" is not read as asking about children in general.
_CHILD_BY_RELATION = re.compile(r"\b(sons?|daughters?|grand(?:son|daughter|child)\w*)\b", re.I)


def groups_named(text: str) -> frozenset[int]:
    """Which of the groups (children, older people, pregnancy, women, men, adults) the text names
    or may mean (a son or daughter may be a child)."""
    named = {n for n, names in enumerate(_GROUP_NAMES) if names.search(text)}
    if _CHILD_BY_RELATION.search(text):
        named.add(0)
    return frozenset(named)


def _ellipsis(text: str) -> str | None:
    """What an elliptical follow-up adds: "what about X?", "and X?", or a bare "for kids?"."""
    found = _ELLIPSIS.match(text)
    if found:
        return (found.group("what") or found.group("and") or found.group("y")).strip()
    core = text.rstrip(" ?.!")
    return core if _CONTEXT.match(core) else None


def _fill_ellipsis(conversation: Conversation, focus: str, what: str) -> str:
    previous = conversation.last_query or focus
    split = _with_own_question(what)
    if split is not None:
        return _asked_of(*split, focus=focus)
    if _CLAUSE.match(what):
        return _clause_about(what, focus)
    if _looks_like_question(what):
        # "and when can I drive?", "and what causes it?": a question of its own, read like any
        # follow-up, not a topic to put in the place of the earlier one.
        asked = _with_topic(conversation, focus, what)
        return asked if asked.endswith("?") else f"{asked}?"
    if _CONTEXT.match(what) or _OWNED.match(what):
        return _in_context(previous, focus, what)
    what = _completed(what, focus)
    if _is_short(previous) and focus.lower() in previous.lower():
        return re.sub(re.escape(focus), what, previous, count=1, flags=re.IGNORECASE)
    return what if what.endswith("?") else f"{what}?"


def _in_context(previous: str, focus: str, what: str) -> str:
    """The earlier question asked for a group ("in children") or of what the person talked
    about has ("what about his tablets?": the same matter, his medicines)."""
    if not _CONTEXT.match(what):
        return f"{previous.rstrip(' ?.!')}: {what.rstrip(' ?.!')}?"
    context = what if _PREPOSITION.match(what) else f"in {what}"
    base = previous if _is_short(previous) else focus
    return f"{_for_group(base, what).rstrip(' ?.!')} {context}?"


def _clause_about(clause: str, focus: str) -> str:
    """"and if it doesn't get better?" asks what then: "what if <focus> doesn't get better?"."""
    replaced, count = _PRONOUN.subn(lambda m: _replacement(m, focus), clause, count=1)
    asked = replaced if count else f"{clause} with {focus}"
    return f"what {asked}?" if asked.lower().startswith("if ") else f"{asked}?"


def _with_own_question(what: str) -> tuple[str, str] | None:
    """("cataracts", "how are those treated") from "what about cataracts, how are those
    treated?": an elliptical follow-up that goes on to ask its own question."""
    found = _OWN_QUESTION.match(what)
    return None if found is None else (found.group("head").strip(), found.group("question"))


def _asked_of(head: str, question: str, *, focus: str) -> str:
    """The follow-up's own question, about the topic or for the group its head names: "how are
    those treated" about "cataracts" is "how are cataracts treated?", "what are the main risk
    factors for breast cancer" for "for women" gains "for women"."""
    question = question.strip().rstrip(" ?.!")
    if _CONTEXT.match(head):
        context = head if _PREPOSITION.match(head) else f"in {head}"
        if not _names_topic(question):
            question = _with_topic_words(question, focus)
        return f"{_for_group(question, head)} {context}?"
    topic = _completed(head, focus)
    replaced, count = _PRONOUN.subn(lambda m: _replacement(m, topic), question, count=1)
    if count:
        return f"{replaced}?"
    return _append_topic(f"{question}?", topic)


def _with_topic_words(question: str, focus: str) -> str:
    replaced, count = _PRONOUN.subn(lambda m: _replacement(m, focus), question, count=1)
    return replaced if count else _append_topic(question, focus).rstrip("?")


def _for_group(text: str, group: str) -> str:
    """`text` without the group it named before, when the follow-up names another: "... in older
    adults" and then "and in my 3 year old?" asks about the child alone; "childhood leukemia"
    and then "in adults?" asks about adults' leukemia."""
    if _GROUP_CONTEXT.search(f" {group}") or _CONTEXT.match(group):
        text = _GROUP_CONTEXT.sub("", text)
    if _ADULT.search(group):
        text = _CHILD_WORDS.sub("", text)
    elif _CHILD.search(group):
        text = _ADULT_WORDS.sub("", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _completed(what: str, focus: str) -> str:
    """A partial topic finished from the earlier one: "type 2" after "type 1 diabetes" is
    "type 2 diabetes", "stage 3" after "stage 2 breast cancer" is "stage 3 breast cancer"."""
    said, earlier = what.split(), focus.split()
    if len(earlier) > 1 and len(said) < len(earlier) and said[0].lower() == earlier[0].lower():
        return " ".join([*said, *earlier[len(said):]])
    return what


def _replacement(match: re.Match[str], focus: str) -> str:
    word = match.group(0).lower()
    return f"{focus}'s" if word in ("its", "their") else focus


def _append_topic(text: str, focus: str) -> str:
    core = text.rstrip(" ?.!")
    mark = "?" if text.rstrip().endswith("?") or _looks_like_question(core) else ""
    last = core.split()[-1].lower() if core.split() else ""
    if last in _TOPIC_NOUNS:
        return f"{core} {_TOPIC_NOUNS[last]} {focus}{mark}"
    if _TYPE_NOUN.search(core):
        return f"{core} of {focus}{mark}"
    if _VERB_END.search(core):
        return f"{core} {focus}{mark}"
    return f"{core} about {focus}{mark}"


def _names_topic(text: str) -> bool:
    focus = analyze(text).focus
    return focus is not None and not _PRONOUN.fullmatch(focus) and not _CONTEXT.match(focus)


def _is_bare_type(text: str) -> bool:
    return bool(_TYPE_NOUN.search(text.rstrip(" ?.!"))) and len(_words(text)) <= 6


def _is_short(text: str) -> bool:
    return len(_words(text)) <= 12


def _looks_like_question(text: str) -> bool:
    return bool(_QUESTION_WORD.match(text))


_QUESTION_WORD = re.compile(
    r"(what|why|how|when|where|which|who|is|are|can|could|does|do|should|will)\b", re.IGNORECASE
)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9']+", text)
